export * from './types.js';
export { checks, judge, type Check, type Condition, type Unmet, type Verdict } from './judge.js';
export { challengesDir, loadLevels, readPath, validateLevel, type Levels } from './load.js';
export { CHALLENGE } from './strings.js';
