export * from './types.js';
export { catalogOf, loadCatalog, writeCatalogCache, type Catalog } from './catalog.js';
export { LessonError, MAX_LESSON_BYTES, formatProblem, lessonFilesIn, loadLessonFile, parseLesson } from './load.js';
export { formatPath, validateLesson, type Path, type Problem } from './validate.js';
export { RECOMMENDED_PATH, nextOnPath } from './path.js';
