export { makeQuiz, specsFor, letter, type Question, type QuizOptions, type Revisit, type Topic, type Picked } from './generate.js';
export { judge, parseAnswer, answerText, revisitText, weakestOf, type Answered, type Verdict } from './check.js';
export { questionLines, verdictLines, revealText, weakestLines, keyEntries, type KeyEntry } from './render.js';
export { MAX_SEED, mulberry32, parseSeed } from './rng.js';
export { KINDS, QUIZ_COUNTERS, KIND_LABELS, SESSION, ERRORS, Q, type Kind, type QuizCounter } from './strings.js';
export { flawsOf } from './defensible.js';
