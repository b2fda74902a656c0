export * from './types.js';
export { catalogOf, loadCatalog, writeCatalogCache, type Catalog } from './catalog.js';
export { LessonError, MAX_LESSON_BYTES, formatProblem, lessonFilesIn, loadLessonFile, parseLesson, parseWith, readLessonText, yaml } from './load.js';
export { ID_PATTERN, LESSON_FIELDS, formatPath, isRecord, readPayload, readSteps, readers, validateLesson, type Path, type Problem, type Readers } from './validate.js';
export { RECOMMENDED_PATH, nextOnPath } from './path.js';
export { variantSummary } from './summary.js';
export { asksAbout, knobNotTaken, knobsTaken, takes, varied } from './variant.js';
