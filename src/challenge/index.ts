export * from './types.js';
export { checks, judge, type Check, type Condition, type Unmet, type Verdict } from './judge.js';
export { challengesDir, isLevelData, kindOfFile, loadLevelFile, loadLevels, readPath, validateLevel, type Levels } from './load.js';
export { CHALLENGE } from './strings.js';
