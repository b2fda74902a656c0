import type { Refusal } from './refusals.js';
import { EVENT_FIELDS, IRQ_SOURCES, type FieldSpec } from './schema.js';
import { kindRefusal, tryStep } from './step.js';
import { LOCATIONS, type Event, type EventType, type Location, type State } from './types.js';

/** An event the machine accepts now, and the state it leads to. */
export interface Move {
  event: Event;
  next: State;
}

/**
 * Every distinct event of `type` the machine accepts in `state`, simplest first;
 * or, when it accepts none, the refusal most of the candidates meet (what is
 * wrong with the type here, not with one arbitrary choice of its fields).
 * Two events that lead to the same state are one move: the one with fewer
 * fields is kept (`sysret` rather than `sysret read`, no `blocks` rather than
 * every block named).
 *
 * `names` are the system calls to offer: a name changes nothing but the label.
 * With `first`, the search stops at the first move (is there any?). With
 * `whole`, an event that may name blocks or a count leaves them out: it takes
 * every block its source holds (the par search's moves, challenges/FORMAT.md).
 * Without `distinct`, two events that lead to the same state are both kept
 * (a caller that merges states itself need not pay for telling them apart).
 */
export function movesOf(
  state: State,
  type: EventType,
  names: readonly string[],
  { first = false, whole = false, distinct = true } = {},
): { moves: Move[]; refusal: Refusal | null } {
  const refused = kindRefusal(state, type);
  if (refused) return { moves: [], refusal: refused };
  const moves: Move[] = [];
  const seen = new Set<string>();
  const refusals = new Map<string, { refusal: Refusal; n: number }>();
  for (const event of candidates(state, type, names, whole)) {
    const result = tryStep(state, event);
    if (!result.ok) {
      const had = refusals.get(result.refusal.code);
      refusals.set(result.refusal.code, { refusal: had?.refusal ?? result.refusal, n: (had?.n ?? 0) + 1 });
      continue;
    }
    if (distinct) {
      const shape = JSON.stringify(result.state);
      if (seen.has(shape)) continue;
      seen.add(shape);
    }
    moves.push({ event, next: result.state });
    if (first) break;
  }
  if (moves.length) return { moves, refusal: null };
  const common = [...refusals.values()].sort((a, b) => b.n - a.n)[0];
  // Where the open call allows this kind of move between no places at all, the refusal names none.
  const refusal = common?.refusal;
  if (refusal?.code === 'outsideContract' && refusals.size === 1) return { moves, refusal: { code: refusal.code, params: { call: refusal.params.call, event: refusal.params.event } } };
  return { moves, refusal: common?.refusal ?? null };
}

/** The events that take what their source holds (a mapping may be made of a place still empty, to fault in later). */
const MOVES_HELD: readonly EventType[] = ['cpuCopy', 'descriptorCopy', 'pageRefMove', 'programDma'];

/** The values a field may take in `state`; `undefined` (left out) first where the field is optional. */
function values({ kind, required, default: byDefault }: FieldSpec, state: State, names: readonly string[], whole: boolean): unknown[] {
  const left = required ? [] : [undefined];
  if (whole && !required && (kind === 'blocks' || kind === 'count')) return left;
  switch (kind) {
    case 'place':
      return [...left, ...LOCATIONS];
    case 'name':
      return [...left, ...names];
    case 'block':
      return [...left, ...state.payload];
    case 'blocks':
      // Runs of the file, as a read() takes an offset and a length: few enough to try them all at each move.
      return [...left, ...runs(state.payload)];
    case 'flag':
      return [...left, !byDefault];
    case 'count':
      return [...left, ...state.payload.map((_, i) => i + 1)];
    case 'irqSource':
      return [...left, ...IRQ_SOURCES];
  }
}

/** The contiguous runs of the payload, shortest first. */
function runs(payload: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let length = 1; length <= payload.length; length++) for (let at = 0; at + length <= payload.length; at++) out.push(payload.slice(at, at + length));
  return out;
}

/** Every event of `type` built from the fields' values, the ones with fields left out first. */
export function candidates(state: State, type: EventType, names: readonly string[], whole = false): readonly Event[] {
  // They depend on the state only through its payload and which places hold something: a search meets the same few again and again.
  const key = `${type}|${whole}|${names.join(',')}|${state.payload.join(',')}|${LOCATIONS.map((l) => (state.places[l].length ? 1 : 0)).join('')}`;
  const known = CANDIDATES.get(key);
  if (known) return known;
  if (CANDIDATES.size > 4096) CANDIDATES.clear();
  const built = buildCandidates(state, type, names, whole);
  CANDIDATES.set(key, built);
  return built;
}

const CANDIDATES = new Map<string, readonly Event[]>();

function buildCandidates(state: State, type: EventType, names: readonly string[], whole: boolean): readonly Event[] {
  let events: Record<string, unknown>[] = [{ type }];
  for (const [field, spec] of Object.entries(EVENT_FIELDS[type])) {
    let options = values(spec, state, names, whole);
    // Not worth a step to be refused: nothing is copied or handed on from a place that holds nothing, nor to where it came from.
    if (field === 'from' && MOVES_HELD.includes(type)) options = options.filter((v) => state.places[v as Location].length > 0);
    events = events.flatMap((e) => options.filter((v) => field !== 'to' || v !== e.from).map((v) => (v === undefined ? e : { ...e, [field]: v })));
  }
  // Fewest fields first, so that the simpler of two events with the same effect is the one kept.
  return (events as Event[])
    .map((e, i) => ({ e, i }))
    .sort((a, b) => Object.keys(a.e).length - Object.keys(b.e).length || a.i - b.i)
    .map(({ e }) => Object.freeze(e));
}
