import type { Key } from 'ink';

/** What a key asks for, on any zcopy screen. One table, so help and handlers cannot disagree. */
export type Action =
  | 'next'
  | 'back'
  | 'first'
  | 'last'
  | 'help'
  | 'predict'
  | 'quit'
  | 'interrupt'
  | 'up'
  | 'down';

/** The action a keypress means, or undefined. `input` is the printable text ink reports. */
export function actionOf(input: string, key: Key): Action | undefined {
  if (key.ctrl && input === 'c') return 'interrupt';
  if (key.rightArrow || key.return || input === 'l' || input === ' ') return 'next';
  if (key.leftArrow || input === 'h') return 'back';
  if (key.upArrow || input === 'k') return 'up';
  if (key.downArrow || input === 'j') return 'down';
  if (key.home || input === 'g') return 'first';
  if (key.end || input === 'G') return 'last';
  if (input === '?') return 'help';
  if (input === 'p') return 'predict';
  if (key.escape || input === 'q') return 'quit';
  return undefined;
}

export const KEY_HELP = {
  en: [
    ['→ l space Enter', 'next step'],
    ['← h', 'previous step'],
    ['g Home / G End', 'first / last step'],
    ['p', 'predict mode on or off'],
    ['?', 'this help'],
    ['q Esc', 'back (to the list), or quit'],
    ['Ctrl-C', 'quit zcopy'],
  ],
  zh: [
    ['→ l 空格 回车', '下一步'],
    ['← h', '上一步'],
    ['g Home / G End', '第一步 / 最后一步'],
    ['p', '开关预测模式'],
    ['?', '本帮助'],
    ['q Esc', '返回（列表），或退出'],
    ['Ctrl-C', '退出 zcopy'],
  ],
} as const;
