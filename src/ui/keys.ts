import type { Lang, Text } from '../i18n/lang.js';
import { displayWidth, padEnd } from '../term/text.js';
import type { Keypress } from './keypress.js';

/** One thing a screen does, the keys that do it, and what the learner is told it does. */
export interface Binding {
  keys: readonly Keypress[];
  /** How many of `keys` a footer shows (the help shows them all). */
  shown?: number;
  /** The footer's word for it. */
  brief: Text;
  /** The help's line for it. */
  does: Text;
  /** How the help writes the keys where listing each would be too long (the digits). */
  keysText?: string;
}

/**
 * A screen's keys: every action it has, each with its keys and its words in every
 * language. A screen's handler, footer and help are all read from its table, so
 * they cannot disagree, and an action without words does not compile.
 */
export type Keymap<A extends string> = { readonly [K in A]: Binding };

const BACK = ['q', 'esc'] as const;
const QUIT: Binding = { keys: ['ctrl-c'], brief: { en: 'quit', zh: '退出' }, does: { en: 'quit zcopy', zh: '退出 zcopy' } };

export const MENU_KEYS = {
  up: { keys: ['up', 'k'], brief: { en: 'up', zh: '上移' }, does: { en: 'move up', zh: '上移' } },
  down: { keys: ['down', 'j'], brief: { en: 'down', zh: '下移' }, does: { en: 'move down', zh: '下移' } },
  first: { keys: ['home', 'g'], brief: { en: 'first', zh: '第一项' }, does: { en: 'the first item', zh: '第一项' } },
  last: { keys: ['end', 'G'], brief: { en: 'last', zh: '最后一项' }, does: { en: 'the last item', zh: '最后一项' } },
  choose: { keys: ['enter', 'right', 'l'], shown: 1, brief: { en: 'choose', zh: '选择' }, does: { en: 'choose it', zh: '选择' } },
  back: { keys: BACK, shown: 1, brief: { en: 'back', zh: '返回' }, does: { en: 'back a level', zh: '返回上一层' } },
  quit: QUIT,
} satisfies Keymap<string>;

export const LESSON_KEYS = {
  next: { keys: ['right', 'l', ' ', 'enter'], brief: { en: 'next', zh: '下一步' }, does: { en: 'next step', zh: '下一步' } },
  previous: { keys: ['left', 'h'], brief: { en: 'previous', zh: '上一步' }, does: { en: 'previous step', zh: '上一步' } },
  first: { keys: ['home', 'g'], shown: 1, brief: { en: 'first', zh: '第一步' }, does: { en: 'the start', zh: '回到开始' } },
  last: { keys: ['end', 'G'], shown: 1, brief: { en: 'last', zh: '最后一步' }, does: { en: 'the last step', zh: '最后一步' } },
  // The digits are read before the keymap (controller.ts): a count waits for g, G or Enter.
  count: {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
    shown: 0,
    keysText: 'N g',
    brief: { en: 'go to step N', zh: '跳到第 N 步' },
    does: { en: 'step N: 5g, 5 Enter', zh: '第 N 步：5g、5 回车' },
  },
  open: { keys: ['n'], brief: { en: 'next lesson', zh: '下一课' }, does: { en: 'next lesson (at end)', zh: '下一课（最后一步）' } },
  more: { keys: ['down', 'j'], brief: { en: 'more text', zh: '看下文' }, does: { en: 'scroll text down', zh: '讲解下翻' } },
  less: { keys: ['up', 'k'], brief: { en: 'text above', zh: '看上文' }, does: { en: 'scroll text up', zh: '讲解上翻' } },
  predict: { keys: ['p'], brief: { en: 'predict', zh: '预测' }, does: { en: 'predict on/off', zh: '开关预测模式' } },
  help: { keys: ['?'], brief: { en: 'help', zh: '帮助' }, does: { en: 'this help', zh: '本帮助' } },
  back: { keys: BACK, shown: 1, brief: { en: 'back', zh: '返回' }, does: { en: 'back to the list', zh: '返回列表' } },
  quit: QUIT,
} satisfies Keymap<string>;

/** Where nothing is behind (the home menu, a lesson opened by name), back quits, and says so. */
const QUITS = { brief: { en: 'quit', zh: '退出' }, does: { en: 'quit zcopy', zh: '退出 zcopy' } };
export const HOME_KEYS = { ...MENU_KEYS, back: { ...MENU_KEYS.back, ...QUITS } } satisfies Keymap<string>;
export const LONE_LESSON_KEYS = { ...LESSON_KEYS, back: { ...LESSON_KEYS.back, ...QUITS } } satisfies Keymap<string>;

/** Predict mode asks one question at a time, each with its own keys (`n` is "nobody" in one, "no" in the other). */
export const MOVER_KEYS = {
  cpu: { keys: ['c'], brief: { en: 'CPU', zh: 'CPU' }, does: { en: 'the CPU moves the bytes', zh: 'CPU 搬运字节' } },
  dma: { keys: ['d'], brief: { en: 'DMA', zh: 'DMA' }, does: { en: 'the DMA controller moves them', zh: 'DMA 控制器搬运' } },
  none: { keys: ['n'], brief: { en: 'nobody', zh: '无人' }, does: { en: 'nobody: a reference or a mapping', zh: '无人：只是引用或映射' } },
  predict: { keys: ['p'], brief: { en: 'predict off', zh: '关闭预测' }, does: { en: 'predict mode off', zh: '关闭预测模式' } },
  back: { keys: ['q', 'esc', 'left', 'h'], shown: 1, brief: { en: 'back', zh: '返回' }, does: { en: 'leave the question unanswered', zh: '不作答，返回' } },
  quit: QUIT,
} satisfies Keymap<string>;

export const MODE_KEYS = {
  yes: { keys: ['y'], brief: { en: 'yes', zh: '是' }, does: { en: 'it switches mode', zh: '会切换模式' } },
  no: { keys: ['n'], brief: { en: 'no', zh: '否' }, does: { en: 'it does not', zh: '不会' } },
  predict: MOVER_KEYS.predict,
  back: MOVER_KEYS.back,
  quit: QUIT,
} satisfies Keymap<string>;

/** The help overlay: any key closes it and does nothing else; Ctrl-C still quits. */
export const HELP_KEYS = {
  close: { keys: [], brief: { en: 'any key: back', zh: '任意键返回' }, does: { en: 'close this help', zh: '关闭帮助' } },
  quit: QUIT,
} satisfies Keymap<string>;

export const QUIZ_KEYS = {
  answer: { keys: ['enter'], brief: { en: 'answer', zh: '作答' }, does: { en: 'give the answer typed', zh: '提交答案' } },
  erase: { keys: ['backspace'], brief: { en: 'erase', zh: '删除' }, does: { en: 'erase a character', zh: '删除一个字符' } },
  back: { keys: BACK, shown: 1, brief: { en: 'leave (answers are saved)', zh: '离开（已答的会保存）' }, does: { en: 'leave the quiz', zh: '离开测验' } },
  quit: QUIT,
} satisfies Keymap<string>;

export const VERDICT_KEYS = {
  next: { keys: ['enter', ' '], shown: 1, brief: { en: 'next question', zh: '下一题' }, does: { en: 'the next question', zh: '下一题' } },
  back: { keys: BACK, shown: 1, brief: { en: 'leave', zh: '离开' }, does: { en: 'leave the quiz', zh: '离开测验' } },
  quit: QUIT,
} satisfies Keymap<string>;

export const SCORE_KEYS = {
  back: { keys: ['enter', 'q', 'esc'], shown: 2, brief: { en: 'leave', zh: '离开' }, does: { en: 'leave the quiz', zh: '离开测验' } },
  quit: QUIT,
} satisfies Keymap<string>;

/** A page of text (explain, compare, the glossary, progress): it scrolls, and q goes back. */
export const TEXT_KEYS = {
  down: { keys: ['down', 'j'], brief: { en: 'down', zh: '下移' }, does: { en: 'down a line', zh: '下移一行' } },
  up: { keys: ['up', 'k'], brief: { en: 'up', zh: '上移' }, does: { en: 'up a line', zh: '上移一行' } },
  pageDown: { keys: [' ', 'pagedown'], shown: 1, brief: { en: 'page', zh: '翻页' }, does: { en: 'down a page', zh: '下翻一页' } },
  pageUp: { keys: ['pageup', 'b'], shown: 1, brief: { en: 'page up', zh: '上翻' }, does: { en: 'up a page', zh: '上翻一页' } },
  first: { keys: ['g', 'home'], shown: 1, brief: { en: 'top', zh: '开头' }, does: { en: 'the top', zh: '回到开头' } },
  last: { keys: ['G', 'end'], shown: 1, brief: { en: 'end', zh: '末尾' }, does: { en: 'the end', zh: '跳到末尾' } },
  back: { keys: BACK, shown: 1, brief: { en: 'back', zh: '返回' }, does: { en: 'back a level', zh: '返回上一层' } },
  quit: QUIT,
} satisfies Keymap<string>;

/** Two lessons in lockstep (`learn a --vs b`): both move together. */
export const VS_KEYS = {
  next: LESSON_KEYS.next,
  previous: LESSON_KEYS.previous,
  first: LESSON_KEYS.first,
  last: LESSON_KEYS.last,
  help: LESSON_KEYS.help,
  back: { keys: BACK, shown: 1, brief: { en: 'quit', zh: '退出' }, does: { en: 'quit zcopy', zh: '退出 zcopy' } },
  quit: QUIT,
} satisfies Keymap<string>;

/** The sandbox and a challenge: the path is built one step at a time from the palette, and undone as freely. */
export const BUILD_KEYS = {
  add: { keys: ['enter', 'a', ' '], shown: 1, brief: { en: 'add a step', zh: '添加一步' }, does: { en: 'open the palette of events', zh: '打开事件面板' } },
  undo: { keys: ['u', 'backspace'], shown: 1, brief: { en: 'undo', zh: '撤销' }, does: { en: 'undo the last step', zh: '撤销上一步' } },
  redo: { keys: ['r'], brief: { en: 'redo', zh: '重做' }, does: { en: 'redo a step undone', zh: '重做撤销的步骤' } },
  hint: { keys: ['h'], brief: { en: 'hint', zh: '提示' }, does: { en: 'show the next hint', zh: '显示下一条提示' } },
  phase: { keys: ['t'], brief: { en: 'phase', zh: '阶段' }, does: { en: 'the phase of new steps: set-up, per chunk, teardown', zh: '新步骤的阶段：准备、每段、收尾' } },
  write: { keys: ['w'], brief: { en: 'write lesson', zh: '写成课程' }, does: { en: 'write the path as a lesson file', zh: '把路径写成课程文件' } },
  open: { keys: ['n'], brief: { en: 'next level', zh: '下一关' }, does: { en: 'the next level (once solved)', zh: '下一关（通过后）' } },
  more: { keys: ['down', 'j'], brief: { en: 'more text', zh: '看下文' }, does: { en: 'scroll text down', zh: '文字下翻' } },
  less: { keys: ['up', 'k'], brief: { en: 'text above', zh: '看上文' }, does: { en: 'scroll text up', zh: '文字上翻' } },
  help: { keys: ['?'], brief: { en: 'help', zh: '帮助' }, does: { en: 'this help', zh: '本帮助' } },
  back: { keys: BACK, shown: 1, brief: { en: 'back', zh: '返回' }, does: { en: 'back a level', zh: '返回上一层' } },
  quit: QUIT,
} satisfies Keymap<string>;
export const LONE_BUILD_KEYS = { ...BUILD_KEYS, back: { ...BUILD_KEYS.back, ...QUITS } } satisfies Keymap<string>;

/** The palette: move among the choices, take one, or step back a field. */
export const PALETTE_KEYS = {
  left: { keys: ['left', 'h'], brief: { en: 'left', zh: '左移' }, does: { en: 'the choice before', zh: '前一个选项' } },
  right: { keys: ['right', 'l'], brief: { en: 'right', zh: '右移' }, does: { en: 'the choice after', zh: '后一个选项' } },
  up: { keys: ['up', 'k'], brief: { en: 'up', zh: '上移' }, does: { en: 'the line above', zh: '上一行' } },
  down: { keys: ['down', 'j'], brief: { en: 'down', zh: '下移' }, does: { en: 'the line below', zh: '下一行' } },
  choose: { keys: ['enter', ' '], shown: 1, brief: { en: 'choose', zh: '选择' }, does: { en: 'take this choice', zh: '选定' } },
  back: { keys: ['esc', 'backspace', 'q'], shown: 1, brief: { en: 'back', zh: '返回' }, does: { en: 'back a field, or close the palette', zh: '返回上一项，或关闭面板' } },
  quit: QUIT,
} satisfies Keymap<string>;

/** The action `key` asks for on a screen with this keymap, if any. */
export function actionOf<A extends string>(map: Keymap<A>, key: Keypress): A | undefined {
  return (Object.keys(map) as A[]).find((a) => map[a].keys.includes(key));
}

const KEY_NAMES: Record<Lang, Record<string, string>> = {
  en: { up: '↑', down: '↓', left: '←', right: '→', enter: 'Enter', esc: 'Esc', ' ': 'space', home: 'Home', end: 'End', pageup: 'PgUp', pagedown: 'PgDn', backspace: 'Backspace', 'ctrl-c': 'Ctrl-C' },
  zh: { up: '↑', down: '↓', left: '←', right: '→', enter: '回车', esc: 'Esc', ' ': '空格', home: 'Home', end: 'End', pageup: 'PgUp', pagedown: 'PgDn', backspace: '退格', 'ctrl-c': 'Ctrl-C' },
};

/** How a key is written on screen. */
export function keyLabel(key: Keypress, lang: Lang): string {
  return KEY_NAMES[lang][key] ?? key;
}

/** The keys a footer shows for an action: the first `shown` of them. */
export function shownKeys(b: Binding): readonly Keypress[] {
  return b.keys.slice(0, b.shown ?? 2);
}

/** One footer item: an action's keys and its word. */
export function footerItem(b: Binding, lang: Lang): string {
  const keys = shownKeys(b).map((k) => keyLabel(k, lang)).join(' ');
  return keys ? `${keys} ${b.brief[lang]}` : b.brief[lang];
}

/**
 * A footer: the given actions, most needed first, as many as fit in `width`
 * whole (a footer never shows half a key).
 */
export function footerOf<A extends string>(map: Keymap<A>, actions: readonly A[], lang: Lang, width = Infinity): string {
  let line = '';
  for (const a of actions) {
    const next = line ? `${line}   ${footerItem(map[a], lang)}` : footerItem(map[a], lang);
    if (displayWidth(next) > width) break;
    line = next;
  }
  return line;
}

/** Help rows as lines, the keys padded to one column so that every description starts in the same place. */
export function helpColumn(rows: readonly [string, string][], indent = ''): string[] {
  const keyWidth = Math.max(...rows.map(([k]) => displayWidth(k)));
  return rows.map(([k, what]) => `${indent}${padEnd(k, keyWidth)}  ${what}`);
}

/** The help's rows: every action's keys, all of them, and what it does. */
export function helpRows<A extends string>(map: Keymap<A>, lang: Lang): [string, string][] {
  return (Object.keys(map) as A[]).map((a) => [map[a].keysText ?? map[a].keys.map((k) => keyLabel(k, lang)).join(' '), map[a].does[lang]]);
}
