import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { WARNINGS } from '../i18n/progress.js';

/** The format this zcopy reads and writes. A file with a higher version is left alone. */
export const FORMAT_VERSION = 1;

/** Right and wrong answers on one topic (a scenario and a question kind), and when. */
export interface TopicRecord {
  right: number;
  wrong: number;
  /** ISO time of the last answer. */
  lastAt: string;
  lastRight: boolean;
}

/**
 * One lesson in `learn`. The optional fields came later, still in format 1:
 * an older zcopy reads them as unknown and keeps `finished` and `lastAt`.
 */
export interface LessonRecord {
  /** How many times the lesson was finished in `learn` (every step seen). */
  finished: number;
  lastAt: string;
  /** The step the learner last left it at (0, the start). */
  lastStep?: number;
  /** The steps seen in the pass not yet finished, so that a resumed lesson need not be seen again. */
  seen?: number[];
  /** Predict mode's answers over every visit: how many were right out of how many asked. */
  predicted?: { right: number; asked: number };
}

/** One challenge level the learner solved. */
export interface LevelRecord {
  /** How many times a path met the level's goal within its limits. */
  solved: number;
  firstAt: string;
  lastAt: string;
  /**
   * The fewest mode switches and, separately, the fewest steps of any solve:
   * the par is judged on each, so the two may come from different paths.
   */
  best: { modeSwitches: number; steps: number };
}

/**
 * progress.json: `{version: 1, quiz: {scenario: {kind: TopicRecord}},
 * lessons: {id: LessonRecord}, challenges?: {id: LevelRecord}}`.
 */
export interface ProgressData {
  version: typeof FORMAT_VERSION;
  quiz: Record<string, Record<string, TopicRecord>>;
  lessons: Record<string, LessonRecord>;
  /**
   * Came later, still in format 1: a file from before has none, and an older
   * zcopy keeps it (the store saves every field it read, known or not).
   */
  challenges?: Record<string, LevelRecord>;
}

export interface Store {
  dir: string;
  path: string;
  data: ProgressData;
  /** False when saving would lose or overwrite something (a newer format, an unreadable file) or is impossible. */
  writable: boolean;
  /** The format version of a newer file found on disk, if any. */
  newerVersion: number | null;
  lang: Lang;
  warn: (line: string) => void;
  now: () => Date;
  /** One warning about saving per session is enough. */
  warnedSave: boolean;
}

export interface StoreOptions {
  /** The environment to read XDG_STATE_HOME and HOME from (never process.env). */
  env: NodeJS.ProcessEnv;
  lang: Lang;
  /** Receives one-line warnings. */
  warn: (line: string) => void;
  now?: () => Date;
}

export const emptyData = (): ProgressData => ({ version: FORMAT_VERSION, quiz: {}, lessons: {} });

/**
 * $XDG_STATE_HOME/zcopy, or ~/.local/state/zcopy. The XDG spec says a relative
 * XDG_STATE_HOME is invalid and must be ignored.
 */
export function stateDir(env: NodeJS.ProcessEnv): string | null {
  const xdg = env.XDG_STATE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'zcopy');
  const home = env.HOME || homedir();
  return home ? join(home, '.local', 'state', 'zcopy') : null;
}

const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The data if `raw` is a well-formed version-1 file, else null. */
export function validData(raw: unknown): ProgressData | null {
  if (!isObject(raw) || raw.version !== FORMAT_VERSION || !isObject(raw.quiz) || !isObject(raw.lessons)) return null;
  for (const kinds of Object.values(raw.quiz)) {
    if (!isObject(kinds)) return null;
    for (const t of Object.values(kinds)) {
      if (!isObject(t) || !isCount(t.right) || !isCount(t.wrong) || typeof t.lastAt !== 'string' || typeof t.lastRight !== 'boolean') return null;
    }
  }
  for (const l of Object.values(raw.lessons)) {
    if (!isObject(l) || !isCount(l.finished) || typeof l.lastAt !== 'string') return null;
    if (l.lastStep !== undefined && !isCount(l.lastStep)) return null;
    if (l.seen !== undefined && !(Array.isArray(l.seen) && l.seen.every(isCount))) return null;
    if (l.predicted !== undefined && !(isObject(l.predicted) && isCount(l.predicted.right) && isCount(l.predicted.asked))) return null;
  }
  if (raw.challenges !== undefined) {
    if (!isObject(raw.challenges)) return null;
    for (const c of Object.values(raw.challenges)) {
      if (!isObject(c) || !isCount(c.solved) || typeof c.firstAt !== 'string' || typeof c.lastAt !== 'string') return null;
      if (!isObject(c.best) || !isCount(c.best.modeSwitches) || !isCount(c.best.steps)) return null;
    }
  }
  // The object read, not a copy of the known fields: what a newer zcopy added in format 1 is saved back.
  return raw as unknown as ProgressData;
}

const why = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Opens the learner's progress. Never throws: a missing file is an empty
 * record; a corrupt one is moved aside (kept) with a warning; an unreadable
 * one or one from a newer zcopy is left alone and nothing is saved.
 */
export function openStore(o: StoreOptions): Store {
  const dir = stateDir(o.env);
  const store: Store = {
    dir: dir ?? '',
    path: dir ? join(dir, 'progress.json') : '',
    data: emptyData(),
    writable: dir !== null,
    newerVersion: null,
    lang: o.lang,
    warn: o.warn,
    now: o.now ?? (() => new Date()),
    warnedSave: false,
  };
  if (!dir) {
    o.warn(WARNINGS[o.lang].noHome);
    return store;
  }
  let text: string;
  try {
    text = readFileSync(store.path, 'utf8');
  } catch (e) {
    // No file (or no directory where one should be) is nothing to lose; saving will say if it cannot.
    if (!['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '')) {
      store.writable = false;
      o.warn(WARNINGS[o.lang].unreadable(store.path, why(e)));
    }
    return store;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  if (isObject(raw) && typeof raw.version === 'number' && raw.version > FORMAT_VERSION) {
    store.writable = false;
    store.newerVersion = raw.version;
    o.warn(WARNINGS[o.lang].newer(store.path, raw.version));
    return store;
  }
  const data = validData(raw);
  if (data) {
    store.data = data;
    return store;
  }
  moveAside(store);
  return store;
}

/** Keeps a corrupt file as progress.json.corrupt-<time> (never deleting one), then starts afresh. */
function moveAside(store: Store): void {
  const stamp = store.now().toISOString().replace(/[:.]/g, '-');
  let aside = `${store.path}.corrupt-${stamp}`;
  for (let i = 1; existsSync(aside); i++) aside = `${store.path}.corrupt-${stamp}-${i}`;
  try {
    renameSync(store.path, aside);
    store.warn(WARNINGS[store.lang].corrupt(aside));
  } catch {
    store.writable = false;
    store.warn(WARNINGS[store.lang].corruptStuck(store.path));
  }
}

/**
 * Creates `dir` and any missing parents, one level at a time. Node's recursive
 * mkdirSync loops forever where mkdir fails with ENOENT under a parent that
 * exists (anywhere in /proc), so the first level that cannot be made throws.
 */
export function makeDir(dir: string): void {
  const missing: string[] = [];
  // Up to the nearest thing that exists; if it is a file, the mkdir or write below it says so.
  for (let d = dir; dirname(d) !== d && !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) mkdirSync(d, { mode: 0o700 });
}

/**
 * Whether progress can be saved here, asked once before anything is recorded
 * (the session says so at its start rather than at the first save): the
 * warning a save would give, or null. Nothing is written but a probe, removed.
 */
export function savingProblem(store: Store): string | null {
  if (!store.writable || store.warnedSave) return null; // already said, by openStore
  const probe = `${store.path}.probe-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    makeDir(store.dir);
    writeFileSync(probe, '', { mode: 0o600 });
    rmSync(probe, { force: true });
    return null;
  } catch (e) {
    store.warnedSave = true;
    return WARNINGS[store.lang].unwritable(store.dir, why(e));
  }
}

/** Writes the whole record atomically: a temporary file in the same directory, then a rename over the old one. */
export function save(store: Store): boolean {
  if (!store.writable) return false;
  const tmp = `${store.path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    makeDir(store.dir);
    writeFileSync(tmp, JSON.stringify(store.data, null, 2) + '\n', { mode: 0o600 });
    renameSync(tmp, store.path);
    return true;
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The temporary file was never made.
    }
    if (!store.warnedSave) store.warn(WARNINGS[store.lang].unwritable(store.dir, why(e)));
    store.warnedSave = true;
    return false;
  }
}

/** Records one quiz answer on its topic and saves at once. */
export function recordAnswer(store: Store, scenario: string, kind: string, right: boolean): boolean {
  return update(store, (data) => {
    const at = store.now().toISOString();
    const kinds = (data.quiz[scenario] ??= {});
    const t = (kinds[kind] ??= { right: 0, wrong: 0, lastAt: at, lastRight: right });
    if (right) t.right++;
    else t.wrong++;
    t.lastAt = at;
    t.lastRight = right;
  });
}

/** Records that the learner finished a lesson in `learn`, and saves at once. The pass is complete: the next one starts with no step seen. */
export function recordLessonFinished(store: Store, id: string): boolean {
  return update(store, (data) => {
    const at = store.now().toISOString();
    const l = (data.lessons[id] ??= { finished: 0, lastAt: at });
    l.finished++;
    l.lastAt = at;
    if (l.seen) l.seen = [];
  });
}

/** Records that a path solved a challenge level, keeping the fewest mode switches and the fewest steps, and saves at once. */
export function recordLevelSolved(store: Store, id: string, took: { modeSwitches: number; steps: number }, again = false): boolean {
  return update(store, (data) => {
    const at = store.now().toISOString();
    const challenges = (data.challenges ??= {});
    const c = (challenges[id] ??= { solved: 0, firstAt: at, lastAt: at, best: { ...took } });
    // A better path found in the same visit improves the best; it is not another solve.
    if (!again || c.solved === 0) c.solved++;
    c.lastAt = at;
    c.best = { modeSwitches: Math.min(c.best.modeSwitches, took.modeSwitches), steps: Math.min(c.best.steps, took.steps) };
  });
}

/** How many challenge levels were solved at least once; with `ids`, only those levels count (a level since renamed does not). */
export function levelsSolved(data: ProgressData, ids?: readonly string[]): number {
  const solved = Object.entries(data.challenges ?? {}).filter(([, c]) => c.solved > 0);
  return ids ? solved.filter(([id]) => ids.includes(id)).length : solved.length;
}

/** Whether there is anything recorded at all: answers, lessons or challenge levels. */
export function hasProgress(data: ProgressData): boolean {
  return Object.keys(data.quiz).length > 0 || Object.keys(data.lessons).length > 0 || Object.keys(data.challenges ?? {}).length > 0;
}

/** Where the learner left a lesson. */
export interface Visit {
  at: number;
  seen: number[];
  predicted: { right: number; asked: number };
  /**
   * Whether the learner moved during the visit. One that opened a lesson and
   * left it where it opened (a peek at `--step 2`, a lesson opened by mistake)
   * keeps the step recorded before: the lesson still reopens where they got to.
   */
  moved?: boolean;
}

/**
 * Records where the learner left a lesson, the steps seen and predict mode's
 * answers, and saves at once. The steps seen are added to those recorded, never
 * replace them: a visit that saw fewer (another terminal, a lesson opened at
 * another step) loses nothing an earlier one saw.
 */
export function recordLessonVisit(store: Store, id: string, visit: Visit): boolean {
  return update(store, (data) => {
    const at = store.now().toISOString();
    const l = (data.lessons[id] ??= { finished: 0, lastAt: at });
    l.lastAt = at;
    if (visit.moved !== false || l.lastStep === undefined) l.lastStep = visit.at;
    l.seen = [...new Set([...(l.seen ?? []), ...visit.seen])].sort((a, b) => a - b);
    if (visit.predicted.asked > 0) {
      const before = l.predicted ?? { right: 0, asked: 0 };
      l.predicted = { right: before.right + visit.predicted.right, asked: before.asked + visit.predicted.asked };
    }
  });
}

/** Quiz answers over every topic: right out of all answered. */
export function quizTotals(data: ProgressData): { right: number; answered: number } {
  let right = 0;
  let answered = 0;
  for (const kinds of Object.values(data.quiz)) {
    for (const t of Object.values(kinds)) {
      right += t.right;
      answered += t.right + t.wrong;
    }
  }
  return { right, answered };
}

/**
 * Applies one change to the latest record on disk and saves it, holding a lock
 * file meanwhile, so that two zcopy processes (two quizzes in two terminals)
 * add up their answers instead of the last save winning.
 */
function update(store: Store, change: (data: ProgressData) => void): boolean {
  const unlock = store.writable ? lock(store) : () => {};
  try {
    if (store.writable) {
      try {
        const latest = validData(JSON.parse(readFileSync(store.path, 'utf8')));
        if (latest) store.data = latest;
      } catch {
        // No file yet, or one being replaced: what this process holds is the latest it can know.
      }
    }
    change(store.data);
    return save(store);
  } finally {
    unlock();
  }
}

const LOCK_WAIT_MS = 2000;

/** Takes progress.json.lock (created exclusively); a lock older than the wait is a crashed writer's and is broken. */
function lock(store: Store): () => void {
  const path = `${store.path}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  try {
    makeDir(store.dir);
  } catch {
    return () => {}; // saving will report the directory
  }
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return () => {};
      try {
        if (Date.now() - statSync(path).mtimeMs > LOCK_WAIT_MS) rmSync(path, { force: true });
      } catch {
        // the other writer just finished
      }
      if (Date.now() > deadline) return () => {}; // better an unlocked save than a lost answer
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/** Deletes progress.json (corrupt copies kept aside stay). False when there was nothing to delete. */
export function deleteProgress(store: Store): boolean {
  store.data = emptyData();
  if (!existsSync(store.path)) return false;
  rmSync(store.path);
  return true;
}

export interface WeakTopic {
  scenario: string;
  kind: string;
  right: number;
  wrong: number;
}

/**
 * Topics with at least one wrong answer, weakest first: by the share of wrong
 * answers with one right and one wrong assumed (so 3 of 3 wrong is weaker than
 * 1 of 1), then by more wrong, then by name.
 */
export function weakestTopics(data: ProgressData, limit = 5): WeakTopic[] {
  const topics: WeakTopic[] = [];
  for (const [scenario, kinds] of Object.entries(data.quiz)) {
    for (const [kind, t] of Object.entries(kinds)) if (t.wrong > 0) topics.push({ scenario, kind, right: t.right, wrong: t.wrong });
  }
  const weakness = (t: WeakTopic) => (t.wrong + 1) / (t.right + t.wrong + 2);
  return topics
    .sort((a, b) => weakness(b) - weakness(a) || b.wrong - a.wrong || a.scenario.localeCompare(b.scenario) || a.kind.localeCompare(b.kind))
    .slice(0, limit);
}
