import type { Argv } from 'yargs';
import { HELP } from '../i18n/help.js';
import type { Lang } from '../i18n/lang.js';
import { KNOB_VALUES } from '../model/index.js';

/** `--size` and `--chunk`, as strings so that a bad one is told what is wrong rather than read as NaN; `--cache`, `--nic` and `--readers`. */
export function scaleOptions<T>(y: Argv<T>, lang: Lang) {
  const H = HELP[lang];
  return y
    .option('size', { type: 'string', describe: H.scaleSize, requiresArg: true })
    .option('chunk', { type: 'string', describe: H.scaleChunk, requiresArg: true })
    .option('cache', { type: 'string', choices: KNOB_VALUES.cache, describe: H.knobCache, requiresArg: true })
    .option('nic', { type: 'string', choices: KNOB_VALUES.nic, describe: H.knobNic, requiresArg: true })
    .option('readers', { type: 'string', describe: H.knobReaders, requiresArg: true });
}

/**
 * `--no-pager`, shown as git shows it; `--pager` (yargs' negation of it) is accepted and not
 * listed, but where `words` say what each does (trace, whose default on a terminal is neither).
 */
export function pagerOption<T>(y: Argv<T>, lang: Lang, words?: { pager: string; noPager: string }) {
  return y
    .option('pager', { type: 'boolean', ...(words ? { describe: words.pager } : { hidden: true }) })
    .option('no-pager', { type: 'boolean', describe: words?.noPager ?? HELP[lang].noPager });
}

/**
 * A positional list (`[files..]`) declared with `default: undefined`: yargs otherwise defaults it
 * to `[]` and --help prints `[default: []]`. Read it with `listGiven`.
 */
export const NO_LIST_DEFAULT = { default: undefined } as const;

/** What a positional list declared with NO_LIST_DEFAULT was given: without a default, yargs gives `[undefined]` for none. */
export function listGiven(value: unknown): string[] {
  return ((value as (string | number | undefined)[] | undefined) ?? []).filter((v) => v !== undefined).map(String);
}
