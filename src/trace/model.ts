import type { Catalog } from '../lessons/index.js';
import { lessonAtScale, lessonOf, modelFigure, TECHNIQUES, type Technique } from '../lab/model.js';
import { COUNTER_KEYS, DEFAULT_KNOBS, PAGE, formulaTexts, traceOf, variantOf, type Counters, type Knobs, type Scale } from '../model/index.js';
import { isLocalSocket } from './fds.js';
import { WRITES, type Flow } from './flows.js';

/**
 * The job a flow does, as docs/MODEL.md's "Jobs" table names them, or null where no lesson does
 * it (a copy to a file, socket to socket): figures are counted and compared only within one job.
 * A file sent to a socket is the send job; a file read and thrown away (written to /dev/null,
 * which copies nothing) is the read job.
 */
export type FlowJob = 'send' | 'read';
export function jobOf(flow: Pick<Flow, 'from' | 'to'>): FlowJob | null {
  if (flow.from.kind !== 'file') return null;
  // A UNIX socket (a pipe to a parent, a local service) reaches no network card; a socket strace did not annotate is taken as the network's.
  if (flow.to.kind === 'socket') return isLocalSocket(flow.to.path) ? null : 'send';
  if (flow.to.path === '/dev/null') return 'read';
  return null;
}

/** Calls the lab has no technique for that a lesson still teaches: io_submit is aio-direct's (Linux AIO with O_DIRECT). */
const OTHER_LESSONS: Record<string, string> = { io_submit: 'aio-direct' };

/** The read job's lessons, by the technique whose reads they teach: read() through the page cache, and O_DIRECT. */
const READ_LESSONS: Partial<Record<Technique, string>> = { 'read-write': 'dma-io', 'direct-io': 'direct-io' };

/** What a trace cannot tell, so the model is asked at one setting: a cold cache, as the lab's model is unless it drops the cache itself. */
export const ASSUMED: Knobs = { ...DEFAULT_KNOBS, cache: 'cold' };

export interface FlowModel {
  /** The model's counts for the whole flow, per chunk, and each counter's formula; null where no lesson does the job. */
  counts: Counters | null;
  perChunk: Counters | null;
  formula: Record<keyof Counters, string> | null;
  /** The calls per chunk the model predicts. */
  calls: string[];
}

export interface Alternative {
  technique: Technique;
  lesson: string | null;
  counts: Counters;
  /** The flow's counts less this technique's: what switching would save (negative: what it would cost). */
  saving: Counters | null;
  /** Rounds of its calls a chunk takes (splice through a 64 KiB pipe), each with its own transfers: said beside its counts. */
  rounds: number;
}

export interface ReadFlow extends Flow {
  /** The job the model's figures are counted for; null: no lesson does this flow's job, so no figures and no alternatives. */
  job: FlowJob | null;
  /** The lesson that teaches the flow's calls for its job (the read job's lesson for a read thrown away). */
  lesson: string | null;
  /** Calls of the flow the job leaves out (the read job's writes to /dev/null), by name. */
  outside: Record<string, number>;
  /** The scale the model was asked at: the flow's bytes and chunk, the chunk rounded up to whole pages where the model counts pages. */
  scale: Scale | null;
  /** The chunk was rounded up to whole pages for the model. */
  rounded: boolean;
  model: FlowModel | null;
  alternatives: Alternative[];
  /** The command that opens the lesson, at this scale where the flow has a job. */
  command: string | null;
}

/** A size as `learn --size` takes it, as short as it stays exact: 4M, 64K, 300000. */
export function sizeArg(n: number): string {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)}M`;
  if (n % 1024 === 0) return `${n / 1024}K`;
  return String(n);
}

const minus = (a: Counters, b: Counters) => Object.fromEntries(COUNTER_KEYS.map((k) => [k, a[k] - b[k]])) as unknown as Counters;

/** The model's formula for each counter of a lesson's run at `scale`, as `explain --json` gives it. */
function formulaOf(catalog: Catalog, lessonId: string, scale: Scale): Record<keyof Counters, string> | null {
  const lesson = catalog.find(lessonId);
  if (!lesson) return null;
  // The same variant modelFigure counts (the lesson with the assumed cache), read through traceOf: never run again.
  const script = variantOf(lesson.payload, lesson.variants?.steps ?? lesson.steps, ASSUMED);
  try {
    return formulaTexts(traceOf(script).atScale(scale).formula);
  } catch {
    return null;
  }
}

/** A figure for one technique in one job: the lesson it is read from and its counts at `scale`, null where no lesson counts it whole. */
interface JobFigure {
  lesson: string | null;
  totals: Counters | null;
  perChunk: Counters | null;
  calls: string[];
  /** Rounds of the lesson's calls a chunk takes: more than 1 where a call moves less than a chunk (splice, a pipe's 64 KiB). */
  rounds: number;
}

function figureIn(job: FlowJob, t: Technique, catalog: Catalog, scale: Scale): JobFigure {
  if (job === 'send') {
    const f = modelFigure(t, catalog, scale, ASSUMED.cache);
    return { lesson: lessonOf(t), totals: f.totals, perChunk: f.perChunk, calls: f.calls, rounds: f.rounds };
  }
  const lessonId = READ_LESSONS[t];
  const lesson = lessonId ? catalog.find(lessonId) : undefined;
  if (!lessonId || !lesson) return { lesson: null, totals: null, perChunk: null, calls: [], rounds: 1 };
  return { lesson: lessonId, ...lessonAtScale(lesson, scale, ASSUMED.cache) };
}

/** The techniques that can do a job: the lab's for sending (copy_file_range copies between files only), the read job's lessons for reading. */
function techniquesOf(job: FlowJob): Technique[] {
  return job === 'send' ? TECHNIQUES.filter((t) => t !== 'copy-file-range') : TECHNIQUES.filter((t) => READ_LESSONS[t]);
}

/** The calls of a read-job flow that only discard what was read: its writes, which no read lesson makes. */
function outsideOf(flow: Flow, job: FlowJob | null): Record<string, number> {
  if (job !== 'read') return {};
  return Object.fromEntries(Object.entries(flow.calls).filter(([name]) => WRITES.has(name)));
}

/** A flow read through the model: its counts at its size and chunk, what the other techniques of its job would cost, and the lesson to open. */
export function readFlow(flow: Flow, catalog: Catalog): ReadFlow {
  const job = flow.technique === 'other' ? null : jobOf(flow);
  const outside = outsideOf(flow, job);
  const taught = flow.technique === 'other' ? (OTHER_LESSONS[flow.seen ?? ''] ?? null) : job === 'read' ? (READ_LESSONS[flow.technique] ?? null) : lessonOf(flow.technique);
  const plain = { ...flow, job, lesson: taught, outside, scale: null, rounded: false, model: null, alternatives: [], command: taught ? `zcopy learn ${taught}` : null };
  if (!job || flow.bytes <= 0 || flow.chunk <= 0) return plain;
  const chunk = Math.min(flow.chunk, flow.bytes);
  // A chunk of part pages is counted only as the file's one chunk (docs/MODEL.md, "The kernel's limits on a chunk"): round it up, and say so.
  const whole = chunk === flow.bytes || chunk % PAGE === 0;
  const scale: Scale = { size: flow.bytes, chunk: whole ? chunk : Math.min(flow.bytes, Math.ceil(chunk / PAGE) * PAGE) };
  const lessonFigure = figureIn(job, flow.technique as Technique, catalog, scale);
  // Through a pipe between two processes, every chunk also costs a write into the pipe and a read
  // out of it, each a CPU copy: the lesson's counts are not this flow's, so it has none.
  const own = flow.via ? { ...lessonFigure, totals: null, perChunk: null } : lessonFigure;
  const model: FlowModel = { counts: own.totals, perChunk: own.perChunk, formula: own.totals && own.lesson ? formulaOf(catalog, own.lesson, scale) : null, calls: own.calls };
  const alternatives: Alternative[] = [];
  for (const t of techniquesOf(job)) {
    if (t === flow.technique) continue;
    const f = figureIn(job, t, catalog, scale);
    if (!f.totals) continue;
    alternatives.push({ technique: t, lesson: f.lesson, counts: f.totals, saving: model.counts ? minus(model.counts, f.totals) : null, rounds: f.rounds });
  }
  const command = own.lesson ? `zcopy learn ${own.lesson} --size ${sizeArg(scale.size)} --chunk ${sizeArg(scale.chunk)}` : null;
  return { ...flow, job, lesson: own.lesson ?? taught, outside, scale, rounded: !whole, model, alternatives, command };
}
