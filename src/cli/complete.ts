import { LANGS } from '../i18n/lang.js';
import { TECHNIQUES } from '../lab/model.js';
import { KNOB_VALUES } from '../model/index.js';
import { KINDS } from '../quiz/index.js';
import { EXPORT_FORMATS } from '../app/export.js';
import { SHEET_FORMATS } from '../quiz/sheet.js';
import type { Ctx } from './context.js';

/** Commands whose positional arguments are scenario ids. */
const SCENARIO_COMMANDS = ['learn', 'explain', 'compare', 'export'];

/**
 * What each option that takes a value completes to. An option here with no
 * words (a size, a number, a file) completes to nothing, so that the shell
 * offers its files or nothing, never another option in the value's place.
 */
function valuesOf(ctx: Ctx): Record<string, () => readonly string[]> {
  const none = () => [];
  const ids = () => ctx.lessons().lessons.map((l) => l.id);
  return {
    '--kind': () => KINDS,
    '--scenario': ids,
    '--vs': ids,
    '--from': ids,
    '--cache': () => KNOB_VALUES.cache,
    '--nic': () => KNOB_VALUES.nic,
    '--lang': () => LANGS,
    '--technique': () => TECHNIQUES,
    '--speed': none,
    ...Object.fromEntries(['--size', '--chunk', '--readers', '--step', '--count', '--seed', '--runs', '--file', '--check', '--out', '--student', '--key'].map((o) => [o, none])),
  };
}

/**
 * The words that complete `current`, after `words` (the command line before it,
 * without the program's name), or undefined where yargs' own completion (commands
 * and options) is the answer.
 */
export function complete(ctx: Ctx, words: string[], current: string): string[] | undefined {
  // --format's values are the command's own: export's formats, or a worksheet's.
  if (words.at(-1) === '--format') {
    const formats = words.includes('export') ? EXPORT_FORMATS : words.includes('quiz') ? SHEET_FORMATS : [];
    return formats.filter((v) => v.startsWith(current));
  }
  const values = valuesOf(ctx)[words.at(-1) ?? ''];
  if (values) return values().filter((v) => v.startsWith(current));
  if (current.startsWith('-')) return undefined;
  const positionals = words.filter((w, i) => !w.startsWith('-') && !(words[i - 1] in valuesOf(ctx)));
  if (SCENARIO_COMMANDS.includes(positionals[0])) {
    // Ids, which the list shows; an alias only when no id begins with what is typed (`sg` finds sg-dma).
    const lessons = ctx.lessons().lessons;
    const ids = lessons.map((l) => l.id).filter((n) => n.startsWith(current));
    return ids.length ? ids : lessons.flatMap((l) => l.aliases).filter((n) => n.startsWith(current));
  }
  // One level id, the word being completed.
  if (positionals[0] === 'challenge' && positionals.length === 1) return ctx.levels().levels.map((l) => l.id).filter((n) => n.startsWith(current));
  return undefined;
}
