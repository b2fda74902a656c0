import { catalogue } from './lang.js';

/** What `zcopy progress` and the progress store say. */
export const PROGRESS = catalogue({
  en: {
    title: (path: string) => `Progress (${path})`,
    empty: 'Nothing recorded yet: take `zcopy quiz` or finish a lesson in `zcopy learn`.',
    lessons: 'Lessons',
    times: (n: number) => `finished ${n} time${n === 1 ? '' : 's'}`,
    /** A lesson left part-way in this pass: how many of its steps were seen. */
    inProgress: (seen: number, of: number | undefined) => (of === undefined ? `in progress, ${seen} steps seen` : `in progress, ${seen}/${of} seen`),
    last: 'last',
    predicted: (right: number, asked: number) => `predictions ${right}/${asked}`,
    challenges: 'Challenges solved',
    levelHead: { level: 'level', solved: 'solved', switches: 'best mode switches', steps: 'best steps', last: 'last solved' },
    /** A best figure against the level's par; a level no longer shipped has none to show. */
    vsPar: (best: number, par: number | undefined) => (par === undefined ? String(best) : `${best} (par ${par})`),
    quiz: 'Quiz answers',
    head: { scenario: 'scenario', kind: 'kind', right: 'right', wrong: 'wrong', last: 'last answered' },
    weakest: 'Weakest (try `zcopy quiz --review`):',
    confirm: (path: string) => `Delete all progress in ${path}? [y/N] `,
    deleted: 'Progress deleted.',
    kept: 'Nothing deleted.',
    /** What a reply to `confirm` may be to mean yes; a reply in any language zcopy speaks is heard. */
    yes: ['y', 'yes'],
    nothing: 'There is no progress to delete.',
    newerReset: 'the progress file is from a newer zcopy; it is left untouched',
  },
  zh: {
    title: (path: string) => `学习进度（${path}）`,
    empty: '还没有任何记录：试试 `zcopy quiz`，或在 `zcopy learn` 里学完一课。',
    lessons: '课程',
    times: (n: number) => `学完 ${n} 次`,
    inProgress: (seen: number, of: number | undefined) => (of === undefined ? `学习中，已看 ${seen} 步` : `学习中，已看 ${seen}/${of} 步`),
    last: '最近',
    predicted: (right: number, asked: number) => `预测 ${asked} 题对 ${right} 题`,
    challenges: '已通过的挑战',
    levelHead: { level: '关卡', solved: '通过次数', switches: '最少模式切换', steps: '最少步数', last: '最近通过' },
    vsPar: (best: number, par: number | undefined) => (par === undefined ? String(best) : `${best}（标准 ${par}）`),
    quiz: '测验答题',
    head: { scenario: '场景', kind: '题型', right: '对', wrong: '错', last: '最近作答' },
    weakest: '最薄弱（试试 `zcopy quiz --review`）：',
    confirm: (path: string) => `删除 ${path} 中的全部进度？[y/N] `,
    deleted: '进度已删除。',
    kept: '没有删除任何内容。',
    yes: ['是'],
    nothing: '没有可删除的进度。',
    newerReset: '进度文件来自更新版本的 zcopy；不做任何改动',
  },
});

export const WARNINGS = catalogue({
  en: {
    corrupt: (aside: string) => `warning: the progress file was unreadable; it is kept as ${aside} and a new one is started`,
    corruptStuck: (path: string) => `warning: the progress file ${path} is unreadable and could not be moved aside; progress will not be saved`,
    unreadable: (path: string, why: string) => `warning: cannot read ${path} (${why}); progress will not be saved`,
    unwritable: (dir: string, why: string) => `warning: cannot save progress in ${dir} (${why}); zcopy goes on without saving it`,
    newer: (path: string, v: number) => `warning: ${path} is format ${v}, newer than this zcopy knows; it is left untouched and nothing is saved`,
    noHome: 'warning: neither XDG_STATE_HOME nor HOME is set; progress will not be saved',
  },
  zh: {
    corrupt: (aside: string) => `警告：进度文件无法解析；已保留为 ${aside}，并重新开始记录`,
    corruptStuck: (path: string) => `警告：进度文件 ${path} 无法解析，也无法移开；本次进度不会保存`,
    unreadable: (path: string, why: string) => `警告：无法读取 ${path}（${why}）；本次进度不会保存`,
    unwritable: (dir: string, why: string) => `警告：无法在 ${dir} 保存进度（${why}）；zcopy 照常运行，但不保存`,
    newer: (path: string, v: number) => `警告：${path} 是第 ${v} 版格式，比本 zcopy 新；不做改动，也不保存`,
    noHome: '警告：XDG_STATE_HOME 和 HOME 都没有设置；进度不会保存',
  },
});
