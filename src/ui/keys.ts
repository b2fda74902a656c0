import { KEYS, KEYS_HELP, type KeyWords } from '../i18n/keys.js';
import type { Lang } from '../i18n/lang.js';
import { displayWidth, padEnd } from '../term/text.js';
import type { Keypress } from './keypress.js';

/** One thing a screen does, the keys that do it, and what the learner is told it does. */
export interface Binding {
  keys: readonly Keypress[];
  /** How many of `keys` a footer shows (the help shows them all). */
  shown?: number;
  /** Its words, the footer's and the help's, in a language (src/i18n/keys.ts). */
  says: (lang: Lang) => KeyWords;
  /** How the help writes the keys where listing each would be too long (the digits). */
  keysText?: string;
}

/**
 * A screen's keys: every action it has, each with its keys and its words in every
 * language. A screen's handler, footer and help are all read from its table, so
 * they cannot disagree, and an action without words does not compile.
 */
export type Keymap<A extends string> = { readonly [K in A]: Binding };

/** A binding's words, picked from the keys catalogue in whichever language is asked. */
const says = (pick: (words: (typeof KEYS)[Lang]) => KeyWords) => (lang: Lang) => pick(KEYS[lang]);

const BACK = ['q', 'esc'] as const;
const QUIT: Binding = { keys: ['ctrl-c'], says: says((w) => w.quit) };
/** `?` on the menus, the pages and the quiz: a page of the screen's keys (src/ui/app/help.ts), read off this same keymap. */
const HELP: Binding = { keys: ['?'], says: says((w) => w.opensHelp) };

export const MENU_KEYS = {
  // In the order the help lists them: moving, then choosing, then leaving.
  up: { keys: ['up', 'k'], says: says((w) => w.menu.up) },
  down: { keys: ['down', 'j'], says: says((w) => w.menu.down) },
  pageDown: { keys: ['pagedown'], says: says((w) => w.menu.pageDown) },
  pageUp: { keys: ['pageup'], says: says((w) => w.menu.pageUp) },
  first: { keys: ['home', 'g'], says: says((w) => w.menu.first) },
  last: { keys: ['end', 'G'], says: says((w) => w.menu.last) },
  choose: { keys: ['enter', 'right', 'l'], shown: 1, says: says((w) => w.menu.choose) },
  filter: { keys: ['/'], says: says((w) => w.menu.filter) },
  help: HELP,
  back: { keys: BACK, shown: 1, says: says((w) => w.menu.back) },
  quit: QUIT,
} satisfies Keymap<string>;

/**
 * A list's filter, once `/` opened it: what is typed narrows the list, so every
 * printable key (q and ? too) is text; Esc clears the filter, and only a second
 * Esc leaves the list.
 */
export const FILTER_KEYS = {
  // Typing is what the reducer does with a key no action takes: no key of its own, a row in the help.
  type: { keys: [], keysText: 'a-z 0-9', says: says((w) => w.filter.type) },
  open: { keys: ['enter'], says: says((w) => w.filter.open) },
  erase: { keys: ['backspace'], says: says((w) => w.filter.erase) },
  clear: { keys: ['esc'], says: says((w) => w.filter.clear) },
  up: { keys: ['up'], says: says((w) => w.menu.up) },
  down: { keys: ['down'], says: says((w) => w.menu.down) },
  pageDown: MENU_KEYS.pageDown,
  pageUp: MENU_KEYS.pageUp,
  first: { keys: ['home'], says: says((w) => w.menu.first) },
  last: { keys: ['end'], says: says((w) => w.menu.last) },
  quit: QUIT,
} satisfies Keymap<string>;

export const LESSON_KEYS = {
  next: { keys: ['right', 'l', ' ', 'enter'], says: says((w) => w.lesson.next) },
  previous: { keys: ['left', 'h'], says: says((w) => w.lesson.previous) },
  first: { keys: ['home', 'g'], shown: 1, says: says((w) => w.lesson.first) },
  last: { keys: ['end', 'G'], shown: 1, says: says((w) => w.lesson.last) },
  // The digits are read before the keymap (controller.ts): a count waits for g, G or Enter.
  count: {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
    shown: 0,
    keysText: 'N g',
    says: says((w) => w.lesson.count),
  },
  open: { keys: ['n'], says: says((w) => w.lesson.open) },
  // Only at the end, as `n`: a quiz on the lesson just taken.
  quiz: { keys: ['z'], says: says((w) => w.lesson.quiz) },
  more: { keys: ['down', 'j'], says: says((w) => w.lesson.more) },
  less: { keys: ['up', 'k'], says: says((w) => w.lesson.less) },
  // `a` ("ask me first"): `p` is play's, as the issue asks (issue 22).
  predict: { keys: ['a'], says: says((w) => w.lesson.predict) },
  help: { keys: ['?'], says: says((w) => w.lesson.help) },
  back: { keys: BACK, shown: 1, says: says((w) => w.lesson.back) },
  quit: QUIT,
  // Lecture mode: the lesson steps by itself (src/ui/play.ts); while it is on, PLAYING_KEYS are the screen's.
  play: { keys: ['p'], says: says((w) => w.lesson.play) },
} satisfies Keymap<string>;

/** Where nothing is behind (the home menu, a lesson opened by name), back quits, and says so. */
const QUITS = { says: says((w) => w.quits) };
export const HOME_KEYS = { ...MENU_KEYS, back: { ...MENU_KEYS.back, ...QUITS } } satisfies Keymap<string>;
export const LONE_LESSON_KEYS = { ...LESSON_KEYS, back: { ...LESSON_KEYS.back, ...QUITS } } satisfies Keymap<string>;

/** Predict mode asks one question at a time, each with its own keys (`n` is "nobody" in one, "no" in the other). */
export const MOVER_KEYS = {
  cpu: { keys: ['c'], says: says((w) => w.mover.cpu) },
  dma: { keys: ['d'], says: says((w) => w.mover.dma) },
  none: { keys: ['n'], says: says((w) => w.mover.none) },
  // The key that turned predict mode on turns it off from a question too.
  predict: { keys: LESSON_KEYS.predict.keys, says: says((w) => w.mover.predict) },
  back: { keys: ['q', 'esc', 'left', 'h'], shown: 1, says: says((w) => w.mover.back) },
  quit: QUIT,
} satisfies Keymap<string>;

export const MODE_KEYS = {
  yes: { keys: ['y'], says: says((w) => w.mode.yes) },
  no: { keys: ['n'], says: says((w) => w.mode.no) },
  predict: MOVER_KEYS.predict,
  back: MOVER_KEYS.back,
  quit: QUIT,
} satisfies Keymap<string>;

/** The help overlay: any key closes it and does nothing else; Ctrl-C still quits. */
export const HELP_KEYS = {
  close: { keys: [], says: says((w) => w.help.close) },
  quit: QUIT,
} satisfies Keymap<string>;

export const QUIZ_KEYS = {
  // Typing is what the reducer does with a key no action takes: no key of its own, a row in the help.
  type: { keys: [], keysText: 'a b c 0-9', says: says((w) => w.quiz.type) },
  answer: { keys: ['enter'], says: says((w) => w.quiz.answer) },
  erase: { keys: ['backspace'], says: says((w) => w.quiz.erase) },
  help: HELP,
  back: { keys: BACK, shown: 1, says: says((w) => w.quiz.back) },
  quit: QUIT,
} satisfies Keymap<string>;

export const VERDICT_KEYS = {
  next: { keys: ['enter', ' '], shown: 1, says: says((w) => w.verdict.next) },
  // The lesson at the step the answer cites (the footer says which); q there comes back to this verdict.
  revisit: { keys: ['s'], says: says((w) => w.verdict.revisit) },
  help: HELP,
  back: { keys: BACK, shown: 1, says: says((w) => w.verdict.back) },
  quit: QUIT,
} satisfies Keymap<string>;

export const SCORE_KEYS = {
  help: HELP,
  back: { keys: ['enter', 'q', 'esc'], shown: 2, says: says((w) => w.score.back) },
  quit: QUIT,
} satisfies Keymap<string>;

/** A page of text (explain, compare, the glossary, progress): it scrolls, and q goes back. */
export const TEXT_KEYS = {
  down: { keys: ['down', 'j'], says: says((w) => w.text.down) },
  up: { keys: ['up', 'k'], says: says((w) => w.text.up) },
  pageDown: { keys: [' ', 'pagedown'], shown: 1, says: says((w) => w.text.pageDown) },
  pageUp: { keys: ['pageup', 'b'], shown: 1, says: says((w) => w.text.pageUp) },
  first: { keys: ['g', 'home'], shown: 1, says: says((w) => w.text.first) },
  last: { keys: ['G', 'end'], shown: 1, says: says((w) => w.text.last) },
  help: HELP,
  back: { keys: BACK, shown: 1, says: says((w) => w.text.back) },
  quit: QUIT,
} satisfies Keymap<string>;

/**
 * `zcopy trace`'s report as a page: it scrolls as any page of text does, a flow is marked (n, N),
 * and Enter opens its lesson at the flow's size and chunk. The page is where zcopy started: q quits.
 */
export const TRACE_KEYS = {
  down: TEXT_KEYS.down,
  up: TEXT_KEYS.up,
  pageDown: TEXT_KEYS.pageDown,
  pageUp: TEXT_KEYS.pageUp,
  first: TEXT_KEYS.first,
  last: TEXT_KEYS.last,
  next: { keys: ['n'], says: says((w) => w.trace.next) },
  previous: { keys: ['N'], says: says((w) => w.trace.previous) },
  open: { keys: ['enter', 'o'], shown: 1, says: says((w) => w.trace.open) },
  help: HELP,
  back: { ...TEXT_KEYS.back, ...QUITS },
  quit: QUIT,
} satisfies Keymap<string>;

/** Two lessons in lockstep (`learn a --vs b`): both move together. */
export const VS_KEYS = {
  next: LESSON_KEYS.next,
  previous: LESSON_KEYS.previous,
  first: LESSON_KEYS.first,
  last: LESSON_KEYS.last,
  // The two sides' words for a step scroll where the screen is short for them.
  more: LESSON_KEYS.more,
  less: LESSON_KEYS.less,
  play: LESSON_KEYS.play,
  help: LESSON_KEYS.help,
  back: { keys: BACK, shown: 1, says: says((w) => w.vs.back) },
  quit: QUIT,
} satisfies Keymap<string>;

/** The sandbox and a challenge: the path is built one step at a time from the palette, and undone as freely. */
export const BUILD_KEYS = {
  add: { keys: ['enter', 'a', ' '], shown: 1, says: says((w) => w.build.add) },
  undo: { keys: ['u', 'backspace'], shown: 1, says: says((w) => w.build.undo) },
  redo: { keys: ['r'], says: says((w) => w.build.redo) },
  hint: { keys: ['h'], says: says((w) => w.build.hint) },
  phase: { keys: ['t'], says: says((w) => w.build.phase) },
  write: { keys: ['w'], says: says((w) => w.build.write) },
  open: { keys: ['n'], says: says((w) => w.build.open) },
  more: { keys: ['down', 'j'], says: says((w) => w.build.more) },
  less: { keys: ['up', 'k'], says: says((w) => w.build.less) },
  help: { keys: ['?'], says: says((w) => w.build.help) },
  back: { keys: BACK, shown: 1, says: says((w) => w.build.back) },
  quit: QUIT,
} satisfies Keymap<string>;
export const LONE_BUILD_KEYS = { ...BUILD_KEYS, back: { ...BUILD_KEYS.back, ...QUITS } } satisfies Keymap<string>;

/** The palette: move among the choices, take one, or step back a field. */
export const PALETTE_KEYS = {
  left: { keys: ['left', 'h'], says: says((w) => w.palette.left) },
  right: { keys: ['right', 'l'], says: says((w) => w.palette.right) },
  up: { keys: ['up', 'k'], says: says((w) => w.palette.up) },
  down: { keys: ['down', 'j'], says: says((w) => w.palette.down) },
  choose: { keys: ['enter', ' '], shown: 1, says: says((w) => w.palette.choose) },
  back: { keys: ['esc', 'backspace', 'q'], shown: 1, says: says((w) => w.palette.back) },
  quit: QUIT,
} satisfies Keymap<string>;

/** Asked before a path with steps is discarded: y discards it; n, q, Esc or any other key keeps it (back to the screen, nothing lost). */
export const CONFIRM_KEYS = {
  yes: { keys: ['y'], says: says((w) => w.confirm.yes) },
  back: { keys: ['n', 'esc', 'q'], shown: 1, says: says((w) => w.confirm.back) },
  quit: QUIT,
} satisfies Keymap<string>;

/** The action `key` asks for on a screen with this keymap, if any. */
export function actionOf<A extends string>(map: Keymap<A>, key: Keypress): A | undefined {
  return (Object.keys(map) as A[]).find((a) => map[a].keys.includes(key));
}

/** How a key is written on screen. */
export function keyLabel(key: Keypress, lang: Lang): string {
  return KEYS[lang].keyNames[key] ?? key;
}

/** The keys a footer shows for an action: the first `shown` of them. */
export function shownKeys(b: Binding): readonly Keypress[] {
  return b.keys.slice(0, b.shown ?? 2);
}

/** One footer item: an action's keys and its word. */
export function footerItem(b: Binding, lang: Lang): string {
  const keys = shownKeys(b).map((k) => keyLabel(k, lang)).join(' ');
  return keys ? `${keys} ${b.says(lang).brief}` : b.says(lang).brief;
}

/** What a footer keeps however narrow the screen: how to leave it, and where its other keys are told. */
const KEPT: readonly string[] = ['help', 'back'];

/**
 * A footer: the given actions, most needed first, as many as fit in `width`
 * whole (a footer never shows half a key). Help and back, where given, are
 * kept in their places, the others giving way from the last.
 */
export function footerOf<A extends string>(map: Keymap<A>, actions: readonly A[], lang: Lang, width = Infinity): string {
  const line = (chosen: ReadonlySet<A>) => actions.filter((a) => chosen.has(a)).map((a) => footerItem(map[a], lang)).join('   ');
  const kept = actions.filter((a) => KEPT.includes(a));
  // Too narrow even for those: the first that fit, as for any other.
  const chosen = new Set<A>(displayWidth(line(new Set(kept))) <= width ? kept : []);
  for (const a of actions) {
    if (chosen.has(a)) continue;
    chosen.add(a);
    if (displayWidth(line(chosen)) > width) {
      chosen.delete(a);
      break;
    }
  }
  return line(chosen);
}

/** Help rows as lines, the keys padded to one column so that every description starts in the same place. */
export function helpColumn(rows: readonly [string, string][], indent = ''): string[] {
  const keyWidth = Math.max(...rows.map(([k]) => displayWidth(k)));
  return rows.map(([k, what]) => `${indent}${padEnd(k, keyWidth)}  ${what}`);
}

/** The help's rows: every action's keys, all of them, and what it does. */
export function helpRows<A extends string>(map: Keymap<A>, lang: Lang): [string, string][] {
  return (Object.keys(map) as A[]).map((a) => [map[a].keysText ?? map[a].keys.map((k) => keyLabel(k, lang)).join(KEYS_HELP[lang].between), map[a].says(lang).does]);
}

/** The lab in the app, before a run: Enter starts one, q goes back; its report is a page of text (TEXT_KEYS). */
export const LAB_KEYS = {
  start: { keys: ['enter'], says: says((w) => w.lab.start) },
  help: HELP,
  back: { keys: BACK, shown: 1, says: says((w) => w.lab.back) },
  quit: QUIT,
} satisfies Keymap<string>;

/** While the lab runs, going back is stopping it (its files and processes are removed first). */
export const LAB_RUN_KEYS = {
  help: HELP,
  back: { keys: BACK, shown: 1, says: says((w) => w.lab.stop) },
  quit: QUIT,
} satisfies Keymap<string>;

/**
 * Lecture mode's own keys (`--play`, `p`), on the lesson and `--vs` screens while they play or
 * are paused: Space pauses rather than steps; every other key does what it always does.
 * `=` is `+` without Shift. Not a screen's keymap: the *PLAYING_KEYS below are.
 */
export const PLAY_CONTROLS = {
  pause: { keys: [' '], says: says((w) => w.play.pause) },
  faster: { keys: ['+', '='], shown: 1, says: says((w) => w.play.faster) },
  slower: { keys: ['-'], says: says((w) => w.play.slower) },
  stop: { keys: LESSON_KEYS.play.keys, says: says((w) => w.play.stop) },
} satisfies Keymap<string>;

/** + and - as one footer item (the footer of a 72-column screen has no room for two): shown, never looked up. */
export const PLAY_SPEED: Binding = { keys: ['+', '-'], says: says((w) => w.play.speed) };

/** A screen's keys while it plays: its own, but Space pauses (Enter and → still step) and p stops. */
function whilePlaying<M extends { next: Binding; play: Binding }>({ next, play: _play, ...rest }: M) {
  return { next: { ...next, keys: next.keys.filter((k) => k !== ' ') }, ...rest, ...PLAY_CONTROLS };
}

export const PLAYING_KEYS = whilePlaying(LESSON_KEYS) satisfies Keymap<string>;
export const LONE_PLAYING_KEYS = whilePlaying(LONE_LESSON_KEYS) satisfies Keymap<string>;
export const VS_PLAYING_KEYS = whilePlaying(VS_KEYS) satisfies Keymap<string>;
