export * from './types.js';
export { judge, type Unmet, type Verdict } from './judge.js';
export { challengesDir, loadLevels, readPath, validateLevel, type Levels } from './load.js';
export { CHALLENGE } from './strings.js';
