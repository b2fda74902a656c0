export { makeQuiz, specsFor, letter, type Question, type QuizOptions, type Revisit, type Topic, type Picked } from './generate.js';
export { judge, parseAnswer, answerText, revisitText, weakestOf, type Answered, type AnswerVerdict } from './check.js';
export { questionLines, verdictLines, revealText, weakestLines, keyEntries, type KeyEntry } from './render.js';
export { MAX_SEED, fnv1a32, mulberry32, parseSeed, seedOfName, studentKey } from './rng.js';
export { KINDS, QUIZ_COUNTERS, type Kind, type QuizCounter } from './topics.js';
export { KIND_LABELS, SESSION, ERRORS, Q, AIM } from '../i18n/quiz.js';
export { flawsOf } from './defensible.js';
