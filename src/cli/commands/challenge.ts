import { CHALLENGE, checks, judge, readPath, type Level, type Levels, type PathVerdict } from '../../challenge/index.js';
import { HELP } from '../../i18n/help.js';
import { MACHINE } from '../../i18n/machine.js';
import { MESSAGES } from '../../i18n/strings.js';
import { USAGE } from '../../i18n/usage.js';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../../i18n/grade.js';
import { LessonError } from '../../lessons/index.js';
import { displayWidth, padEnd } from '../../term/text.js';
import { csvRow } from '../../term/csv.js';
import { json, type Command, type Ctx } from '../context.js';
import { EXIT, Exit, UsageError } from '../errors.js';
import { keysHelp } from '../keys-help.js';
import { isInteractive, session } from '../session.js';

/** `zcopy challenge`: the levels, and the judge a teacher grades a class's path files with. */
export const challengeCommand: Command = {
  names: ['challenge'],
  register: (y, ctx) => {
    const { lang } = ctx;
    const H = HELP[lang];
    y.command(
      'challenge [id]',
      H.challenge,
      (c) =>
        c
          .positional('id', { type: 'string', describe: H.challengeId })
          .option('list', { type: 'boolean', describe: H.challengeList })
          .option('check', { type: 'string', array: true, describe: CHECKS[lang].check, requiresArg: true })
          .option('json', { type: 'boolean', describe: H.challengeJson })
          .option('csv', { type: 'boolean', describe: CHECKS[lang].csv })
          .epilog(keysHelp('challenge', lang)),
      async (args) => {
        const levels = ctx.levels();
        // --list takes no level: a word after it is a mistake to say, not one to drop.
        if (args.list && args.id !== undefined) throw new UsageError(USAGE[lang].extraArgument(args.id, 'zcopy challenge --list [--json]'));
        if (args.list) return list(ctx, levels, args.json === true);
        if (args.check !== undefined) {
          if (args.id === undefined) throw new UsageError(CHALLENGE[lang].needLevel);
          const level = find(ctx, levels, args.id);
          if (args.json && args.csv) throw new UsageError(CHECKS[lang].jsonOrCsv);
          // One file is judged as it always was; several, a folder, or --csv: a verdict a line, for a class.
          const one = args.check.length === 1 && !isFolder(args.check[0]) && !args.csv;
          if (!one) return checkMany(ctx, level, pathFiles(ctx, args.check), args.json ? 'json' : args.csv ? 'csv' : 'text');
          const verdict = judge(level, readPath(args.check[0], level, lang));
          report(ctx, level, verdict, args.json === true);
          if (verdict.unmet) throw new Exit(EXIT.usage);
          return;
        }
        const level = args.id === undefined ? null : find(ctx, levels, args.id);
        if (!isInteractive(ctx)) {
          // Without a terminal there are no keys to build with: the level (or the list) to read, and how to be judged.
          if (level) brief(ctx, level);
          else list(ctx, levels, args.json === true);
          return ctx.out(`${CHALLENGE[lang].inATerminal}\n`);
        }
        await session(ctx, level ? { screen: 'challenge', id: level.id, back: null } : { screen: 'levels', back: null });
      },
    );
  },
};

function find({ lang }: Ctx, levels: Levels, id: string): Level {
  const found = levels.find(id);
  if (found) return found;
  const guess = levels.suggest(id);
  throw new UsageError(MESSAGES[lang].then(CHALLENGE[lang].unknownLevel(id), guess ? MESSAGES[lang].didYouMean(guess) : CHALLENGE[lang].seeLevels));
}

function list({ lang, out, paint }: Ctx, levels: Levels, asJson: boolean) {
  if (asJson) {
    return out(
      json(
        levels.levels.map((l) => ({
          id: l.id,
          title: l.title[lang],
          goal: l.goal,
          limits: l.limits,
          perTransfer: l.perTransfer,
          banned: l.banned,
          machine: l.features,
          par: l.par,
          hints: l.hints.length,
        })),
      ),
    );
  }
  const width = Math.max(...levels.levels.map((l) => l.id.length));
  for (const [i, l] of levels.levels.entries()) out(`${String(i + 1).padStart(2)}  ${paint.bold(l.id.padEnd(width))}  ${l.title[lang]}\n`);
}

/** A level as text: its task, its machine, what it judges, and how many hints it keeps. */
function brief({ lang, out, paint }: Ctx, level: Level) {
  const conditions = checks(level, []).checks.map((c) => `  • ${CHALLENGE[lang].condition(c.condition, false)}`);
  const machine = CHALLENGE[lang].machine(level.features);
  out(`${paint.bold(`${level.id} · ${level.title[lang]}`)}\n${level.summary[lang]}\n${machine ? `${machine}\n` : ''}${conditions.join('\n')}\n${CHALLENGE[lang].hintsKept(level.hints.length)}\n`);
}

function report({ lang, out, paint }: Ctx, level: Level, v: PathVerdict, asJson: boolean) {
  const message = v.unmet && CHALLENGE[lang].unmet(v.unmet);
  if (asJson) {
    return out(json({ id: level.id, solved: v.unmet === null, unmet: v.unmet && { ...v.unmet, message }, counts: v.counts, perTransfer: v.perTransfer, steps: v.steps, par: level.par, teaches: level.teaches }));
  }
  const said = CHALLENGE[lang].verdict;
  if (message) return out(`${said(paint.red(CHALLENGE[lang].notSolved(level.id)), message)}\n`);
  const vs = CHALLENGE[lang].vsPar;
  out(`${said(paint.green(CHALLENGE[lang].solved(level.id)), `${vs(MACHINE[lang].counter.modeSwitches, v.counts.modeSwitches, level.par.modeSwitches)} · ${vs(CHALLENGE[lang].steps, v.steps, level.par.steps)}`)}\n`);
  out(`${level.summary[lang]}\n${CHALLENGE[lang].learnMore(level.teaches)}\n`);
}

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** The files named, a folder standing for its .yaml and .yml files (not its subfolders'), in name order. */
function pathFiles({ lang }: Ctx, named: string[]): string[] {
  return named.flatMap((path) => {
    if (!isFolder(path)) return [path];
    const files = readdirSync(path).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => join(path, f));
    if (!files.length) throw new UsageError(CHECKS[lang].noFiles(path));
    return files;
  });
}

type FileVerdict = { file: string; verdict: PathVerdict | null; broken: string | null };

/**
 * Every file judged, one verdict each, whatever the others' (a broken file is a
 * verdict too); exit 0 when every path is solved, 1 when one is not, 2 when a
 * file is broken or has an illegal step.
 */
function checkMany(ctx: Ctx, level: Level, files: string[], as: 'text' | 'json' | 'csv') {
  const { lang, out, paint } = ctx;
  const results: FileVerdict[] = files.map((file) => {
    try {
      return { file, verdict: judge(level, readPath(file, level, lang)), broken: null };
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      return { file, verdict: null, broken: error.message.split('\n')[0] };
    }
  });
  const solved = results.filter((r) => r.verdict && !r.verdict.unmet).length;
  const broken = results.filter((r) => r.broken !== null).length;
  const unmetText = (v: PathVerdict) => (v.unmet ? CHALLENGE[lang].unmet(v.unmet) : null);
  if (as === 'json') {
    out(
      json(
        results.map(({ file, verdict: v, broken: b }) => ({
          file,
          id: level.id,
          solved: v !== null && v.unmet === null,
          broken: b,
          unmet: v?.unmet ? { ...v.unmet, message: unmetText(v) } : null,
          counts: v?.counts ?? null,
          perTransfer: v?.perTransfer ?? null,
          steps: v?.steps ?? null,
          par: level.par,
        })),
      ),
    );
  } else if (as === 'csv') {
    out(['file,verdict,unmet,modeSwitches,steps,message', ...results.map(({ file, verdict: v, broken: b }) =>
      csvRow([file, b !== null ? 'broken' : v!.unmet ? 'unsolved' : 'solved', v?.unmet?.kind, v?.counts.modeSwitches, v?.steps, b ?? (v && unmetText(v))]),
    )].join('\n') + '\n');
  } else {
    const t = CHECKS[lang];
    const fileWidth = Math.max(...files.map(displayWidth));
    const word = Math.max(...[t.solved, t.notSolved, t.broken].map(displayWidth));
    const vs = CHALLENGE[lang].vsPar;
    for (const { file, verdict: v, broken: b } of results) {
      const [said, rest] =
        b !== null ? [paint.yellow(padEnd(t.broken, word)), b]
        : v!.unmet ? [paint.red(padEnd(t.notSolved, word)), unmetText(v!)!]
        : [paint.green(padEnd(t.solved, word)), `${vs(MACHINE[lang].counter.modeSwitches, v!.counts.modeSwitches, level.par.modeSwitches)} · ${vs(CHALLENGE[lang].steps, v!.steps, level.par.steps)}`];
      out(`${padEnd(file, fileWidth)}  ${said}  ${rest}\n`);
    }
    out(`${t.summary(solved, results.length, broken)}\n`);
  }
  if (broken) throw new Exit(EXIT.file);
  if (solved < results.length) throw new Exit(EXIT.usage);
}
