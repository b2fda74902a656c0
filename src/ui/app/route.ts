import type { ChalkInstance } from 'chalk';
import type { Lang } from '../../i18n/lang.js';
import type { Answered, Question } from '../../quiz/index.js';
import type { Keypress } from '../keypress.js';
import type { Judge, Stopped } from '../learn/controller.js';
import type { Size } from '../size.js';
import type { LearnView } from '../learn/view.js';
import type { MenuItem } from '../menu-lines.js';
import type { KeyResult } from '../use-keys.js';
import type { Workbench } from '../builder/state.js';
import type { LessonStep } from '../../lessons/index.js';
import type { Knobs, Scale } from '../../model/index.js';
import type { Kind } from '../../quiz/index.js';
import type { QuizState } from './quiz.js';
import type { Playing } from '../play.js';

/** What the home menu offers, each a screen of its own. */
export type HomeChoice = 'learn' | 'predict' | 'quiz' | 'challenge' | 'sandbox' | 'explain' | 'compare' | 'glossary' | 'progress' | 'lab';

/** Where the session is. `back` is where q returns to; without one, q ends the session. */
export type Route =
  | { screen: 'home'; at?: HomeChoice }
  | { screen: 'picker'; then: 'learn' | 'predict' | 'explain'; back: Route | null; at?: string; play?: Playing }
  /**
   * `step`: the step asked for (`--step`); without one, where progress says it was left.
   * `knobs`, `scale`: the what-if and the file size of the quiz question that opened it.
   * `play`: lecture mode as it opens (`--play`, `--speed`).
   */
  | { screen: 'learn'; id: string; predict: boolean; back: Route | null; step?: number; seen?: number[]; knobs?: Knobs; scale?: Scale; play?: Playing }
  /** `aim`: what the quiz asks about; `kept`: a quiz left for a lesson's step, shown again as it was left. */
  | { screen: 'quiz'; back: Route | null; aim?: QuizAim; kept?: KeptQuiz }
  | { screen: 'levels'; back: Route | null; at?: string }
  | { screen: 'challenge'; id: string; back: Route | null }
  | { screen: 'sandbox'; back: Route | null }
  | { screen: 'vs'; a: string; b: string; back: Route | null; play?: Playing }
  | { screen: 'explain'; id: string; back: Route | null }
  | { screen: 'compare'; back: Route | null }
  /** `term`: the glossary opens at that term (picked from its index). */
  | { screen: 'glossary'; back: Route | null; term?: string }
  | { screen: 'progress'; back: Route | null }
  /** The glossary's index: its terms, one to read. */
  | { screen: 'terms'; back: Route | null; at?: string }
  | { screen: 'lab'; back: Route | null }
  /** `zcopy trace`'s report as a page; `at`, `top`: the flow marked and the line scrolled to, as a lesson opened from it left them. */
  | { screen: 'trace'; back: Route | null; at?: number; top?: number }
  /** What the home menu's quiz asks: how to choose, then the lesson or the kind. */
  | { screen: 'quizAim'; pick: 'how' | 'lesson' | 'kind'; back: Route | null; at?: string };

export type RouteName = Route['screen'];
export type RouteOf<N extends RouteName> = Extract<Route, { screen: N }>;

/** Why the session ended: nothing more to do (the lab runs inside the app). */
export type Outcome = { kind: 'done' };

/** A page of text at a given width: a presenter's lines, the same ones its command prints. */
export type TextSource = ((width: number) => string[]) & {
  /**
   * Lines kept in sight above the window when it starts at `top` (a table's title, legend and
   * header once any of them is scrolled past), and the line the window then starts at (past
   * the ones kept): a page without it scrolls as one block.
   */
  pinned?: (width: number, top: number) => { lines: string[]; from: number };
};

/** A quiz drawn afresh each time the quiz screen opens. */
export interface DrawnQuiz {
  questions: Question[];
  seed: number;
  /** What the draw had to say (no wrong answers to review, fewer questions than asked), shown above the first question. */
  notes?: string[];
}

/** What an in-app quiz asks about, as `zcopy quiz --scenario`, `--kind`, `--review` do; nothing: everything. */
export interface QuizAim {
  scenario?: string;
  kind?: Kind;
  review?: boolean;
  /** A what-if variant's knobs, for the quiz at the end of one. */
  knobs?: Knobs;
  /** A lesson taken at a file size (`learn --size`): its count questions are the whole file's. */
  scale?: Scale;
}

/** A quiz as it was left, to come back to: the questions drawn and where the learner was (the score with it). */
export interface KeptQuiz {
  quiz: DrawnQuiz;
  at: QuizState;
}

/** What the screens need from the world, passed in so they stay pure and testable. */
export interface AppDeps {
  lang: Lang;
  paint: ChalkInstance;
  size: Size;
  /** Said once, at the start, in place of the keys line until the first key: what stops progress being saved. */
  notice?: string;
  /** Asked each time the home menu opens, so its note counts what was just finished or answered. */
  home: () => { title: string; note: string; items: MenuItem<HomeChoice>[] };
  /** The scenarios to pick from, asked again each time (finished marks change); `resume`, where a lesson reopens, however it is opened. */
  picker: { title: string; note: string; items: () => MenuItem<string>[]; resume?: (id: string) => { step: number; seen: number[] } | null };
  /** The scenarios to read about (explain): the same list, without learn's marks of what was finished or left part-way. */
  explainPicker: { title: string; note: string; items: () => MenuItem<string>[] };
  /** A lesson's view; `as`: a what-if variant of it, or the lesson at a file size (a quiz question's). */
  view: (id: string, as?: { knobs?: Knobs; scale?: Scale }) => LearnView;
  judge: Judge;
  quiz: (aim?: QuizAim) => DrawnQuiz;
  explain: (id: string) => TextSource;
  compare: () => TextSource;
  glossary: () => TextSource;
  /** Read when the screen opens, so it shows what was just recorded. */
  progress: () => TextSource;
  /** The challenge levels: the menu (asked again each time, solved marks change) and each level's workbench. */
  challenges: { title: string; note: string; items: () => MenuItem<string>[]; bench: (id: string) => Workbench };
  /** The sandbox's workbench: a lesson's machine, or the default one. */
  sandbox: () => Workbench;
  /** The glossary's index, and where each term starts on the glossary's page at a width. */
  terms: { title: string; note: string; items: () => MenuItem<string>[]; lineOf: (id: string, width: number) => number };
  /** The lab, run from the app; without one (a test that does not ask for it), the lab screen says it cannot run. */
  lab?: LabRunner;
  /** The report the trace page shows (`zcopy trace` on a terminal); none in a session that did not read a trace. */
  trace?: TracePage;
  /** Lecture mode's clock: calls `fire` once after `ms`, unless the returned cancel is called first; by default a real timeout. */
  timer?: Timer;
}

/** A trace's report as its page shows it: what was read, the report at a width, and each flow's lesson and scale. */
export interface TracePage {
  /** What was traced (the files' names, the command), for the page's title. */
  source: string;
  /** The report's lines at a width, and the line each flow starts at, one more: where the flows end (traceLayout). */
  layout: (width: number) => { lines: string[]; flowAt: number[] };
  /** Each flow's technique, the lesson that teaches it (null: none) and the size and chunk to open it at (null: as written). */
  flows: { technique: string; lesson: string | null; scale: Scale | null }[];
}

/** A one-shot timer, passed in so that the screens' play is tested without waiting. */
export type Timer = (ms: number, fire: () => void) => () => void;

/** The lab as the app runs it: what a run will do, and the run, which reports as it goes. */
export interface LabRunner {
  /** What the lab will measure and roughly how long it takes, as lines of at most `width` columns. */
  describe: (width: number) => string[];
  /** Starts a run; stop() ends it early: the helper stops and cleans up, then `stopped` is reported. */
  start: (report: (e: LabEvent) => void) => { stop: () => void };
}

/** One technique's runs so far. */
export interface LabTechniqueProgress {
  technique: string;
  done: number;
  of: number;
}

/** What a lab run reports: building its helper, each run measured, then the report, a failure in one line, or that it stopped. */
export type LabEvent =
  | { kind: 'building' }
  | { kind: 'progress'; techniques: LabTechniqueProgress[]; label: string }
  | { kind: 'done'; report: TextSource }
  | { kind: 'failed'; message: string }
  | { kind: 'stopped' };

/** What a screen asks of the session: another screen, back a level, quit, or something the world must record. */
export type ScreenEffect =
  | { kind: 'go'; to: Route }
  | { kind: 'back' }
  | { kind: 'quit' }
  | { kind: 'end'; outcome: Outcome }
  | { kind: 'finished'; id: string }
  | { kind: 'stopped'; id: string; stopped: Stopped }
  | { kind: 'answer'; answered: Answered }
  | Kept
  | Solved
  | LabAct;

/** The lab screen asks the world to start a run, or to stop the one running. */
export interface LabAct {
  kind: 'lab';
  act: 'start' | 'stop';
}

/** A challenge level's path as the learner left it, for the session to show again when the level reopens. */
export interface Kept {
  kind: 'kept';
  id: string;
  steps: LessonStep[];
}

/** A challenge level met for the first time in a visit, with the path's score. */
export interface Solved {
  kind: 'solved';
  id: string;
  score: { modeSwitches: number; steps: number };
  /** Solved before in this visit: the score is better, but the level is not solved one more time. */
  again: boolean;
}

/** One screen: the state its route opens, what a key does to it (pure), and its frame as lines. */
export interface ScreenModule<N extends RouteName, S> {
  enter: (route: RouteOf<N>, deps: AppDeps) => S;
  key: (state: S, key: Keypress, route: RouteOf<N>, deps: AppDeps) => KeyResult<S, ScreenEffect>;
  frame: (state: S, route: RouteOf<N>, deps: AppDeps) => string[];
  /** What a report from the world (the lab's, as it runs) does to the state; a screen without one hears none. */
  event?: (state: S, event: LabEvent, route: RouteOf<N>, deps: AppDeps) => KeyResult<S, ScreenEffect>;
  /** How long until the screen moves by itself (lecture mode), in ms; null or absent, it waits for keys. */
  wait?: (state: S, route: RouteOf<N>, deps: AppDeps) => number | null;
  /** What the screen does once that wait is over. */
  tick?: (state: S, route: RouteOf<N>, deps: AppDeps) => KeyResult<S, ScreenEffect>;
}

/** Where q leads from a route: the home menu has nothing behind it. */
export function backOf(route: Route): Route | null {
  return 'back' in route ? route.back : null;
}

/** The route the session started at: the one with nothing behind it. */
export function rootOf(route: Route): Route {
  let at = route;
  for (let back = backOf(at); back; back = backOf(at)) at = back;
  return at;
}

/**
 * The command that opened the session at `route`, as the learner typed it: what
 * a screen too small to draw itself names. Only the home menu leads to the
 * reading views, so as roots they stand for the app itself.
 */
export function commandOf(route: Route): string {
  const root = rootOf(route);
  switch (root.screen) {
    case 'picker':
    case 'learn':
    case 'vs':
      return 'zcopy learn';
    case 'levels':
    case 'challenge':
      return 'zcopy challenge';
    case 'quiz':
    case 'sandbox':
    case 'trace':
      return `zcopy ${root.screen}`;
    default:
      return 'zcopy';
  }
}

/**
 * The route behind a lesson or level that `n` opened in place of another: a list
 * behind it keeps its cursor on the one opened last, so q comes back to it.
 */
export function pointedAt(back: Route | null, id: string): Route | null {
  return back && (back.screen === 'picker' || back.screen === 'levels') ? { ...back, at: id } : back;
}
