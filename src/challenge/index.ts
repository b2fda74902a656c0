export * from './types.js';
export { checks, judge, type Check, type Condition, type Unmet, type PathVerdict } from './judge.js';
export { challengesDir, isLevelData, kindOfFile, loadLevelFile, loadLevels, readPath, validateLevel, type Levels, type ParProof } from './load.js';
export { PAR_MAX_EXPANDED, parBound, pathText, searchPar, type ParBound, type ParSearch } from './par.js';
export { CHALLENGE } from '../i18n/challenge.js';
