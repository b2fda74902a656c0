import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionWorld, type SessionOptions } from '../../src/app/session.js';
import { makeContext, type Ctx, type Io } from '../../src/cli/context.js';
import type { Lang } from '../../src/i18n/lang.js';
import type { Answered } from '../../src/quiz/index.js';
import type { AppDeps, LabRunner, Outcome, Route, Timer } from '../../src/ui/app/route.js';
import { Session, enter, frameOf, labRun, sessionEvent, sessionKey, sessionTick, sessionWait, type SessionEffect } from '../../src/ui/app/session.js';
import { splitKeys } from '../../src/ui/keypress.js';
import type { Size } from '../../src/ui/size.js';
import { ROOT } from './cli.js';
import { mount } from './screen.js';

/** A pipe's stdout: no colour, 80 columns, as a command run in a test prints. */
const pipe = { isTTY: false, columns: 0, write: () => true } as unknown as NodeJS.WriteStream;

/** The lessons and levels, read once per language: every test reads the same files, and reading them takes a tenth of a second. */
const read = new Map<Lang, Pick<Ctx, 'lessons' | 'levels' | 'lookup'>>();

/** The command line's context, with a progress store of its own, in a fresh directory (or in `state`, an earlier session's). */
export function testContext(lang: Lang = 'en', stdout: NodeJS.WriteStream = pipe, state = mkdtempSync(join(tmpdir(), 'zcopy-app-'))) {
  const io: Io = {
    argv: [],
    env: { XDG_STATE_HOME: state },
    stdin: process.stdin,
    stdout,
    stderr: pipe,
    lessonsDir: join(ROOT, 'lessons'),
    version: '0.0.0',
  };
  const ctx = makeContext(io, lang);
  if (!read.has(lang)) read.set(lang, { lessons: ctx.lessons, levels: ctx.levels, lookup: ctx.lookup });
  return { ctx: { ...ctx, ...read.get(lang)! }, state };
}

export interface AppOptions extends Pick<SessionOptions, 'quiz' | 'trace'> {
  lang?: Lang;
  /** The lab the app runs, in place of the real one (a fake that reports what a test tells it). */
  lab?: LabRunner;
  size?: Size;
  /** An earlier session's state directory, to open the app again on what it recorded. */
  state?: string;
  /** Lecture mode's clock, in place of a real timeout (openApp: a fake a test fires by hand). */
  timer?: Timer;
}

/** The world the command line wires the app to (the same presenters, the same store), with what the app recorded. */
function wired(lang: Lang, quiz: AppOptions['quiz'], dir?: string, trace?: AppOptions['trace']) {
  const { ctx, state } = testContext(lang, pipe, dir);
  const answers: Answered[] = [];
  const finished: string[] = [];
  const ended: Outcome[] = [];
  const warnings: string[] = [];
  const world = sessionWorld(ctx, { quiz, trace, onAnswer: (a) => answers.push(a) }, (line) => warnings.push(line));
  const onFinish = (id: string) => {
    finished.push(id);
    world.onFinish(id);
  };
  const ids = ctx.lessons().lessons.map((l) => l.id);
  return { world, onFinish, recorded: { ctx, state, ids, answers, finished, ended, warnings } };
}

/**
 * The whole app as `zcopy` opens it, wired to the world the way the command
 * line wires it (the same presenters, the same store), with what it recorded.
 */
export async function openApp(start: Route = { screen: 'home' }, { lang = 'en', size = { cols: 80, rows: 24 }, quiz, state, timer }: AppOptions = {}) {
  const { world, onFinish, recorded } = wired(lang, quiz, state);
  const screen = await mount(<Session {...world} {...(timer ? { timer } : {})} start={start} size={size} onFinish={onFinish} onEnd={(o) => recorded.ended.push(o)} />);
  return { ...screen, ...recorded };
}

/**
 * The same app without ink: each write is split into keys as a terminal read
 * is (splitKeys), folded through the session's pure reducer, and its effects
 * handed to the world as Session hands them; once the session ends, no key is
 * read. Its frames are ink's: the lines of frameOf, each without trailing
 * spaces (ink drops them), one frame per write.
 */
export function driveApp(start: Route = { screen: 'home' }, { lang = 'en', size = { cols: 80, rows: 24 }, quiz, state, lab, trace }: AppOptions = {}) {
  const { world, onFinish, recorded } = wired(lang, quiz, state, trace);
  const deps: AppDeps = { ...world, ...(lab ? { lab } : {}), size };
  // The lab's reports reach the session as Session hands them on: between keys, each drawing a frame.
  const labs = labRun(deps, (event) => {
    if (s.ended) return;
    s = sessionEvent(s, event, deps).state;
    frames.push(draw());
  });
  const run = (e: SessionEffect) => {
    if (e.kind === 'lab') return labs.act(e);
    if (e.kind === 'finished') return onFinish(e.id);
    if (e.kind === 'answer') return world.onAnswer(e.answered);
    if (e.kind === 'stopped') return world.onStop?.(e.id, e.stopped);
    if (e.kind === 'solved') return world.onSolved?.(e);
    if (e.kind === 'kept') return world.onKept?.(e);
    recorded.ended.push(e.outcome);
  };
  let s = enter(start, deps);
  const draw = () => frameOf(s, deps).map((l) => l.trimEnd()).join('\n');
  const frames = [draw()];
  const write = (raw: string) => {
    if (s.ended) return;
    for (const key of splitKeys(raw)) {
      const step = sessionKey(s, key, deps, run);
      s = step.state;
      for (const e of step.effects ?? []) run(e);
    }
    if (!s.ended) frames.push(draw());
  };
  return {
    ...recorded,
    frame: () => frames.at(-1)!,
    frames: () => frames,
    /** Writes each key on its own. */
    type: (...keys: string[]) => keys.forEach(write),
    /** The terminal takes a new size, as ink's resize redraws the same session. */
    resize: (size: Size) => {
      deps.size = size;
      if (!s.ended) frames.push(draw());
    },
    /** The session as it stands. */
    session: () => s,
    /** How long lecture mode would hold the screen as it stands, in ms (null: it waits for keys). */
    wait: () => sessionWait(s, deps),
    /**
     * Lecture mode's clock strikes, as Session's timer does once the wait is over,
     * drawing a frame; false (and nothing done) where nothing was waiting.
     */
    tick: () => {
      if (s.ended || sessionWait(s, deps) === null) return false;
      const step = sessionTick(s, deps, run);
      s = step.state;
      for (const e of step.effects ?? []) run(e);
      if (!s.ended) frames.push(draw());
      return true;
    },
    deps,
  };
}
