import { LANGS, isLang, type Lang } from '../i18n/lang.js';
import { MESSAGES } from '../i18n/strings.js';
import { USAGE } from '../i18n/usage.js';
import { closest } from '../term/suggest.js';

// A marker stands for one failed check: \x01 name, \x02 before each value, \x03 at the end.
const mark = (name: string, values: number) => `\x01${name}${'\x02%s'.repeat(values)}\x03`;
const counted = (text: string) => ({ one: text, other: text });

/**
 * yargs' validation messages, each replaced in its locale by a marker naming the
 * check and its values, so that the learner reads zcopy's words (`sayFailure`),
 * never yargs' English or its translations of it.
 */
export const YARGS_MARKERS: Record<string, string | { one: string; other: string }> = {
  'Not enough non-option arguments: got %s, need at least %s': counted(mark('missing', 2)),
  'Missing required argument: %s': counted(mark('missing', 1)),
  'Too many non-option arguments: got %s, maximum of %s': counted(mark('extra', 2)),
  'Unknown argument: %s': counted(mark('unknown', 1)),
  'Unknown command: %s': counted(mark('command', 1)),
  'Invalid values:': '',
  'Argument: %s, Given: %s, Choices: %s': mark('choice', 3),
  'Not enough arguments following: %s': mark('value', 1),
  'Did you mean %s?': '',
};

/** What yargs hands a failure handler: its usage instance (its types say the parser). */
export interface YargsUsage {
  getUsage(): [string, string][];
  getDescriptions(): Record<string, unknown>;
  showHelp(level: 'log' | ((text: string) => void)): void;
}

/** Where a failure happened: the words typed, the command they name, and its synopsis as yargs has it (`$0 validate <files..>`). */
export interface Failure {
  argv: string[];
  command: string | undefined;
  usage: string | undefined;
  /** The options the command knows, for a guess at a mistyped one. */
  options: string[];
  /** The values each option with a fixed set takes. */
  choices: Record<string, string[]>;
}

/** yargs' quoted values ("\"fish\"", "\"bash\", \"zsh\"") as the words typed. */
const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');

/**
 * The one line zcopy says for a yargs failure message made of markers, or
 * undefined when it holds none (a message of zcopy's own).
 */
export function sayFailure(message: string, at: Failure, lang: Lang): string | undefined {
  const found = /\x01(\w+)((?:\x02[^\x01-\x03]*)*)\x03/.exec(message);
  if (!found) return undefined;
  const [, name, rest] = found;
  const values = rest.split('\x02').slice(1);
  const W = USAGE[lang];
  const help = at.command ? `zcopy ${at.command} --help` : 'zcopy --help';
  const usage = (at.usage ?? '').split('\n')[0].replace(/\$0/g, 'zcopy').trim() || help;
  switch (name) {
    case 'missing':
      return W.missingArgument(usage);
    case 'value':
      return W.needsValue(`--${values[0]}`, at.choices[values[0]] ?? null, help);
    case 'choice': {
      const [key, given, choices] = [values[0], unquote(values[1]), values[2].split(', ').map(unquote)];
      const typed = optionAsTyped(at.argv, key);
      // An option left without its value reads as "" or true.
      if (typed && (given === '' || given === 'true')) return W.needsValue(typed, choices, help);
      return W.badChoice(typed ?? at.command ?? key, given, choices);
    }
    case 'unknown':
    case 'extra':
    case 'command': {
      const word = (name === 'extra' ? extraWord(at.argv) : values[0].split(', ')[0]) ?? '';
      const typed = optionAsTyped(at.argv, word);
      if (typed) {
        const guess = closest(word, at.options.filter((o) => o.length > 1));
        return MESSAGES[lang].then(W.unknownOption(typed), guess ? MESSAGES[lang].didYouMean(`--${guess}`) : W.see(help));
      }
      return W.extraArgument(word, usage);
    }
  }
  return undefined;
}

/** How an option was typed (`--lang`, `-x`), if `key` is one of the options on the line. */
function optionAsTyped(argv: string[], key: string): string | undefined {
  for (const a of argv) {
    const flag = a.split('=')[0];
    if (/^--?(no-)?/.test(flag) && flag.replace(/^--?(no-)?/, '') === key && flag.startsWith('-')) return flag;
  }
  return undefined;
}

/** The last word that is no option: the one too many. */
function extraWord(argv: string[]): string | undefined {
  return argv.filter((a) => !a.startsWith('-')).at(-1);
}

/**
 * The problem with `--lang` on a command line, if it has one: it is read before
 * the parser, whose own check would come too late to be said in the right language.
 */
export function langProblem(argv: string[], lang: Lang): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a !== '--lang' && !a.startsWith('--lang=')) continue;
    const value = a === '--lang' ? argv[i + 1] : a.slice('--lang='.length);
    if (value === undefined || value === '' || value.startsWith('-')) return USAGE[lang].needsValue('--lang', LANGS, 'zcopy --help');
    if (!isLang(value)) return USAGE[lang].badChoice('--lang', value, LANGS);
  }
  return undefined;
}

/** The first option a command line without a command has that zcopy does not know (`zcopy --bogus`). */
export function unknownGlobal(argv: string[], known: readonly string[], lang: Lang): string | undefined {
  for (const a of argv) {
    if (!a.startsWith('-')) continue;
    const flag = a.split('=')[0];
    const key = flag.replace(/^--?/, '');
    if (known.includes(key)) continue;
    const guess = closest(key, known.filter((k) => k.length > 1));
    return MESSAGES[lang].then(USAGE[lang].unknownOption(flag), guess ? MESSAGES[lang].didYouMean(`--${guess}`) : USAGE[lang].see('zcopy --help'));
  }
  return undefined;
}
