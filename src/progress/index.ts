export {
  FORMAT_VERSION,
  deleteProgress,
  emptyData,
  openStore,
  recordAnswer,
  recordLessonFinished,
  save,
  stateDir,
  validData,
  weakestTopics,
  type LessonRecord,
  type ProgressData,
  type Store,
  type StoreOptions,
  type TopicRecord,
  type WeakTopic,
} from './store.js';
export { PROGRESS, WARNINGS } from './strings.js';
