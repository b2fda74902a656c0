import yargs from 'yargs';
import { LANGS, isLang, langFromEnv, type Lang } from '../i18n/lang.js';
import { MESSAGES } from '../i18n/strings.js';
import { LessonError } from '../lessons/index.js';
import { compareCommand } from './commands/compare.js';
import { explainCommand } from './commands/explain.js';
import { glossaryCommand } from './commands/glossary.js';
import { home } from './commands/home.js';
import { isInteractive, learnCommand } from './commands/learn.js';
import { listCommand } from './commands/list.js';
import { progressCommand } from './commands/progress.js';
import { quizCommand } from './commands/quiz.js';
import { validateCommand } from './commands/validate.js';
import { makeContext, type Command, type Io } from './context.js';
import { EXIT, Exit, UsageError } from './errors.js';

export type { Io } from './context.js';

/** Every command, in the order --help lists them. */
const COMMANDS: Command[] = [learnCommand, listCommand, explainCommand, compareCommand, glossaryCommand, quizCommand, progressCommand, validateCommand];

export async function main(io: Io): Promise<number> {
  const { stderr, env } = io;
  const lang = langArg(io.argv) ?? langFromEnv(env);
  const ctx = makeContext(io, lang);

  const command = commandOf(io.argv);
  const known = ['help', ...COMMANDS.flatMap((c) => c.names)];
  if (command !== undefined && !known.includes(command)) {
    stderr.write(`zcopy: ${MESSAGES.unknownCommand[lang](command)}\n`);
    return EXIT.usage;
  }

  if (command === undefined && io.argv.every((a) => a === '--lang' || a.startsWith('--lang=') || isLang(a)) && isInteractive(ctx)) {
    try {
      await home(ctx);
      return EXIT.ok;
    } catch (error) {
      return reportError(error, io);
    }
  }

  const parser = yargs(io.argv)
    .scriptName('zcopy')
    .locale(lang === 'zh' ? 'zh_CN' : 'en')
    .usage('$0 <command>\n\nLearn Linux I/O and zero-copy by stepping through the machine.')
    .option('lang', { choices: LANGS, describe: 'language of everything zcopy prints (default: from LANG)', global: true });
  for (const c of COMMANDS) c.register(parser, ctx);
  parser
    .demandCommand(1, '')
    .strict()
    .recommendCommands()
    .version(io.version)
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    .wrap(Math.min(ctx.width, 100))
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
    return reportError(error, io);
  }
}

/** One line on stderr and the documented exit code; a stack trace only when asked for. */
function reportError(error: unknown, { stderr, env }: Io): number {
  if (error instanceof Exit) return error.code;
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
