import yargs from 'yargs';
import { LANGS, isLang, langFromEnv, type Lang } from '../i18n/lang.js';
import { MESSAGES, UI } from '../i18n/strings.js';
import { LessonError, loadCatalog, type Catalog, type Lesson } from '../lessons/index.js';
import { painter } from '../term/color.js';
import { boxedTableFits, compareRows, legend, renderPlainTable, tableCells } from './compare.js';
import { explain, renderExplanation } from './explain.js';
import { glossaryEntry, renderEntry, renderIndex } from './glossary.js';
import { TERMS, findTerm, suggestTerm } from '../glossary/index.js';

/** What the CLI needs from the outside world, passed in so tests can supply their own. */
export interface Io {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  lessonsDir: string;
  version: string;
}

const COMMANDS = ['list', 'explain', 'compare', 'glossary', 'help'];

/** Exit codes, as the README documents them. */
export const EXIT = { ok: 0, usage: 1, file: 2, internal: 70 } as const;

/** Bad input from the user: one line on stderr, exit 1. */
export class UsageError extends Error {}

export async function main(io: Io): Promise<number> {
  const { stdout, stderr, env } = io;
  const out = (text: string) => void stdout.write(text);
  const lang = langArg(io.argv) ?? langFromEnv(env);
  let catalog: Catalog | undefined;
  const lessons = () => (catalog ??= loadCatalog(io.lessonsDir));
  const lookup = (name: string): Lesson => {
    const found = lessons().find(name);
    if (found) return found;
    const guess = lessons().suggest(name);
    throw new UsageError(`${MESSAGES.unknownScenario[lang](name)}; ${guess ? MESSAGES.didYouMean[lang](guess) : MESSAGES.seeList[lang]}`);
  };
  const width = stdout.isTTY ? Math.max(40, Math.min(stdout.columns || 80, 100)) : 80;
  const paint = painter(env, stdout.isTTY === true);

  const command = commandOf(io.argv);
  if (command !== undefined && !COMMANDS.includes(command)) {
    stderr.write(`zcopy: ${MESSAGES.unknownCommand[lang](command)}\n`);
    return EXIT.usage;
  }

  const parser = yargs(io.argv)
    .scriptName('zcopy')
    .locale(lang === 'zh' ? 'zh_CN' : 'en')
    .usage('$0 <command>\n\nLearn Linux I/O and zero-copy by stepping through the machine.')
    .option('lang', { choices: LANGS, describe: 'language of everything zcopy prints (default: from LANG)', global: true })
    .command(
      'list',
      'list the scenarios',
      (y) => y.option('json', { type: 'boolean', describe: 'print [{id, aliases, title}]' }),
      (args) => {
        const all = lessons().lessons;
        if (args.json) return out(json(all.map((l) => ({ id: l.id, aliases: l.aliases, title: l.title[lang] }))));
        const idWidth = Math.max(...all.map((l) => l.id.length));
        let group: string | undefined;
        for (const l of all) {
          if (l.group !== group) out(`${group === undefined ? '' : '\n'}${paint.underline(UI.groups[lang][l.group])}\n`);
          group = l.group;
          out(`  ${paint.bold(l.id.padEnd(idWidth))}  ${l.title[lang]}\n`);
        }
      },
    )
    .command(
      'explain [scenario]',
      'print one scenario step by step, with its counts',
      (y) =>
        y
          .positional('scenario', { type: 'string', describe: 'a scenario id or alias (see zcopy list)' })
          .option('json', { type: 'boolean', describe: 'print the explanation as JSON' }),
      (args) => {
        if (!args.scenario) throw new UsageError(MESSAGES.needScenario[lang](lessons().lessons.map((l) => l.id)));
        const x = explain(lookup(args.scenario), lang);
        out(args.json ? json(x) : renderExplanation(x, lang, width, paint));
      },
    )
    .command(
      'compare [scenarios..]',
      'compare scenarios side by side: counts and constraints',
      (y) =>
        y
          .positional('scenarios', { type: 'string', array: true, describe: 'scenario ids (default: all)' })
          .option('json', { type: 'boolean', describe: 'print the rows as JSON' }),
      async (args) => {
        const names = args.scenarios ?? [];
        const chosen = names.length ? names.map(lookup) : lessons().lessons;
        const rows = compareRows(chosen);
        if (args.json) return out(json(rows));
        const cells = tableCells(rows, lang);
        if (stdout.isTTY && boxedTableFits(cells, stdout.columns || 80, stdout.rows || 24)) {
          // Only here, on a terminal, is ink worth its start-up cost.
          const { drawTable } = await import('../ui/compare-table.js');
          await drawTable(cells, stdout);
        } else {
          out(renderPlainTable(cells));
        }
        out(paint.dim(legend(lang, width)));
      },
    )
    .command(
      'glossary [term]',
      'the terms a learner meets, each with the lessons that use it',
      (y) =>
        y
          .positional('term', { type: 'string', describe: 'a term such as dma, page-cache, mode-switch' })
          .option('json', { type: 'boolean', describe: 'print the entries as JSON' }),
      (args) => {
        const all = lessons().lessons;
        if (!args.term) {
          const entries = TERMS.map((t) => glossaryEntry(t, all, lang));
          return out(args.json ? json(entries) : renderIndex(entries, lang, paint));
        }
        const term = findTerm(args.term);
        if (!term) {
          const guess = suggestTerm(args.term);
          throw new UsageError(`${MESSAGES.unknownTerm[lang](args.term)}; ${guess ? MESSAGES.didYouMean[lang](guess) : MESSAGES.seeGlossary[lang]}`);
        }
        const entry = glossaryEntry(term, all, lang);
        out(args.json ? json(entry) : renderEntry(entry, lang, width, paint));
      },
    )
    .demandCommand(1, '')
    .strict()
    .recommendCommands()
    .version(io.version)
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    .wrap(Math.min(width, 100))
    .exitProcess(false)
    .fail((message, error, y) => {
      if (error) throw error;
      if (command === undefined && !message) {
        y.showHelp('log');
        throw new UsageError(MESSAGES.needCommand[lang]);
      }
      throw new UsageError(message.replace(/\s+/g, ' ').trim());
    });

  try {
    await parser.parseAsync();
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`zcopy: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof LessonError) {
      stderr.write(`zcopy: ${error.message.split('\n')[0]}\n`);
      if (error.problems.length > 1) stderr.write(`zcopy: (${error.problems.length - 1} more problems in that file)\n`);
      return EXIT.file;
    }
    if (env.ZCOPY_DEBUG) throw error;
    stderr.write(`zcopy: internal error: ${(error as Error).message} (set ZCOPY_DEBUG=1 for details)\n`);
    return EXIT.internal;
  }
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** The first word that is neither an option nor an option's value. */
function commandOf(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') i++;
    else if (!argv[i].startsWith('-')) return argv[i];
  }
  return undefined;
}

/** --lang must be known before yargs runs so that its own messages speak it too. */
function langArg(argv: string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (isLang(value)) return value;
  }
  return undefined;
}
