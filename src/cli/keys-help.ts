import { KEYS_HELP } from '../i18n/keys.js';
import type { Lang } from '../i18n/lang.js';
// The keymaps alone: plain data and their words, no screen code, so that --help loads no ink.
import { BUILD_KEYS, CONFIRM_KEYS, LESSON_KEYS, MENU_KEYS, MODE_KEYS, MOVER_KEYS, PALETTE_KEYS, PLAY_CONTROLS, TRACE_KEYS, VS_KEYS, helpColumn, helpRows, type Keymap } from '../ui/keys.js';

type Section = keyof Omit<(typeof KEYS_HELP)[Lang], 'title' | 'helpKey' | 'between'>;

/** The keymap each screen reads its keys from. */
export const KEYMAP_OF: Record<Section, Keymap<string>> = {
  picker: MENU_KEYS,
  lesson: LESSON_KEYS,
  mover: MOVER_KEYS,
  mode: MODE_KEYS,
  vs: VS_KEYS,
  levels: MENU_KEYS,
  build: BUILD_KEYS,
  palette: PALETTE_KEYS,
  confirm: CONFIRM_KEYS,
  playing: PLAY_CONTROLS,
  trace: TRACE_KEYS,
};

/** The screens each interactive command opens, in the order a learner meets them. */
export const SCREENS_OF = {
  learn: ['picker', 'lesson', 'mover', 'mode', 'vs', 'playing'],
  challenge: ['levels', 'build', 'palette', 'confirm'],
  sandbox: ['build', 'palette', 'confirm'],
  // The report's page, and the lesson it opens.
  trace: ['trace', 'lesson', 'mover', 'mode', 'playing'],
} as const satisfies Record<string, readonly Section[]>;

/**
 * The keys of each screen `command` opens, for its --help: read off the same
 * keymaps the screens' handlers, footers and `?` help read, so they cannot disagree.
 */
export function keysHelp(command: keyof typeof SCREENS_OF, lang: Lang): string {
  const t = KEYS_HELP[lang];
  // `?` is "this help" on a screen; here it is what opens that screen's own.
  const rows = (map: Keymap<string>) => helpRows(map, lang).map(([keys, does], i): [string, string] => [keys, Object.keys(map)[i] === 'help' ? t.helpKey : does]);
  const sections = SCREENS_OF[command].map((s) => [`  ${t[s]}`, ...helpColumn(rows(KEYMAP_OF[s]), '    ')].join('\n'));
  return [t.title, ...sections].join('\n\n');
}
