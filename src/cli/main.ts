import yargs, { type FallbackCompletionFunction } from 'yargs';
import { HELP } from '../i18n/help.js';
import { LANGS, isLang, langFromEnv, type Lang } from '../i18n/lang.js';
import { MESSAGES, SCALE } from '../i18n/strings.js';
import { YARGS } from '../i18n/yargs.js';
import { LessonError } from '../lessons/index.js';
import { NotRepeatable, ScaleRefused } from '../model/index.js';
import { closest } from '../term/suggest.js';
import { makeContext, type Command, type Io } from './context.js';
import { EXIT, Exit, UsageError } from './errors.js';
import { YARGS_MARKERS, langProblem, sayFailure, unknownGlobal, type YargsUsage } from './usage.js';
import { AppError } from '../app/problems.js';

export type { Io } from './context.js';
// The build writes the lesson catalogue with the same code that reads it.
export { writeCatalogCache } from '../lessons/index.js';

/** The options zcopy takes before or without a command. */
const GLOBAL_OPTIONS = ['lang', 'help', 'h', 'version', 'V', 'v', 'get-yargs-completions'];

/**
 * Every command, in the order --help lists them. Each is imported only when it
 * is registered: a command that runs loads its own code, not every command's.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  learn: async () => (await import('./commands/learn.js')).learnCommand,
  list: async () => (await import('./commands/list.js')).listCommand,
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  compare: async () => (await import('./commands/compare.js')).compareCommand,
  glossary: async () => (await import('./commands/glossary.js')).glossaryCommand,
  quiz: async () => (await import('./commands/quiz.js')).quizCommand,
  progress: async () => (await import('./commands/progress.js')).progressCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  challenge: async () => (await import('./commands/challenge.js')).challengeCommand,
  sandbox: async () => (await import('./commands/sandbox.js')).sandboxCommand,
  lab: async () => (await import('./commands/lab.js')).labCommand,
  completion: async () => (await import('./commands/completion.js')).completionCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  grade: async () => (await import('./commands/grade.js')).gradeCommand,
  trace: async () => (await import('./commands/trace.js')).traceCommand,
};

export async function main(io: Io): Promise<number> {
  const { stderr, env } = io;
  const lang = langArg(io.argv) ?? langFromEnv(env);
  const ctx = makeContext(io, lang);

  const completing = io.argv.includes('--get-yargs-completions');
  const wrongLang = completing ? undefined : langProblem(io.argv, lang);
  if (wrongLang) {
    stderr.write(`zcopy: ${wrongLang}\n`);
    return EXIT.usage;
  }

  const command = commandOf(io.argv);
  const known = ['help', ...Object.keys(COMMANDS)];
  if (command !== undefined && !known.includes(command) && !completing) {
    const guess = closest(command, known);
    stderr.write(`zcopy: ${MESSAGES[lang].then(MESSAGES[lang].unknownCommand(command), guess ? MESSAGES[lang].didYouMean(guess) : MESSAGES[lang].seeHelp)}\n`);
    return EXIT.usage;
  }

  if (command === undefined && io.argv.every((a) => a === '--lang' || a.startsWith('--lang=') || isLang(a)) && (await import('./session.js')).isInteractive(ctx)) {
    try {
      await (await import('./commands/home.js')).home(ctx);
      return EXIT.ok;
    } catch (error) {
      return await reportError(error, io, lang);
    }
  }

  const parser = yargs(io.argv)
    .scriptName('zcopy')
    .locale(YARGS[lang].locale)
    .updateLocale({ ...YARGS[lang].words, ...YARGS_MARKERS } as Record<string, string>)
    .usage(`$0 <command>\n\n${HELP[lang].usage}`)
    .option('lang', { choices: LANGS, describe: HELP[lang].lang, global: true });
  // Registering a command costs yargs work at every start: one named command needs only itself
  // (`zcopy --help` and completion list them all).
  const only = command !== undefined && command !== 'help' && !completing ? [command] : Object.keys(COMMANDS);
  const completer = completing ? await import('./complete.js') : undefined;
  for (const c of await Promise.all(only.map((name) => COMMANDS[name]()))) c.register(parser, ctx);
  parser
    // yargs answers --get-yargs-completions; the script itself is the completion command's, so yargs' own is hidden.
    .completion('__yargs-completion-script', false, ((current, _argv, completeDefault, done) => {
      // The words before the one being completed, as the shell passed them (after the program's name).
      const words = io.argv.slice(io.argv.indexOf('--get-yargs-completions') + 2, -1);
      // Answered within the parse, so that yargs hands the words back with its output.
      const found = completer?.complete(ctx, words, current);
      if (found) done(found);
      else completeDefault();
    }) satisfies FallbackCompletionFunction)
    .demandCommand(1, '')
    .strict()
    .recommendCommands()
    .version(io.version)
    // -v as well as -V: what a learner types first, and no command gives it another meaning.
    .alias('version', ['V', 'v'])
    .help()
    .alias('help', 'h')
    .wrap(Math.min(ctx.width, 100))
    .exitProcess(false)
    .fail((message, error, y) => {
      // yargs' types call the third argument the parser; it is the usage instance.
      const usage = y as unknown as YargsUsage;
      // Completing, the words are half typed: the shell wants words or nothing, never a complaint.
      if (completing) throw new Exit(EXIT.ok);
      // yargs' own validation (an option given without its value, an unknown option) is the learner's input, not a fault: said in zcopy's words.
      const at = { argv: io.argv, command, usage: usage.getUsage()[0]?.[0], options: Object.keys(usage.getDescriptions()), choices: (parser as unknown as { getOptions(): { choices: Record<string, string[]> } }).getOptions().choices };
      const said = sayFailure(error?.name === 'YError' ? error.message : message ?? '', at, lang);
      if (said) throw new UsageError(said);
      if (error) throw error;
      if (command === undefined) {
        const unknown = unknownGlobal(io.argv, GLOBAL_OPTIONS, lang);
        if (unknown) throw new UsageError(unknown);
        if (!message) {
          usage.showHelp((text: string) => void io.stdout.write(`${text}\n`));
          throw new UsageError(MESSAGES[lang].needCommand);
        }
      }
      throw new UsageError(message.replace(/\s+/g, ' ').trim());
    });

  try {
    // yargs' own words (help, the version, completions) come back to be written to io.stdout, as
    // everything zcopy says is, rather than to the process's console.
    await parser.parseAsync(io.argv, (_error: unknown, _argv: unknown, output: string) => {
      if (output) io.stdout.write(`${output}\n`);
    });
    return EXIT.ok;
  } catch (error) {
    return await reportError(error, io, lang);
  }
}

/** One line on stderr and the documented exit code; a stack trace only when asked for. */
async function reportError(error: unknown, { stderr, env }: Io, lang: Lang): Promise<number> {
  if (error instanceof Exit) return error.code;
  if (error instanceof UsageError) {
    stderr.write(`zcopy: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof AppError) {
    // The words for every problem are loaded only when one is said: a command that succeeds never reads them.
    const { problemText } = await import('./problems.js');
    stderr.write(`zcopy: ${problemText(error.problem, lang)}\n`);
    return EXIT.usage;
  }
  if (error instanceof LessonError) {
    stderr.write(`zcopy: ${error.message.split('\n')[0]}\n`);
    if (error.problems.length > 1) stderr.write(`zcopy: ${MESSAGES[lang].moreProblems(error.problems.length - 1)}\n`);
    return EXIT.file;
  }
  // A teacher's lesson whose per-chunk steps do not end as they began cannot be multiplied by --size.
  if (error instanceof NotRepeatable) {
    stderr.write(`zcopy: ${SCALE[lang].notRepeatable(error.field)}\n`);
    return EXIT.usage;
  }
  // Every command checks its lessons first (checkScale); this is the line should a path reach the model unchecked.
  if (error instanceof ScaleRefused) {
    const { scaleRefusalText } = await import('./problems.js');
    stderr.write(`zcopy: ${scaleRefusalText(error.refusal, lang)}\n`);
    return EXIT.usage;
  }
  // The stack, not a rethrow: Node would print the bundle's source line with it, and minified that line is the whole bundle.
  if (env.ZCOPY_DEBUG) stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  else stderr.write(`zcopy: internal error: ${(error as Error).message} (set ZCOPY_DEBUG=1 for details)\n`);
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
