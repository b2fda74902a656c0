import { HELP } from '../../i18n/help.js';
import { LEARN_CLI, VS } from '../../i18n/strings.js';
import type { Lesson } from '../../lessons/index.js';
import { turnedKnobs, type Scale } from '../../model/index.js';
import { transcript } from '../../ui/learn/frame.js';
import type { Route } from '../../ui/app/route.js';
import type { Command, Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { checkScale, knobsAsked, scaleOf, variedOrRefused } from '../../app/scale.js';
import { lastVisited, viewOf } from '../../app/session.js';
import { keysHelp } from '../keys-help.js';
import { scaleOptions } from '../options.js';
import { isInteractive, session } from '../session.js';
import { SPEEDS, parseSpeed, type Playing } from '../../ui/play.js';

export const learnCommand: Command = {
  names: ['learn'],
  register: (y, ctx) => {
    const H = HELP[ctx.lang];
    y.command(
      'learn [scenario]',
      H.learn,
      (c) =>
        scaleOptions(c, ctx.lang)
          .positional('scenario', { type: 'string', describe: H.learnScenario })
          .option('file', { type: 'string', describe: H.learnFile, requiresArg: true })
          .option('predict', { type: 'boolean', describe: H.predict })
          // A string, so that `--step five` is told what is wrong rather than read as NaN.
          .option('step', { type: 'string', describe: H.learnStep, requiresArg: true })
          .option('vs', { type: 'string', describe: H.learnVs, requiresArg: true })
          .option('play', { type: 'boolean', describe: H.learnPlay })
          // A string, so that `--speed fast` is told what is accepted rather than read as NaN.
          .option('speed', { type: 'string', describe: H.learnSpeed, requiresArg: true })
          .epilog(keysHelp('learn', ctx.lang)),
      (args) => {
        const scale = scaleOf(args);
        const play = playArg(ctx, args.play === true, args.speed);
        const written = ctx.lessonArg(args.scenario, args.file);
        const knobs = knobsAsked(args);
        // Both sides run the same what-if; one that does not answer to it is refused.
        if (args.vs !== undefined) return learnVs(ctx, written && variedOrRefused(written, knobs), variedOrRefused(ctx.lookup(args.vs), knobs), scale !== null || args.step !== undefined || args.predict === true, play);
        if (!written && turnedKnobs(knobs).length) throw new UsageError(LEARN_CLI[ctx.lang].knobNeedsScenario);
        // A what-if variant is the lesson named here; the next lessons open as written.
        const lesson = written && variedOrRefused(written, knobs);
        // Without a lesson, the picker may open any of them at this scale.
        checkScale(scale, lesson ? [lesson] : ctx.lessons().lessons);
        const step = args.step === undefined ? 0 : stepArg(ctx, lesson, args.step);
        if (play.play && lesson && step >= lesson.steps.length) throw new UsageError(LEARN_CLI[ctx.lang].nothingToPlay(lesson.id, lesson.steps.length));
        return learn(ctx, lesson, args.predict === true, step, scale, play);
      },
    );
  },
};

/** `--step N`: a step of `lesson`, 1 to its last, or one line saying what is wrong. */
function stepArg(ctx: Ctx, lesson: Lesson | null, raw: string): number {
  const t = LEARN_CLI[ctx.lang];
  if (!lesson) throw new UsageError(t.stepNeedsScenario);
  const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= lesson.steps.length)) throw new UsageError(t.badStep(lesson.id, lesson.steps.length, raw));
  return n;
}

/** `--play` and `--speed X` as lecture mode opens: a speed within SPEEDS, or one line saying what is accepted. */
function playArg(ctx: Ctx, play: boolean, raw: string | undefined): Playing {
  const speed = raw === undefined ? undefined : parseSpeed(raw);
  if (speed === null) throw new UsageError(LEARN_CLI[ctx.lang].badSpeed(SPEEDS.min, SPEEDS.max, raw!));
  return { ...(play ? { play: 'playing' as const } : {}), ...(speed === undefined ? {} : { speed }) };
}

/** Piped, nothing plays: said once on stderr, so that the transcript on stdout is the same as without --play. */
function unplayable(ctx: Ctx, play: Playing): void {
  if (play.play) ctx.warn(LEARN_CLI[ctx.lang].playNeedsTerminal);
}

/**
 * Steps through a lesson in the terminal (without one, from the picker, which
 * offers to resume); in a pipe, prints every step from `step` as a transcript.
 */
export async function learn(ctx: Ctx, lesson: Lesson | null, predict: boolean, step = 0, scale: Scale | null = null, play: Playing = {}): Promise<void> {
  if (!isInteractive(ctx)) {
    if (!lesson) throw new UsageError(LEARN_CLI[ctx.lang].needScenario(ctx.lessons().lessons.map((l) => l.id)));
    unplayable(ctx, play);
    return ctx.out(transcript(viewOf(ctx, lesson, scale), ctx.paint, ctx.width, step));
  }
  const played = play.play || play.speed !== undefined ? { play } : {};
  // A lesson played to a room starts at the start (or at --step), not where a rehearsal left it.
  const start: Route = lesson
    ? { screen: 'learn', id: lesson.id, predict, back: null, ...(step || play.play ? { step } : {}), ...played }
    : { screen: 'picker', then: predict ? 'predict' : 'learn', back: null, at: lastVisited(ctx) ?? undefined, ...played };
  await session(ctx, start, { own: lesson, scale });
}

/** Two lessons in lockstep: on a terminal, the vs screen; piped, side by side as a transcript. */
async function learnVs(ctx: Ctx, a: Lesson | null, b: Lesson, withOthers: boolean, play: Playing): Promise<void> {
  const t = VS[ctx.lang];
  if (!a) throw new UsageError(LEARN_CLI[ctx.lang].needScenario(ctx.lessons().lessons.map((l) => l.id)));
  if (a.id === b.id) throw new UsageError(t.needsOther(a.id));
  if (withOthers) throw new UsageError(t.alone);
  if (!isInteractive(ctx)) {
    unplayable(ctx, play);
    // Loaded only for --vs, so that other commands start without it.
    const { vsTranscript } = await import('../../ui/learn/vs.js');
    return ctx.out(vsTranscript(viewOf(ctx, a), viewOf(ctx, b), ctx.paint, ctx.width));
  }
  await session(ctx, { screen: 'vs', a: a.id, b: b.id, back: null, ...(play.play || play.speed !== undefined ? { play } : {}) }, { own: a, others: [b] });
}
