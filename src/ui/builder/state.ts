import { describeStep } from '../../i18n/describe.js';
import { BUILD, PALETTE_ORDER } from '../../i18n/build.js';
import { everyLang, type Lang } from '../../i18n/lang.js';
import { refusalText } from '../../i18n/refusals.js';
import type { LessonStep } from '../../lessons/index.js';
import { EVENT_FIELDS, LOCATIONS, PHASES, initialState, movesOf, phaseOf, placesUsed, step, type Counters, type EventType, type Location, type Machine, type Move, type Phase, type State } from '../../model/index.js';

/** A challenge as the builder shows it: what to reach, the hints, and a judge that says how far a path is. */
export interface LevelGoal {
  id: string;
  title: string;
  summary: string;
  /** What the level's machine lacks or has, in a sentence; null on the default machine. */
  machineNote: string | null;
  hints: string[];
  /** Where the payload must end: its row is always shown. */
  place: Location;
  /** `/ 1` after a counter the level limits. */
  limits: Partial<Record<keyof Counters, string>>;
  /** Levels with per-chunk limits start new steps as set-up, and say how to mark the rest. */
  perChunk: boolean;
  judge: (steps: readonly LessonStep[]) => Judged;
  /** The level after this one in the climb, for n once solved. */
  next: string | null;
}

export interface Judged {
  /** Every condition, met or not, in the judge's order. */
  checks: { text: string; met: boolean }[];
  solved: boolean;
  /** Once solved: the counts against par, what the level taught, where to learn more. */
  solvedLines: string[];
  /** What a learner who finishes the level records: their mode switches and steps. */
  score: { modeSwitches: number; steps: number };
}

/** What the builder is given: the machine to start from, the steps already made, what it may not use. */
export interface Workbench {
  /** The header's name: the level's id, or the sandbox. */
  name: string;
  payload: string[];
  machine: Machine;
  /** Steps the path starts with (the sandbox's `--from lesson --step N`); they can be undone like any other. */
  start: LessonStep[];
  banned: EventType[];
  /** The system calls the palette offers. */
  names: string[];
  level: LevelGoal | null;
  /** Places drawn from the start because the task is about them (the sandbox's lesson goes on to them), used or not. */
  places?: Location[];
  /** The sandbox writes its path as a lesson, and says where (or why it could not). */
  write?: (steps: readonly LessonStep[]) => { ok: boolean; text: string };
  /** Said as the screen opens: that `start` is the path the learner left this level with earlier in the session. */
  opening?: string;
}

export interface PaletteChoice {
  label: string;
  /** Dim: the machine refuses it now (choosing it says why), or the level bans it. */
  off: boolean;
}

export interface Palette {
  /** null: choosing the event's kind; else its fields, one at a time. */
  type: EventType | null;
  cursor: number;
  /** Per kind, in PALETTE_ORDER: is there a legal move of it now? */
  legal: boolean[];
  /** The kind's moves, and those still possible after the fields picked so far. */
  all: Move[];
  picks: { field: string; value: unknown; auto: boolean }[];
}

export type Tone = 'info' | 'bad' | 'good';

export interface BuildState {
  steps: LessonStep[];
  /** timeline[0] is the start; timeline[i] the machine after step i. */
  timeline: State[];
  /** Steps undone, the next to redo last. */
  redo: LessonStep[];
  /** The phase the next step is added in. */
  phase: Phase;
  palette: Palette | null;
  /** What the last key did: a move said, a refusal, a hint. */
  note: { text: string; tone: Tone } | null;
  hints: number;
  help: boolean;
  scroll: number;
  /** The level's judgement of the path as it stands. */
  judged: Judged | null;
  /** The best score of this visit's solves, each measure on its own: a later solve is recorded only if it beats one. */
  best: Judged['score'] | null;
  /** The path as nothing would lose it: as it opened, or as the sandbox last wrote it. */
  saved: LessonStep[];
  /** Leaving would discard the path: the screen asks first. */
  confirm: boolean;
}

export function initialBuild(bench: Workbench): BuildState {
  let state = initialState(bench.payload, bench.machine);
  const timeline = [state];
  for (const s of bench.start) timeline.push((state = step(state, s.event)));
  const phase = bench.start.length ? phaseOf(bench.start.at(-1)!) : bench.level?.perChunk ? 'setup' : 'transfer';
  const note = bench.opening ? { text: bench.opening, tone: 'info' as const } : null;
  return { steps: [...bench.start], timeline, redo: [], phase, palette: null, note, hints: 0, help: false, scroll: 0, judged: bench.level?.judge(bench.start) ?? null, best: null, saved: [...bench.start], confirm: false };
}

/** Whether leaving would lose steps: the path has some, and is not the one saved. */
export function unsaved(b: BuildState): boolean {
  const shape = (steps: readonly LessonStep[]) => JSON.stringify(steps.map((s) => [s.event, s.phase]));
  return b.steps.length > 0 && shape(b.steps) !== shape(b.saved);
}

export const current = (b: BuildState): State => b.timeline.at(-1)!;

/** The fields of a kind the learner still has to choose, in the lesson format's order. */
export const fieldsOf = (type: EventType): string[] => Object.keys(EVENT_FIELDS[type]);

/** The moves still possible after the picks. */
export function remaining(p: Palette): Move[] {
  return p.all.filter((m) => p.picks.every(({ field, value }) => sameValue((m.event as Record<string, unknown>)[field], value)));
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The field being chosen and its distinct values, in the order the moves offer them (left out first). */
export function fieldChoices(p: Palette): { field: string; values: unknown[] } | null {
  if (p.type === null) return null;
  const field = fieldsOf(p.type).find((f) => !p.picks.some((x) => x.field === f));
  if (field === undefined) return null;
  const values: unknown[] = [];
  for (const m of remaining(p)) {
    const v = (m.event as Record<string, unknown>)[field];
    if (!values.some((x) => sameValue(x, v))) values.push(v);
  }
  return { field, values };
}

/** Opens the palette on the kinds, each marked with whether the machine accepts one now. */
export function openPalette(b: BuildState, bench: Workbench): BuildState {
  const state = current(b);
  const legal = PALETTE_ORDER.map((type) => movesOf(state, type, bench.names, { first: true }).moves.length > 0);
  const first = legal.findIndex((ok, i) => ok && !bench.banned.includes(PALETTE_ORDER[i]));
  return { ...b, palette: { type: null, cursor: Math.max(0, first), legal, all: [], picks: [] }, note: null };
}

/**
 * Takes the choice under the cursor: a kind (refused with the machine's reason
 * when it has no legal move), or a value of the field being chosen. Fields with
 * a single possible value are filled in; the last one adds the step.
 */
export function choose(b: BuildState, bench: Workbench, lang: Lang): BuildState {
  const p = b.palette!;
  const t = BUILD[lang];
  if (p.type === null) {
    const type = PALETTE_ORDER[p.cursor];
    if (bench.banned.includes(type)) return { ...b, note: { text: t.banned(type), tone: 'bad' } };
    const { moves, refusal } = movesOf(current(b), type, bench.names);
    if (!moves.length) return { ...b, note: { text: t.refused(refusal ? refusalText(refusal, lang) : type), tone: 'bad' } };
    return settle(b, { ...p, type, cursor: 0, all: moves, picks: [] }, bench, lang);
  }
  const choices = fieldChoices(p)!;
  return settle(b, { ...p, cursor: 0, picks: [...p.picks, { field: choices.field, value: choices.values[p.cursor], auto: false }] }, bench, lang);
}

/** Fills in every field left with one possible value; when none is left to choose, adds the one move there is. */
function settle(b: BuildState, p: Palette, bench: Workbench, lang: Lang): BuildState {
  let palette = p;
  for (let choices = fieldChoices(palette); choices && choices.values.length === 1; choices = fieldChoices(palette)) {
    palette = { ...palette, picks: [...palette.picks, { field: choices.field, value: choices.values[0], auto: true }] };
  }
  if (fieldChoices(palette)) return { ...b, palette, note: null };
  return add({ ...b, palette: null }, remaining(palette)[0], bench, lang);
}

/** Back a field (over those filled in for the learner), to the kinds, or out of the palette. */
export function paletteBack(b: BuildState): BuildState {
  const p = b.palette!;
  if (p.type === null) return { ...b, palette: null };
  const picks = [...p.picks];
  while (picks.length && picks.at(-1)!.auto) picks.pop();
  if (!picks.length) return { ...b, palette: { ...p, type: null, all: [], picks: [], cursor: PALETTE_ORDER.indexOf(p.type) }, note: null };
  const undone = picks.pop()!;
  const back = { ...p, picks };
  const cursor = Math.max(0, fieldChoices(back)!.values.findIndex((v) => sameValue(v, undone.value)));
  return { ...b, palette: { ...back, cursor }, note: null };
}

/** Adds a step the machine accepted; the redo list no longer follows from the path, so it goes. */
function add(b: BuildState, move: Move, bench: Workbench, lang: Lang): BuildState {
  const before = current(b);
  const text = everyLang((l) => describeStep(before, move.next, move.event, l));
  const added: LessonStep = { event: move.event, phase: b.phase, text };
  return withPath(b, [...b.steps, added], [move.next], [], bench, { text: text[lang], tone: 'info' });
}

function withPath(b: BuildState, steps: LessonStep[], more: State[] | null, redo: LessonStep[], bench: Workbench, note: BuildState['note']): BuildState {
  const timeline = more ? [...b.timeline, ...more] : b.timeline.slice(0, steps.length + 1);
  return { ...b, steps, timeline, redo, note, scroll: 0, judged: bench.level?.judge(steps) ?? null };
}

export function undo(b: BuildState, bench: Workbench, lang: Lang): BuildState {
  const t = BUILD[lang];
  if (!b.steps.length) return { ...b, note: { text: t.nothingToUndo, tone: 'info' } };
  const last = b.steps.at(-1)!;
  return withPath(b, b.steps.slice(0, -1), null, [...b.redo, last], bench, { text: t.undone(b.steps.length), tone: 'info' });
}

export function redo(b: BuildState, bench: Workbench, lang: Lang): BuildState {
  const t = BUILD[lang];
  const again = b.redo.at(-1);
  if (!again) return { ...b, note: { text: t.nothingToRedo, tone: 'info' } };
  // A redone step was legal where it was undone, and the path up to there is the same.
  const next = step(current(b), again.event);
  const redone = withPath(b, [...b.steps, again], [next], b.redo.slice(0, -1), bench, { text: t.redone(b.steps.length + 1), tone: 'info' });
  // New steps cannot come before the redone one's phase.
  return PHASES.indexOf(again.phase) > PHASES.indexOf(b.phase) ? { ...redone, phase: again.phase } : redone;
}

/** The next phase new steps may take: a path sets up, moves chunks, then tears down, so none before the last step's. */
export function nextPhase(b: BuildState, lang: Lang): BuildState {
  const from = b.steps.length ? PHASES.indexOf(phaseOf(b.steps.at(-1)!)) : 0;
  const allowed = PHASES.slice(from);
  if (allowed.length === 1) return { ...b, note: { text: BUILD[lang].phaseOrder, tone: 'bad' } };
  const at = allowed.indexOf(b.phase);
  return { ...b, phase: allowed[(at + 1) % allowed.length], note: null };
}

/**
 * The places to draw: where the payload starts and where the level wants it, those the path
 * has used, those the task names (`named`: the level's words, read by the frame) and those the
 * bench says the task is about.
 */
export function placesOf(b: BuildState, bench: Workbench, named: readonly Location[] = []): Location[] {
  const used = new Set<Location>(['disk', 'user', ...named, ...(bench.places ?? []), ...placesUsed(b.timeline)]);
  if (bench.level) used.add(bench.level.place);
  return LOCATIONS.filter((l) => used.has(l));
}
