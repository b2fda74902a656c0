import { Text, useApp } from 'ink';
import type { Answered } from '../../quiz/index.js';
import type { Stopped } from '../learn/controller.js';
import type { Keypress } from '../keypress.js';
import type { Size } from '../size.js';
import { runFullScreen, type Terminal } from '../screen.js';
import { useTerminalSize } from '../terminal-size.js';
import { useKeys, type Inbox, type KeyResult } from '../use-keys.js';
import { useEffect, useRef } from 'react';
import { LESSON } from './lesson.js';
import { CHALLENGE_SCREEN, SANDBOX_SCREEN } from './build.js';
import { VS_SCREEN } from './vs.js';
import { HOME, LEVELS, PICKER, QUIZ_AIM, TERMS } from './menu.js';
import { QUIZ } from './quiz.js';
import { backOf, commandOf, type AppDeps, type Timer, type Kept, type LabAct, type LabEvent, type Outcome, type Route, type RouteName, type RouteOf, type ScreenEffect, type ScreenModule, type Solved } from './route.js';
import { COMPARE, EXPLAIN, GLOSSARY, PROGRESS } from './text-view.js';
import { LAB } from './lab.js';
import { TRACE } from './trace.js';
import { KEYS_WHILE_TOO_SMALL, tooSmall, tooSmallLines } from '../skeleton.js';
import { wrap } from '../../term/text.js';

export type { HomeChoice, Outcome, Route } from './route.js';

/** Every screen by its route's name; a route without a screen does not compile. */
const SCREENS = {
  home: HOME,
  picker: PICKER,
  learn: LESSON,
  quiz: QUIZ,
  levels: LEVELS,
  challenge: CHALLENGE_SCREEN,
  sandbox: SANDBOX_SCREEN,
  vs: VS_SCREEN,
  explain: EXPLAIN,
  compare: COMPARE,
  glossary: GLOSSARY,
  progress: PROGRESS,
  terms: TERMS,
  lab: LAB,
  quizAim: QUIZ_AIM,
  trace: TRACE,
} satisfies { [N in RouteName]: ScreenModule<N, never> | ScreenModule<N, any> };

type StateOf<N extends RouteName> = ReturnType<(typeof SCREENS)[N]['enter']>;

/** The session as one value: where it is, and that screen's own state. */
export type SessionState = { [N in RouteName]: { route: RouteOf<N>; state: StateOf<N>; ended: boolean; noticed?: boolean } }[RouteName];

/** What the learner did, for the world to record. */
export type Recorded = { kind: 'finished'; id: string } | { kind: 'stopped'; id: string; stopped: Stopped } | { kind: 'answer'; answered: Answered } | Kept | Solved;

/** What the world outside must do: end the app, record what the learner did, or start or stop the lab. */
export type SessionEffect = { kind: 'end'; outcome: Outcome } | Recorded | LabAct;

/**
 * One screen's module, seen without its route's name. TypeScript cannot follow
 * that a state and its route always share a name; `enter` is what pairs them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const screenOf = (name: RouteName) => SCREENS[name] as ScreenModule<RouteName, any>;

/** The state of the screen `route` opens. */
export function enter(route: Route, deps: AppDeps): SessionState {
  return { route, state: screenOf(route.screen).enter(route, deps), ended: false } as SessionState;
}

/**
 * What one keypress does to the session: the active screen's reducer, then the
 * route it leads to. Pure, but for `record`: given it, what the learner did is
 * handed to it before the next screen opens (so that the picker a lesson goes
 * back to reads where it was just left) instead of being among the effects.
 */
export function sessionKey(s: SessionState, key: Keypress, deps: AppDeps, record?: (e: Recorded) => void): KeyResult<SessionState, SessionEffect> {
  if (s.ended) return { state: s };
  if (tooSmall(deps.size) && !KEYS_WHILE_TOO_SMALL.includes(key)) return { state: s };
  const step = screenOf(s.route.screen).key(s.state, key, s.route, deps);
  const next = settle(s, step, deps, record);
  // The notice has been in sight until this key: it goes now, wherever the key led.
  return { ...next, state: { ...next.state, noticed: true } as SessionState };
}

/** A screen's step (a key's, or its clock's) carried out: what the learner did recorded first, then where it leads. */
function settle(s: SessionState, step: KeyResult<unknown, ScreenEffect>, deps: AppDeps, record?: (e: Recorded) => void): KeyResult<SessionState, SessionEffect> {
  let next = { ...s, state: step.state } as SessionState;
  // What the learner did is recorded first, even on the way out (a lesson says where it was left as it is left).
  const effects: SessionEffect[] = [];
  let ending: SessionEffect | null = null;
  const end = (outcome: Outcome) => {
    next = { ...next, ended: true };
    ending = { kind: 'end', outcome };
  };
  const recorded = (e: ScreenEffect): e is Recorded => e.kind === 'finished' || e.kind === 'stopped' || e.kind === 'answer' || e.kind === 'solved' || e.kind === 'kept';
  for (const e of (step.effects ?? []).filter(recorded)) {
    if (record) record(e);
    else effects.push(e);
  }
  for (const e of step.effects ?? []) {
    if (recorded(e) || next.ended) continue;
    if (e.kind === 'lab') effects.push(e);
    else if (e.kind === 'go') next = enter(e.to, deps);
    else if (e.kind === 'back') {
      const to = backOf(s.route);
      if (to) next = enter(to, deps);
      else end({ kind: 'done' });
    } else if (e.kind === 'quit') end({ kind: 'done' });
    else end(e.outcome);
  }
  return { state: next, effects: ending ? [...effects, ending] : effects };
}

/**
 * How long until the screen moves by itself (a lesson or `--vs` in lecture mode),
 * in ms; null while it waits for keys, or while the screen is too small to be seen.
 */
export function sessionWait(s: SessionState, deps: AppDeps): number | null {
  const screen = screenOf(s.route.screen);
  if (s.ended || tooSmall(deps.size) || !screen.wait) return null;
  return screen.wait(s.state, s.route, deps);
}

/** The screen's wait is over: it moves as it says (a tick is not a key, so the notice stays). */
export function sessionTick(s: SessionState, deps: AppDeps, record?: (e: Recorded) => void): KeyResult<SessionState, SessionEffect> {
  const screen = screenOf(s.route.screen);
  if (sessionWait(s, deps) === null || !screen.tick) return { state: s };
  return settle(s, screen.tick(s.state, s.route, deps), deps, record);
}

/** A real timer, lecture mode's clock outside the tests. */
const realTimer: Timer = (ms, fire) => {
  const t = setTimeout(fire, ms);
  return () => clearTimeout(t);
};

/** What a report from the world (the lab's, as it runs) does to the screen it is for; any other screen does not hear it. */
export function sessionEvent(s: SessionState, event: LabEvent, deps: AppDeps): KeyResult<SessionState, SessionEffect> {
  const screen = screenOf(s.route.screen);
  if (s.ended || !screen.event) return { state: s };
  const step = screen.event(s.state, event, s.route, deps);
  // A report leads nowhere: the screen's own state changes, nothing else.
  return { state: { ...s, state: step.state } as SessionState };
}

/**
 * The world's side of the lab effects: a start runs the lab, its reports handed to
 * `deliver`; a stop stops the run there is. Returns the stop of the run, for the
 * session to call when it ends with one running.
 */
export function labRun(deps: AppDeps, deliver: (e: LabEvent) => void) {
  let running: { stop: () => void } | null = null;
  return {
    act: (e: LabAct) => {
      if (e.act === 'stop') running?.stop();
      else if (deps.lab && !running)
        running = deps.lab.start((event) => {
          if (event.kind === 'done' || event.kind === 'failed' || event.kind === 'stopped') running = null;
          deliver(event);
        });
    },
    stop: () => running?.stop(),
  };
}

/** The frame of the screen the session is on, as lines. */
export function frameOf(s: SessionState, deps: AppDeps): string[] {
  if (tooSmall(deps.size)) return tooSmallLines(deps.size, deps.lang, commandOf(s.route));
  const lines = screenOf(s.route.screen).frame(s.state, s.route, deps);
  if (!deps.notice || s.noticed) return lines;
  // Over the keys line (and the one above it, where it needs two): the keys are back at the first key.
  const said = wrap(deps.notice, Math.min(deps.size.cols, 100) - 2)
    .slice(0, 2)
    .map((l) => deps.paint.yellow(` ${l}`));
  return [...lines.slice(0, Math.max(0, lines.length - said.length)), ...said];
}

export interface SessionProps extends Omit<AppDeps, 'size'> {
  start: Route;
  /** Called the first time the learner reaches a lesson's last step. */
  onFinish: (id: string) => void;
  /** Called with each quiz answer as soon as it is given (the command line saves it). */
  onAnswer: (a: Answered) => void;
  /** Where the learner left a lesson (step, steps seen, predictions), for progress to keep. */
  onStop?: (id: string, stopped: Stopped) => void;
  /** A challenge level met, with the path's mode switches and steps, for progress to keep the best. */
  onSolved?: (solved: Solved) => void;
  /** A challenge level's path as it was left, for the session to open the level with again. */
  onKept?: (kept: Kept) => void;
  onEnd: (o: Outcome) => void;
  /** A fixed size (tests); by default the terminal's, kept current on resize. */
  size?: Size;
}

/**
 * Every screen in one ink app, reading its keys at the root, so that moving
 * between screens neither flashes the terminal nor drops keys typed meanwhile.
 */
export function Session({ start, onFinish, onAnswer, onStop, onSolved, onKept, onEnd, size: fixed, ...world }: SessionProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const deps: AppDeps = { ...world, size: fixed ?? terminal };
  const inbox = useRef<Inbox<SessionState, SessionEffect> | null>(null);
  const lab = useRef<ReturnType<typeof labRun> | null>(null);
  const latest = useRef(deps);
  latest.current = deps;
  lab.current ??= labRun(deps, (event) => inbox.current?.((s) => sessionEvent(s, event, latest.current)));
  // The app closing (quit, Ctrl-C, a signal) stops a run still going: the helper removes its files.
  useEffect(() => () => lab.current?.stop(), []);
  const run = (e: SessionEffect) => {
    if (e.kind === 'lab') return lab.current?.act(e);
    if (e.kind === 'finished') return onFinish(e.id);
    if (e.kind === 'answer') return onAnswer(e.answered);
    if (e.kind === 'stopped') return onStop?.(e.id, e.stopped);
    if (e.kind === 'solved') return onSolved?.(e);
    if (e.kind === 'kept') return onKept?.(e);
    onEnd(e.outcome);
    exit();
  };
  const s = useKeys(
    () => enter(start, deps),
    (state, key) => sessionKey(state, key, deps, run),
    run,
    inbox,
  );
  // Lecture mode: the screen says how long to wait; any change (a key, the last tick) sets the clock again, and a tick the state has moved past is dropped.
  const wait = sessionWait(s, deps);
  useEffect(() => {
    if (wait === null) return;
    const armed = s;
    return (deps.timer ?? realTimer)(wait, () => inbox.current?.((now) => (now === armed ? sessionTick(now, latest.current, run) : { state: now })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s, wait]);
  // One Text for the whole frame: the lines are already laid out, so ink need not measure each.
  return <Text>{frameOf(s, deps).join('\n')}</Text>;
}

export type SessionOptions = Omit<SessionProps, 'onEnd'> & Terminal;

/** Runs the session full-screen until the learner quits or leaves for the lab. */
export async function runSession(options: SessionOptions): Promise<Outcome> {
  let outcome: Outcome = { kind: 'done' };
  const { stdin, stdout, ...props } = options;
  await runFullScreen(<Session {...props} onEnd={(o) => (outcome = o)} />, { stdin, stdout });
  return outcome;
}
