import { resolve } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { PROBLEMS } from '../i18n/problems.js';
import { refusalText } from '../i18n/refusals.js';
import {
  ID_PATTERN,
  LessonError,
  LESSON_FIELDS,
  isRecord,
  lessonFilesIn,
  parseWith,
  readLessonText,
  readPayload,
  readSteps,
  readers,
  type LessonStep,
  type Problem,
  type Readers,
} from '../lessons/index.js';
import { COUNTER_KEYS, DEFAULT_MACHINE, EVENT_TYPES, MACHINE_VALUES, StepError, happens, knobsOfMachine, type EventType, type Machine } from '../model/index.js';
import { closest } from '../term/suggest.js';
import { judge } from './judge.js';
import { parBound, pathText, searchPar, type ParBound } from './par.js';
import { CHALLENGE } from '../i18n/challenge.js';
import { GOAL_PLACES, type Goal, type Level, type Limits, type MachineFeatures } from './types.js';

/** The levels ship next to the lessons, as the lab's helper does. */
export function challengesDir(lessonsDir: string): string {
  return resolve(lessonsDir, '..', 'challenges');
}

export interface Levels {
  /** In climbing order. */
  levels: Level[];
  find(id: string): Level | undefined;
  suggest(id: string): string | undefined;
}

/** Every level in `dir`, checked against the lessons they name; a broken one is a LessonError in `lang`. */
export function loadLevels(dir: string, lessonIds: readonly string[], lang: Lang = 'en'): Levels {
  const levels = lessonFilesIn(dir).map((f) => loadLevelFile(f, lessonIds, lang));
  const byId = new Map<string, Level>();
  for (const level of levels) {
    const other = byId.get(level.id);
    if (other) throw new LessonError(level.source, [{ path: ['id'], message: CHALLENGE[lang].problems.taken(level.id, other.source) }]);
    byId.set(level.id, level);
  }
  return {
    levels: [...levels].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)),
    find: (id) => byId.get(id.trim().toLowerCase()),
    suggest: (id) => closest(id, byId.keys()),
  };
}

/**
 * What proving a level's par takes: the system calls a path may make (the
 * search offers each), and how far the search may go.
 */
export interface ParProof {
  names: readonly string[];
  bound?: ParBound;
}

/**
 * One level file, checked as `loadLevels` checks each; a broken one is a LessonError naming the file, line and field in `lang`.
 * With `proof`, its par must also be the fewest any legal path takes (`zcopy validate`; a test proves the shipped levels).
 */
export function loadLevelFile(file: string, lessonIds: readonly string[], lang: Lang = 'en', proof?: ParProof): Level {
  return parseWith(readLessonText(file, lang), file, (data) => validateLevel(data, file, lessonIds, lang, proof), lang);
}

/** The key only a level has at its top level (challenges/FORMAT.md): a lesson says what happens, a level what must be true at the end. */
export function isLevelData(data: unknown): boolean {
  return isRecord(data) && 'goal' in data;
}

/**
 * Whether a data file is a lesson or a challenge level, by its top-level keys;
 * null when it cannot be read or parsed (its loader then says why).
 */
export function kindOfFile(file: string): 'lesson' | 'level' | null {
  try {
    return parseWith(readLessonText(file), file, (data) => ({ value: isLevelData(data) ? ('level' as const) : ('lesson' as const) }));
  } catch (error) {
    if (error instanceof LessonError) return null;
    throw error;
  }
}

const LEVEL_FIELDS = ['id', 'order', 'title', 'summary', 'teaches', 'start', 'goal', 'limits', 'banned', 'hints', 'par', 'solution'];
const GOAL_FIELDS = ['at', 'blocks', 'own', 'canModify', 'canRead', 'shared', 'userMode', 'callsClosed'];
// A level names its machine's features as the flags and the model do.
const FEATURES: Record<string, readonly unknown[] | undefined> = MACHINE_VALUES;

/**
 * Checks a parsed level file, then judges its reference solution on its own level: a level nobody can pass is refused.
 * With `proof`, a par that some path beats, or that the search could not prove within its bound, is refused too.
 */
export function validateLevel(data: unknown, source: string, lessonIds: readonly string[], lang: Lang = 'en', proof?: ParProof): { value: Level } | { problems: Problem[] } {
  const t = PROBLEMS[lang];
  const c = CHALLENGE[lang].problems;
  const r = readers(lang);
  const { fail, str, text, list } = r;
  if (!isRecord(data)) return { problems: [{ path: [], message: c.notMapping }] };
  for (const key of Object.keys(data)) if (!LEVEL_FIELDS.includes(key)) fail([key], c.notLevelField);

  const id = str(['id'], data.id);
  if (id && !ID_PATTERN.test(id)) fail(['id'], t.idPattern);
  const order = data.order ?? 0;
  if (typeof order !== 'number' || !Number.isFinite(order)) fail(['order'], t.number);
  const teaches = str(['teaches'], data.teaches);
  if (teaches && !lessonIds.includes(teaches)) fail(['teaches'], c.notLesson(lessonIds.join(', ')));

  const start = isRecord(data.start) ? data.start : (fail(['start'], t.notMapping), {});
  for (const key of Object.keys(start)) if (key !== 'payload' && key !== 'machine') fail(['start', key], c.notLevelField);
  const payload = readPayload(['start', 'payload'], start.payload, r, lang);
  const features: MachineFeatures = {};
  if (start.machine !== undefined) {
    if (!isRecord(start.machine)) fail(['start', 'machine'], t.notMapping);
    else {
      for (const [key, value] of Object.entries(start.machine)) {
        const choices = FEATURES[key as keyof MachineFeatures];
        if (!choices) fail(['start', 'machine', key], c.feature(Object.keys(FEATURES).join(', ')));
        else if (!choices.includes(value)) fail(['start', 'machine', key], c.feature(choices.join(', ')));
        else Object.assign(features, { [key]: value });
      }
    }
  }
  const machine: Machine = {
    ...DEFAULT_MACHINE,
    ...features,
    // A level's devices are a real machine's: DMA only where there is a DMA controller, programmed I/O where there is none.
    pio: !(features.dma ?? DEFAULT_MACHINE.dma),
    // They are the kernel's, shared by every program, unless the level lets one program drive them (kernel bypass).
    bypass: features.bypass ?? false,
  };

  const goal = readGoal(data.goal, payload, r, lang);

  const perTransfer: Limits = {};
  const limits: Limits = {};
  if (data.limits !== undefined && !isRecord(data.limits)) fail(['limits'], t.notMapping);
  else if (data.limits !== undefined) {
    for (const [key, value] of Object.entries(data.limits)) {
      if (key === 'perTransfer') {
        if (!isRecord(value)) fail(['limits', key], t.notMapping);
        else for (const [k, v] of Object.entries(value)) readLimit(['limits', key, k], k, v, perTransfer);
      } else readLimit(['limits', key], key, value, limits);
    }
  }
  function readLimit(path: (string | number)[], key: string, value: unknown, into: Limits) {
    if (!(COUNTER_KEYS as readonly string[]).includes(key)) fail(path, c.notCounter(COUNTER_KEYS.join(', ')));
    else if (!Number.isInteger(value) || (value as number) < 0) fail(path, c.max);
    else into[key as keyof Limits] = value as number;
  }

  const banned = list(['banned'], data.banned, (p, v) => {
    if (!(EVENT_TYPES as readonly unknown[]).includes(v)) fail(p, c.notEvent(EVENT_TYPES.join(', ')));
    return v as EventType;
  }, true);
  const hints = list(['hints'], data.hints, text);
  if (Array.isArray(data.hints) && (hints.length < 2 || hints.length > 3)) fail(['hints'], c.hints);

  const par = { modeSwitches: 0, steps: 0 };
  if (!isRecord(data.par)) fail(['par'], t.notMapping);
  else {
    for (const key of Object.keys(data.par)) if (!(key in par)) fail(['par', key], c.notLevelField);
    for (const key of ['modeSwitches', 'steps'] as const) {
      const v = data.par[key];
      if (!Number.isInteger(v) || (v as number) < 0) fail(['par', key], c.max);
      else par[key] = v as number;
    }
  }
  const solution = readSteps(['solution'], data.solution, payload, r, lang, true);

  const level: Level = {
    id,
    order: typeof order === 'number' ? order : 0,
    title: text(['title'], data.title),
    summary: text(['summary'], data.summary),
    payload,
    features,
    machine,
    goal,
    limits,
    perTransfer,
    banned,
    hints,
    par,
    solution,
    teaches,
    source,
  };
  if (r.problems.length) return { problems: r.problems };

  let why: string | null;
  let verdict;
  try {
    verdict = judge(level, solution);
    why = verdict.unmet && CHALLENGE[lang].unmet(verdict.unmet);
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    return { problems: [{ path: ['solution', error.step - 1, 'event'], message: t.illegalStep(error.step, refusalText(error.refusal, lang)) }] };
  }
  if (verdict.unmet?.kind === 'callOpen') {
    // The step that entered the call left open, as the lesson validator names it.
    const entered = solution.map((s) => s.event.type === 'syscall').lastIndexOf(true);
    return { problems: [{ path: ['solution', entered, 'event'], message: c.solutionEndsInCall(verdict.unmet.call, entered + 1) }] };
  }
  if (why) return { problems: [{ path: ['solution'], message: c.solutionFails(why) }] };
  // The par is what the reference solution takes: a par nobody is shown reaching would not be fair.
  if (verdict.counts.modeSwitches !== par.modeSwitches) return { problems: [{ path: ['par', 'modeSwitches'], message: c.parNotReference('modeSwitches', par.modeSwitches, verdict.counts.modeSwitches) }] };
  if (verdict.steps !== par.steps) return { problems: [{ path: ['par', 'steps'], message: c.parNotReference('steps', par.steps, verdict.steps) }] };
  if (proof) {
    const found = searchPar(level, proof.names, proof.bound ?? parBound(par));
    if (found.kind === 'bound') return { problems: [{ path: ['par'], message: c.parNotProved(found.expanded, found.bound.maxSteps) }] };
    const shorter = found.par.modeSwitches < par.modeSwitches || (found.par.modeSwitches === par.modeSwitches && found.par.steps < par.steps);
    if (shorter) return { problems: [{ path: ['par'], message: c.parBeaten(found.par, pathText(found.path)) }] };
    // The reference passes, so only a reference the search cannot build (blocks moved in parts) leaves the minimum above the par.
    if (found.par.steps !== par.steps || found.par.modeSwitches !== par.modeSwitches) return { problems: [{ path: ['solution'], message: c.referenceNotSearched(found.par) }] };
  }
  return { value: level };
}

function readGoal(value: unknown, payload: string[], r: Readers, lang: Lang): Goal {
  const t = PROBLEMS[lang];
  const c = CHALLENGE[lang].problems;
  const goal: Goal = { at: 'nic', blocks: null, own: false, canModify: false, canRead: false, shared: false, userMode: true };
  if (!isRecord(value)) {
    r.fail(['goal'], t.notMapping);
    return goal;
  }
  for (const key of Object.keys(value)) if (!GOAL_FIELDS.includes(key)) r.fail(['goal', key], c.notLevelField);
  if (!(GOAL_PLACES as readonly unknown[]).includes(value.at)) r.fail(['goal', 'at'], c.goalPlace(GOAL_PLACES.join(', ')));
  else goal.at = value.at as Goal['at'];
  if (value.blocks !== undefined) {
    goal.blocks = r.list(['goal', 'blocks'], value.blocks, (p, b) => {
      if (!payload.includes(b as string)) r.fail(p, c.notBlockOfPayload(String(b)));
      return String(b);
    });
  }
  // Every path ends with its calls returned, as every lesson does: the flag may say so, never the opposite.
  if (value.callsClosed !== undefined && value.callsClosed !== true) r.fail(['goal', 'callsClosed'], c.callsAlwaysClosed);
  for (const flag of ['own', 'canModify', 'canRead', 'shared', 'userMode'] as const) {
    const v = value[flag];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') r.fail(['goal', flag], t.trueFalse);
    else goal[flag] = v;
  }
  if (goal.own && goal.at !== 'user') r.fail(['goal', 'own'], c.ownOnlyUser);
  return goal;
}

/**
 * A learner's path for `level`: a file with `steps:`, or a whole lesson file
 * (only its steps are judged, on the level's machine and payload). A broken
 * file or an illegal step is a LessonError naming the file, line and step.
 */
export function readPath(file: string, level: Level, lang: Lang = 'en'): LessonStep[] {
  const t = PROBLEMS[lang];
  return parseWith<LessonStep[]>(readLessonText(file, lang), file, (data) => {
    const r = readers(lang);
    if (!isRecord(data)) return { problems: [{ path: [], message: CHALLENGE[lang].problems.notPathField }] };
    for (const key of Object.keys(data)) if (!LESSON_FIELDS.has(key)) r.fail([key], CHALLENGE[lang].problems.notPathField);
    // A lesson that says how a knob changes it is judged in its variant for the level's machine (sendfile-sg falls back to a copy on a NIC that cannot gather).
    const knobs = knobsOfMachine(level.machine);
    const written = readSteps(['steps'], data.steps, level.payload, r, lang, true);
    const steps = written.filter((s) => happens(s, knobs));
    if (r.problems.length) return { problems: r.problems };
    try {
      judge(level, steps);
    } catch (error) {
      if (!(error instanceof StepError)) throw error;
      // Named as the file numbers it, past the steps of other variants.
      const at = written.indexOf(steps[error.step - 1]);
      return { problems: [{ path: ['steps', at, 'event'], message: t.illegalStep(at + 1, refusalText(error.refusal, lang)) }] };
    }
    return { value: steps };
  });
}
