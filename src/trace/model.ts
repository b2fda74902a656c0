import type { Catalog } from '../lessons/index.js';
import { lessonOf, modelFigure, TECHNIQUES, type Technique } from '../lab/model.js';
import { COUNTER_KEYS, DEFAULT_KNOBS, PAGE, formulaTexts, traceOf, variantOf, type Counters, type Knobs, type Scale } from '../model/index.js';
import type { Flow, FlowTechnique } from './flows.js';

/** The lesson a flow's technique is taught by (the lab's derivations), none for what the lab has no id for. */
export function lessonOfTechnique(t: FlowTechnique): string | null {
  return t === 'other' ? null : lessonOf(t);
}

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
}

export interface ReadFlow extends Flow {
  lesson: string | null;
  /** The scale the model was asked at: the flow's bytes and chunk, the chunk rounded up to whole pages where the model counts pages. */
  scale: Scale | null;
  /** The chunk was rounded up to whole pages for the model. */
  rounded: boolean;
  model: FlowModel | null;
  alternatives: Alternative[];
  /** The command that opens the lesson at this scale. */
  command: string | null;
}

/** A size as `learn --size` takes it, as short as it stays exact: 4M, 64K, 300000. */
export function sizeArg(n: number): string {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)}M`;
  if (n % 1024 === 0) return `${n / 1024}K`;
  return String(n);
}

/** The techniques that could do a flow's job: MSG_ZEROCOPY sends to a socket only, copy_file_range copies between files only. */
function fits(t: Technique, flow: Flow): boolean {
  if (t === 'msg-zerocopy') return flow.to.kind === 'socket';
  if (t === 'copy-file-range') return flow.from.kind === 'file' && flow.to.kind === 'file';
  return true;
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

/** A flow read through the model: its counts at its size and chunk, what the other techniques of its job would cost, and the lesson to open. */
export function readFlow(flow: Flow, catalog: Catalog): ReadFlow {
  const lesson = lessonOfTechnique(flow.technique);
  if (flow.bytes <= 0 || flow.chunk <= 0) return { ...flow, lesson, scale: null, rounded: false, model: null, alternatives: [], command: lesson ? `zcopy learn ${lesson}` : null };
  const chunk = Math.min(flow.chunk, flow.bytes);
  // A chunk of part pages is counted only as the file's one chunk (docs/MODEL.md, "The kernel's limits on a chunk"): round it up, and say so.
  const whole = chunk === flow.bytes || chunk % PAGE === 0;
  const scale: Scale = { size: flow.bytes, chunk: whole ? chunk : Math.min(flow.bytes, Math.ceil(chunk / PAGE) * PAGE) };
  const figure = (t: Technique) => modelFigure(t, catalog, scale, ASSUMED.cache);
  let model: FlowModel | null = null;
  if (flow.technique !== 'other') {
    const f = figure(flow.technique);
    model = { counts: f.totals, perChunk: f.perChunk, formula: f.totals && lesson ? formulaOf(catalog, lesson, scale) : null, calls: f.calls };
  }
  const alternatives: Alternative[] = [];
  for (const t of TECHNIQUES) {
    if (t === flow.technique || !fits(t, flow)) continue;
    const f = figure(t);
    if (!f.totals) continue;
    alternatives.push({ technique: t, lesson: lessonOf(t), counts: f.totals, saving: model?.counts ? minus(model.counts, f.totals) : null });
  }
  const command = lesson ? `zcopy learn ${lesson} --size ${sizeArg(scale.size)} --chunk ${sizeArg(scale.chunk)}` : null;
  return { ...flow, lesson, scale, rounded: !whole, model, alternatives, command };
}
