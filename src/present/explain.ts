import type { ChalkInstance } from 'chalk';
import { describeStep } from '../i18n/describe.js';
import type { Lang } from '../i18n/lang.js';
import { MACHINE } from '../i18n/machine.js';
import { PUNCTUATION } from '../i18n/punctuation.js';
import { SCALE, UI, whatIfWords, type Rounds } from '../i18n/strings.js';
import { variantSummary, type Job, type Lesson } from '../lessons/index.js';
import {
  COUNTER_KEYS,
  DEFAULT_KNOBS,
  callsOfPhase,
  turnedKnobs,
  type Knobs,
  formulaText,
  formulaTexts,
  traceOf,
  type CallLimit,
  type Scale,
  type Scaled,
  type Actor,
  type Counters,
  type Event,
  type Mode,
  type Mover,
  type Phase,
  type Transfer,
} from '../model/index.js';
import { MIN_TEXT_WIDTH, bullet, paragraph } from '../term/layout.js';
import { formatBytes, grouped, groupedIn } from '../term/bytes.js';
import { displayWidth, padEnd, padStart, wrap } from '../term/text.js';

/** The `explain --json` shape; scripts and tests rely on it (docs/REFERENCE.md, "JSON"). */
export interface Explanation {
  id: string;
  aliases: string[];
  job: Job;
  title: string;
  summary: string;
  since: string | null;
  api: { signature: string; since: string | null }[];
  /** Totals: for the lesson's one chunk (the sources' figures), or for the whole file at `size`. */
  counts: Counters;
  /** What the set-up steps (once per process or connection) count. */
  setup: Counters;
  /** What the transfer steps count: what a program pays for every further chunk. */
  perTransfer: Counters;
  syscalls: string[];
  steps: {
    n: number;
    phase: Phase;
    event: Event;
    actor: Actor;
    /** Who moves payload bytes in this step. */
    mover: Mover;
    /** What moved: a copy's `from` is where the bytes are, `via` the place it read them through. */
    transfer: Transfer | null;
    mode: Mode;
    /** The mode before the step, where the step switched it. */
    modeBefore?: Mode;
    activity: string;
    does: string;
    narration: string;
    counts: Counters;
  }[];
  limits: string[];
  usedBy: string[];
  notes: string[];
  /** With `--size`: the file, the chunk, how many chunks, the machine, and each total as its sum. */
  size?: number;
  chunk?: number;
  chunks?: number;
  /**
   * With `--size`: the rounds of the transfer steps a chunk takes (more than 1
   * where a call moves less than a chunk), the last chunk's, what caps a call
   * (null where no per-chunk call is capped), and what one whole chunk costs.
   */
  callsPerChunk?: number;
  lastChunkCalls?: number;
  callLimit?: CallLimit | null;
  perChunk?: Counters;
  /** With `--size`, where a chunk takes several rounds: why, in a sentence. */
  rounds?: string;
  /** With `--cache` or `--nic` (or `--size`): the machine the counts are for. */
  knobs?: Knobs;
  /** With a knob turned: what it turned, and why a knob that changes nothing here changes nothing. */
  whatIf?: string;
  formula?: Record<keyof Counters, string>;
}

/** What a what-if variant turned, and why a knob that changes nothing here changes nothing; null for a lesson as written. */
export function whatIfText(lesson: Pick<Lesson, 'unaffected' | 'variantSummaries'>, knobs: Knobs, lang: Lang): string | null {
  const turned = turnedKnobs(knobs);
  const words = whatIfWords(turned, knobs, lang);
  if (!words) return null;
  const unchanged = turned.flatMap((k) => (k !== 'readers' && lesson.unaffected?.[k] ? [lesson.unaffected[k]![lang]] : []));
  const said = variantSummary(lesson, knobs) ? SCALE[lang].whatIfSummarised(words) : SCALE[lang].whatIf(words);
  return PUNCTUATION[lang].sentences([said, ...unchanged]);
}


/** Where a chunk takes several rounds of its per-chunk calls, what the words say of them; null where a chunk is one round. */
export function roundsOf(lesson: Lesson, big: Scaled): Rounds | null {
  if (big.callsPerChunk === 1 || !big.callLimit) return null;
  return { chunk: formatBytes(big.chunk), perChunk: big.callsPerChunk, last: big.lastChunkCalls, calls: callsOfPhase(lesson, 'transfer'), limit: big.callLimit };
}

/** `learn --size`'s summary step: what the whole file adds up to, each counter with its formula. */
export function scaleSummary(lesson: Lesson, scale: Scale, lang: Lang): { chunks: number; callsPerChunk: number; title: string; lines: string[] } {
  const big = traceOf(lesson).atScale(scale);
  const labelWidth = Math.max(...COUNTER_KEYS.map((k) => displayWidth(MACHINE[lang].counter[k])));
  const totalWidth = Math.max(...COUNTER_KEYS.map((k) => grouped(big.counts[k]).length));
  return {
    chunks: big.chunks,
    callsPerChunk: big.callsPerChunk,
    title: SCALE[lang].summary(formatBytes(big.size), formatBytes(big.chunk), big.chunks, roundsOf(lesson, big)),
    lines: COUNTER_KEYS.map((k) => `${padEnd(MACHINE[lang].counter[k], labelWidth)}  ${padStart(grouped(big.counts[k]), totalWidth)} = ${groupedIn(formulaText(big.formula[k]))}`),
  };
}

export function explain(lesson: Lesson, lang: Lang, scale: Scale | null = null): Explanation {
  const trace = traceOf(lesson);
  const { end, phases, steps } = trace;
  const big = scale && trace.atScale(scale);
  const knobs = lesson.knobs ?? DEFAULT_KNOBS;
  const rounds = big && roundsOf(lesson, big);
  const atScale = big
    ? {
        size: big.size,
        chunk: big.chunk,
        chunks: big.chunks,
        callsPerChunk: big.callsPerChunk,
        lastChunkCalls: big.lastChunkCalls,
        callLimit: big.callLimit,
        perChunk: big.perChunk,
        knobs,
        counts: big.counts,
        formula: formulaTexts(big.formula),
        ...(rounds ? { rounds: SCALE[lang].rounds(rounds) } : {}),
      }
    : {};
  return {
    id: lesson.id,
    aliases: lesson.aliases,
    job: lesson.job,
    title: lesson.title[lang],
    summary: lesson.summary[lang],
    since: lesson.since,
    api: lesson.api,
    counts: end.counts,
    setup: phases.setup,
    perTransfer: phases.perTransfer,
    syscalls: end.syscallLog,
    steps: steps.map(({ n, phase, event, before, after, mover }) => ({
      n,
      phase,
      event,
      actor: after.actor,
      mover,
      transfer: after.transfer,
      mode: after.cpu.mode,
      ...(before.cpu.mode !== after.cpu.mode ? { modeBefore: before.cpu.mode } : {}),
      activity: MACHINE[lang].activity[after.cpu.activity],
      does: describeStep(before, after, event, lang),
      narration: lesson.steps[n - 1].text[lang],
      counts: after.counts,
    })),
    limits: lesson.limits.map((t) => t[lang]),
    usedBy: lesson.usedBy.map((t) => t[lang]),
    notes: lesson.notes.map((t) => t[lang]),
    ...(lesson.knobs ? { knobs, whatIf: whatIfText(lesson, knobs, lang) ?? undefined } : {}),
    ...atScale,
  };
}

/** Whether the lesson has steps outside its transfer: only then are its phases worth naming. */
const hasPhases = (x: Explanation) => x.steps.some((s) => s.phase !== 'transfer');

/** The explanation as lines, `width` columns wide: what `zcopy explain` prints, and what its screen scrolls. */
export function renderExplanation(x: Explanation, lang: Lang, width: number, paint: ChalkInstance): string[] {
  const out: string[] = [];
  const h = UI[lang].heading;
  const section = (title: string) => out.push('', paint.bold(title));

  const titleLines = wrap(`${x.id} · ${x.title}`, width).map((l) => paint.bold(l));
  if (x.since) appendOrBreak(titleLines, ' · ', x.since, width, '', paint.dim);
  out.push(...titleLines);
  out.push('', ...paragraph(x.summary, width));
  const said = x.whatIf;
  if (said) out.push('', ...paragraph(said, width).map((l) => paint.yellow(l)));

  if (x.api.length) {
    section(h.api);
    for (const a of x.api) {
      const lines = wrap(a.signature, width - 4).map((l, i) => (i === 0 ? '  ' : '      ') + paint.cyan(l));
      if (a.since) appendOrBreak(lines, '  ', `(${a.since})`, width, '      ', paint.dim);
      out.push(...lines);
    }
  }

  section(x.chunks === undefined ? h.steps : `${h.steps} · ${SCALE[lang].repeats(x.chunks, x.callsPerChunk!, x.lastChunkCalls!)}`);
  const modeWidth = Math.max(...x.steps.map((s) => displayWidth(modeText(s, lang))));
  const actorWidth = Math.max(...x.steps.map((s) => displayWidth(UI[lang].actor[s.actor])));
  const phased = hasPhases(x);
  x.steps.forEach((s, i) => {
    if (phased && s.phase !== x.steps[i - 1]?.phase) out.push(paint.underline(`  ${UI[lang].phase[s.phase]}`));
    const head = `${padStart(String(s.n), 3)}  ${padEnd(modeText(s, lang), modeWidth)}  ${padEnd(UI[lang].actor[s.actor], actorWidth)}  `;
    const avail = Math.max(MIN_TEXT_WIDTH, width - displayWidth(head));
    const lines = wrap(s.does, avail).map((l) => colourOf(s.mover, paint)(l));
    appendOrBreak(lines, ' ', `· ${s.activity}`, avail, '', paint.dim);
    lines.forEach((l, i) => out.push((i === 0 ? head : ' '.repeat(displayWidth(head))) + l));
    if (s.narration) out.push(...paragraph(s.narration, width, '      '));
  });

  section(x.chunks === undefined ? h.counts : `${h.counts} · ${SCALE[lang].heading(formatBytes(x.size!), formatBytes(x.chunk!), x.chunks)}`);
  if (x.rounds) out.push(...paragraph(x.rounds, width));
  out.push(...countLines(x, lang, width, paint));

  for (const [title, items] of [
    [h.limits, x.limits],
    [h.usedBy, x.usedBy],
    [h.notes, x.notes],
  ] as const) {
    if (!items.length) continue;
    section(title);
    for (const item of items) out.push(...bullet(item, width));
  }
  return out;
}

/**
 * The counters: the total alone where every step is a transfer step, else the
 * total beside its set-up and per-chunk shares; the calls listed by name.
 */
function countLines(x: Explanation, lang: Lang, width: number, paint: ChalkInstance): string[] {
  const labelWidth = Math.max(...COUNTER_KEYS.map((k) => displayWidth(MACHINE[lang].counter[k])));
  const c = UI[lang].countColumns;
  // At scale the per-chunk column is what multiplies, so it is shown even where every step is a transfer step.
  const phased = hasPhases(x) || x.formula !== undefined;
  // Where a chunk takes several rounds of calls, the column is one round's: the formula's last factor.
  const headers = phased ? [c.total, c.setup, (x.callsPerChunk ?? 1) > 1 ? c.perRound : c.perChunk] : [''];
  const values = (k: keyof Counters) => (phased ? [x.counts[k], x.setup[k], x.perTransfer[k]] : [x.counts[k]]).map(grouped);
  const widths = headers.map((t, i) => Math.max(2, displayWidth(t), ...COUNTER_KEYS.map((k) => displayWidth(values(k)[i]))));
  const cell = (cells: string[]) => cells.map((v, i) => padStart(v, widths[i])).join('  ');
  const out = phased ? [paint.dim(`  ${padEnd('', labelWidth)}  ${cell(headers)}${x.formula ? `  ${SCALE[lang].formula}` : ''}`)] : [];
  for (const k of COUNTER_KEYS) {
    const lines = [`  ${padEnd(MACHINE[lang].counter[k], labelWidth)}  ${cell(values(k))}`];
    // The JSON's formula keeps plain digits; the text groups them as it groups the totals.
    if (x.formula) lines[0] += paint.dim(`  = ${groupedIn(x.formula[k])}`);
    // The calls by name, after their count where they fit, else on the next line.
    if (k === 'syscalls' && x.syscalls.length) appendOrBreak(lines, '  ', PUNCTUATION[lang].list(x.syscalls), width, '    ', paint.dim);
    out.push(...lines);
  }
  return out;
}

/**
 * Puts `text` after the last line, behind `separator`, where it fits in `width`;
 * otherwise on a line of its own after `indent`. `style` colours what is added.
 */
function appendOrBreak(lines: string[], separator: string, text: string, width: number, indent: string, style: (s: string) => string) {
  if (displayWidth(lines.at(-1)!) + displayWidth(separator + text) <= width) lines[lines.length - 1] += style(separator + text);
  else lines.push(indent + style(text));
}

function modeText(s: Explanation['steps'][number], lang: Lang): string {
  const m = UI[lang].mode;
  return s.modeBefore ? `${m[s.modeBefore]} → ${m[s.mode]}` : m[s.mode];
}

function colourOf(mover: Mover, paint: ChalkInstance) {
  if (mover === 'cpu') return paint.red;
  if (mover === 'dma') return paint.green;
  return paint.reset;
}
