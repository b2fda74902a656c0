import { countsByPhase, phaseOf, type PhaseCounts } from './phases.js';
import { moverOf, run, type Script } from './run.js';
import { scaleRefusal, scaled, type Scale, type ScaleRefusal, type Scaled } from './scale.js';
import { COUNTER_KEYS, LOCATIONS, type Counters, type Event, type Location, type Mover, type Phase, type State } from './types.js';

/** One step of a trace: the event, the machine either side of it, and what it did to the counters. */
export interface TraceStep {
  /** 1-based, as every screen and message numbers steps. */
  n: number;
  event: Event;
  phase: Phase;
  before: State;
  after: State;
  /** Who moved payload bytes in this step. */
  mover: Mover;
  switchesMode: boolean;
  /** The counters this step raised. */
  rose: (keyof Counters)[];
}

/**
 * A script run once, with everything its readers derive from the run: explain,
 * the learn screen, the quiz, compare, the glossary, the lab's predictions, the
 * judge of a learner's path. A reader that needs something new adds it here,
 * rather than running the script again and deriving it on its own.
 */
export interface Trace {
  /** timeline[0] is the machine before step 1, timeline[i] the machine after step i. */
  timeline: readonly State[];
  initial: State;
  end: State;
  steps: readonly TraceStep[];
  /** What the set-up, each chunk's transfer and the teardown add to the counters. */
  phases: PhaseCounts;
  /** Steps (1-based) where each counter went up. */
  rises: Record<keyof Counters, number[]>;
  /** The places the payload or a copy ever touches, in the machine's order (the disk and the program's buffer always). */
  places: Location[];
  usesPageTable: boolean;
  /** The payload never sits in the page cache as data. */
  bypassesPageCache: boolean;
  /** The whole file at `scale`: each total as set-up + chunks x per chunk (docs/MODEL.md, "Scale and what-if"); computed once per scale. */
  atScale(scale: Scale): Scaled;
  /** Why the model will not count this script at `scale` (a chunk the kernel would not move whole), or null. */
  refusalAt(scale: Scale): ScaleRefusal | null;
}

/** The places a run has held payload in, moved it between, or pointed the DMA at. */
export function placesUsed(timeline: readonly State[]): Set<Location> {
  const used = new Set<Location>();
  for (const s of timeline) {
    for (const l of LOCATIONS) if (s.places[l].length) used.add(l);
    if (s.transfer) used.add(s.transfer.from).add(s.transfer.to);
    // A programmed transfer is about to reach its other end: draw it before the bytes arrive.
    for (const end of [s.dma.mar, s.dma.adr]) if (end) used.add(end);
  }
  return used;
}

// A script is run once for as long as it lives: a lesson is loaded once, a what-if variant made once per request.
const traces = new WeakMap<Script, Trace>();

/** The trace of `script`; an illegal step throws StepError, as run() does. */
export function traceOf(script: Script): Trace {
  let trace = traces.get(script);
  if (!trace) {
    trace = derive(script);
    traces.set(script, trace);
  }
  return trace;
}

function derive(script: Script): Trace {
  const timeline = run(script);
  const steps = script.steps.map((s, i): TraceStep => {
    const before = timeline[i];
    const after = timeline[i + 1];
    return {
      n: i + 1,
      event: s.event,
      phase: phaseOf(s),
      before,
      after,
      mover: moverOf(after),
      switchesMode: after.counts.modeSwitches !== before.counts.modeSwitches,
      rose: COUNTER_KEYS.filter((k) => after.counts[k] !== before.counts[k]),
    };
  });
  const rises = Object.fromEntries(COUNTER_KEYS.map((k) => [k, steps.filter((s) => s.rose.includes(k)).map((s) => s.n)])) as unknown as Trace['rises'];
  const used = new Set<Location>(['disk', 'user', ...placesUsed(timeline)]);
  const scales = new Map<string, Scaled>();
  return {
    timeline,
    initial: timeline[0],
    end: timeline.at(-1)!,
    steps,
    phases: countsByPhase(script, timeline),
    rises,
    places: LOCATIONS.filter((l) => used.has(l)),
    usesPageTable: timeline.some((s) => s.pageTable.length > 0),
    bypassesPageCache: timeline.every((s) => !s.places.pageCache.some((h) => h.as === 'data')),
    atScale(scale) {
      const key = `${scale.size}/${scale.chunk}`;
      let big = scales.get(key);
      if (!big) {
        big = scaled(script, timeline, scale);
        scales.set(key, big);
      }
      return big;
    },
    refusalAt: (scale) => scaleRefusal(script, timeline, scale),
  };
}
