/** What `zcopy progress` and the progress store say, in both languages. */

export const PROGRESS = {
  title: { en: (path: string) => `Progress (${path})`, zh: (path: string) => `学习进度（${path}）` },
  empty: {
    en: 'Nothing recorded yet: take `zcopy quiz` or finish a lesson in `zcopy learn`.',
    zh: '还没有任何记录：试试 `zcopy quiz`，或在 `zcopy learn` 里学完一课。',
  },
  lessons: { en: 'Lessons finished', zh: '已学完的课' },
  times: { en: (n: number) => `${n} time${n === 1 ? '' : 's'}`, zh: (n: number) => `${n} 次` },
  last: { en: 'last', zh: '最近' },
  predicted: { en: (right: number, asked: number) => `predictions ${right}/${asked}`, zh: (right: number, asked: number) => `预测 ${asked} 题对 ${right} 题` },
  challenges: { en: 'Challenges solved', zh: '已通过的挑战' },
  levelHead: {
    en: { level: 'level', solved: 'solved', switches: 'best mode switches', steps: 'best steps', last: 'last solved' },
    zh: { level: '关卡', solved: '通过次数', switches: '最少模式切换', steps: '最少步数', last: '最近通过' },
  },
  /** A best figure against the level's par; a level no longer shipped has none to show. */
  vsPar: {
    en: (best: number, par: number | undefined) => (par === undefined ? String(best) : `${best} (par ${par})`),
    zh: (best: number, par: number | undefined) => (par === undefined ? String(best) : `${best}（标准 ${par}）`),
  },
  quiz: { en: 'Quiz answers', zh: '测验答题' },
  head: {
    en: { scenario: 'scenario', kind: 'kind', right: 'right', wrong: 'wrong', last: 'last answered' },
    zh: { scenario: '场景', kind: '题型', right: '对', wrong: '错', last: '最近作答' },
  },
  weakest: { en: 'Weakest (try `zcopy quiz --review`):', zh: '最薄弱（试试 `zcopy quiz --review`）：' },
  confirm: {
    en: (path: string) => `Delete all progress in ${path}? [y/N] `,
    zh: (path: string) => `删除 ${path} 中的全部进度？[y/N] `,
  },
  deleted: { en: 'Progress deleted.', zh: '进度已删除。' },
  kept: { en: 'Nothing deleted.', zh: '没有删除任何内容。' },
  nothing: { en: 'There is no progress to delete.', zh: '没有可删除的进度。' },
  newerReset: {
    en: 'the progress file is from a newer zcopy; it is left untouched',
    zh: '进度文件来自更新版本的 zcopy；不做任何改动',
  },
};

export const WARNINGS = {
  corrupt: {
    en: (aside: string) => `warning: the progress file was unreadable; it is kept as ${aside} and a new one is started`,
    zh: (aside: string) => `警告：进度文件无法解析；已保留为 ${aside}，并重新开始记录`,
  },
  corruptStuck: {
    en: (path: string) => `warning: the progress file ${path} is unreadable and could not be moved aside; progress will not be saved`,
    zh: (path: string) => `警告：进度文件 ${path} 无法解析，也无法移开；本次进度不会保存`,
  },
  unreadable: {
    en: (path: string, why: string) => `warning: cannot read ${path} (${why}); progress will not be saved`,
    zh: (path: string, why: string) => `警告：无法读取 ${path}（${why}）；本次进度不会保存`,
  },
  unwritable: {
    en: (dir: string, why: string) => `warning: cannot save progress in ${dir} (${why}); the quiz goes on without it`,
    zh: (dir: string, why: string) => `警告：无法在 ${dir} 保存进度（${why}）；测验照常进行，但不保存`,
  },
  newer: {
    en: (path: string, v: number) => `warning: ${path} is format ${v}, newer than this zcopy knows; it is left untouched and nothing is saved`,
    zh: (path: string, v: number) => `警告：${path} 是第 ${v} 版格式，比本 zcopy 新；不做改动，也不保存`,
  },
  noHome: {
    en: 'warning: neither XDG_STATE_HOME nor HOME is set; progress will not be saved',
    zh: '警告：XDG_STATE_HOME 和 HOME 都没有设置；进度不会保存',
  },
};
