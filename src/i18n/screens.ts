import { catalogue } from './lang.js';

/** The words the screens share: a page of text's position, a scrolled menu's edges. */
export const SCREENS = catalogue({
  en: {
    /** Which lines of a page of text are shown (explain, compare, the glossary, progress). */
    lines: (from: number, to: number, of: number) => `lines ${from}-${to} of ${of}`,
    /** A menu scrolled past some of its items. */
    above: (n: number) => `↑ ${n} more above`,
    below: (n: number) => `↓ ${n} more below`,
    /** A list's filter matched nothing. */
    noMatch: (typed: string) => `nothing matches "${typed}"`,
  },
  zh: {
    lines: (from, to, of) => `第 ${from}-${to} 行，共 ${of} 行`,
    above: (n) => `↑ 上面还有 ${n} 项`,
    below: (n) => `↓ 下面还有 ${n} 项`,
    noMatch: (typed) => `没有与“${typed}”匹配的项`,
  },
});
