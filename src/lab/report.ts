import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/lang.js';
import { bullet, paragraph } from '../term/layout.js';
import { displayWidth, padEnd, padStart } from '../term/text.js';
import { LAB_EXIT, LabError } from './errors.js';
import type { ModelFigure, Technique } from './model.js';
import { formatBytes, type LabPlan } from './options.js';
import { groupedIn } from '../term/bytes.js';
import type { EnvLine, HelperOutput, RunLine } from './run.js';
import { LAB_ERRORS, LAB_TEXT } from '../i18n/lab.js';

export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** A call whose measured count per run differs from the model's prediction. */
export interface Difference {
  call: string;
  measured: number;
  model: number;
}

/** The `lab --json` shape: one object per technique. Figures are per run, sender side, medians over the runs. */
export interface LabResult {
  technique: Technique;
  /** Bytes the receiver counted in every run (each run is checked against the size); null when refused. */
  bytes: number | null;
  chunk: number;
  chunks: number;
  runs: number;
  syscalls: Record<string, number> | null;
  /** Measured: calls made inside the transfer loop divided by the chunks. */
  syscallsPerChunk: number | null;
  /** From the sender's first call until the receiver held the last byte. */
  wallS: Spread | null;
  /** The sender's CPU time per run from the scheduler's clock (nanosecond-exact), over its whole life; null where the kernel has none. */
  cpuS: number | null;
  /** The sender's life by the wall clock, from its creation to its exit: the span its CPU time covers (median). */
  lifeS: number | null;
  /** getrusage's user/system split, often sampled at each timer tick: a hint, not a measurement. */
  userS: number | null;
  sysS: number | null;
  nvcsw: number | null;
  nivcsw: number | null;
  /** MSG_ZEROCOPY completions that reported SO_EE_CODE_ZEROCOPY_COPIED; null for other techniques. */
  zerocopyCopied: number | null;
  zerocopyCompletions: number | null;
  /** The least fraction of the file's pages mincore() found cached before a run. */
  pageCached: number | null;
  /**
   * The page cache around the measured runs: whether the file's pages were dropped before each
   * (cold), and the fractions of its pages mincore() found cached before and after the runs.
   */
  cache: { cold: boolean; before: Spread; after: Spread } | null;
  kernel: string;
  fs: string;
  model: ModelFigure;
  differences: Difference[];
  refused: { call: string; errno: string; message: string } | null;
  notes: string[];
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function spread(values: number[]): Spread {
  return { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}

/** Medians per name, over every name any run used. */
function medianCounts(counts: Record<string, number>[]): Record<string, number> {
  const names = [...new Set(counts.flatMap((c) => Object.keys(c)))];
  return Object.fromEntries(names.map((n) => [n, median(counts.map((c) => c[n] ?? 0))]));
}

/** Kernel names of the same call on other architectures. */
const SAME_CALL: Record<string, string> = { ppoll: 'poll', mmap2: 'mmap', sendfile64: 'sendfile', pipe: 'pipe2' };

export function differences(loop: Record<string, number>, model: ModelFigure, chunks: number): Difference[] {
  const measured: Record<string, number> = {};
  for (const [name, n] of Object.entries(loop)) measured[SAME_CALL[name] ?? name] = (measured[SAME_CALL[name] ?? name] ?? 0) + n;
  const predicted: Record<string, number> = {};
  for (const name of model.calls) predicted[SAME_CALL[name] ?? name] = (predicted[SAME_CALL[name] ?? name] ?? 0) + chunks;
  const names = [...new Set([...Object.keys(predicted), ...Object.keys(measured)])];
  return names.filter((n) => (measured[n] ?? 0) !== (predicted[n] ?? 0)).map((n) => ({ call: n, measured: measured[n] ?? 0, model: predicted[n] ?? 0 }));
}

const fraction = (pages: number, r: RunLine) => (r.filePages ? pages / r.filePages : 1);

const SOCKET_TECHNIQUES = new Set<Technique>(['read-write', 'mmap-write', 'sendfile', 'splice', 'msg-zerocopy', 'direct-io']);

/** Turns the helper's runs into one result per technique, checking every run's bytes. */
export function summarize(out: HelperOutput, plan: LabPlan, models: Record<Technique, ModelFigure>, lang: Lang): LabResult[] {
  const t = LAB_TEXT[lang];
  const e = LAB_ERRORS[lang];
  const chunks = Math.ceil(plan.size / plan.chunk);
  return plan.techniques.map((technique) => {
    const model = models[technique];
    const refusal = out.refused.find((r) => r.technique === technique);
    // bytes first after technique, as docs/REFERENCE.md lists the keys.
    const base = { technique, bytes: null as number | null, chunk: plan.chunk, chunks, runs: plan.runs, kernel: out.env.kernel, fs: out.env.fs, model };
    if (refusal) {
      const { call, errno, message } = refusal;
      const note = t.refusedNote(out.env.fs, call, errno, message) + (technique === 'direct-io' ? t.directRefused : '');
      return {
        ...base, syscalls: null, syscallsPerChunk: null, wallS: null, cpuS: null, lifeS: null, userS: null, sysS: null, nvcsw: null, nivcsw: null,
        zerocopyCopied: null, zerocopyCompletions: null, pageCached: null, cache: null, differences: [], refused: { call, errno, message }, notes: [note],
      };
    }
    const all = out.runs.filter((r) => r.technique === technique);
    for (const r of all) {
      if (r.sent !== plan.size || r.received !== plan.size) throw new LabError(e.bytesWrong(technique, r.sent, r.received, plan.size), LAB_EXIT.unavailable);
    }
    const runs = all.filter((r) => !r.warmup);
    if (runs.length !== plan.runs) throw new LabError(e.helperBroken(`${technique}: ${runs.length} runs of ${plan.runs}`), LAB_EXIT.unavailable);
    const med = (f: (r: RunLine) => number) => median(runs.map(f));
    const loop = medianCounts(runs.map((r) => r.loop));
    const diffs = differences(loop, model, chunks);
    const zerocopy = technique === 'msg-zerocopy';
    const facts = {
      technique, fs: out.env.fs, chunks, chunk: plan.chunk, nvcsw: med((r) => r.nvcsw), minflt: med((r) => r.minflt),
      zcCompletions: med((r) => r.zcCompletions), zcCopied: med((r) => r.zcCopied),
    };
    const notes = [t.technique[technique](facts)];
    for (const d of diffs) notes.push(`${t.difference(d.call, d.measured, d.model)}: ${d.measured > d.model ? t.why.more : t.why.fewer}.`);
    if (SOCKET_TECHNIQUES.has(technique)) notes.push(t.general[0]);
    return {
      ...base,
      bytes: plan.size,
      syscalls: medianCounts(runs.map((r) => r.syscalls)),
      syscallsPerChunk: med((r) => Object.values(r.loop).reduce((a, b) => a + b, 0) / chunks),
      wallS: spread(runs.map((r) => r.wallNs / 1e9)),
      cpuS: runs.every((r) => r.cpuNs >= 0) ? med((r) => r.cpuNs / 1e9) : null,
      lifeS: med((r) => r.lifeNs / 1e9),
      userS: med((r) => r.userUs / 1e6),
      sysS: med((r) => r.sysUs / 1e6),
      nvcsw: facts.nvcsw,
      nivcsw: med((r) => r.nivcsw),
      zerocopyCopied: zerocopy ? facts.zcCopied : null,
      zerocopyCompletions: zerocopy ? facts.zcCompletions : null,
      pageCached: Math.min(...runs.map((r) => fraction(r.cachedPages, r))),
      cache: { cold: plan.cold === true, before: spread(runs.map((r) => fraction(r.cachedPages, r))), after: spread(runs.map((r) => fraction(r.cachedAfter, r))) },
      differences: diffs,
      refused: null,
      notes,
    };
  });
}

/** The sender's CPU time: the scheduler's exact figure, or rusage's user + system where the kernel keeps no schedstat. */
const cpuOf = (r: LabResult) => r.cpuS ?? r.userS! + r.sysS!;

// A long run reads as 1,234 ms, as every other long number.
const ms = (s: number) => groupedIn((s * 1000).toFixed(s * 1000 >= 100 ? 0 : 1));
const perChunk = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** The results as text: heading, table, bars, what each sender did, notes. Fits `width` columns. */
export function renderLab(results: LabResult[], env: EnvLine, plan: LabPlan, lang: Lang, width: number, paint: ChalkInstance): string {
  const t = LAB_TEXT[lang];
  const out: string[] = [];
  const para = (text: string, indent = '') => paragraph(text, width, indent);
  const chunks = Math.ceil(plan.size / plan.chunk);
  out.push(...para(t.heading(formatBytes(plan.size), formatBytes(plan.chunk), chunks, plan.runs)).map((l) => paint.bold(l)));
  out.push(...para(t.machine(env.kernel, env.machine, env.fs)).map((l) => paint.dim(l)));
  const cached = results.map((r) => r.pageCached).filter((x): x is number => x !== null);
  if (cached.length) out.push(...para(t.pageCache(Math.min(...cached) * 100)));
  out.push(...para(t.medians));

  // The table.
  const c = t.columns;
  const nameWidth = Math.max(displayWidth(c.technique), ...results.map((r) => r.technique.length));
  const row = (cells: string[], widths: number[]) => cells.map((v, i) => (i === 0 ? padEnd(v, widths[i]) : padStart(v, widths[i]))).join('  ');
  const widths = [nameWidth, 5, 5, 9, 7, 13];
  out.push('');
  const groupHead = padEnd('', nameWidth) + '  ' + padEnd(c.calls, 12) + '  ' + padStart(c.cpu, 9) + '  ' + c.wall;
  out.push(paint.bold(groupHead));
  // The wall time's label starts where its column does.
  const wallAt = widths.slice(0, 4).reduce((a, b) => a + b + 2, 0);
  out.push(paint.bold(padEnd(row([c.technique, c.lab, c.model], widths), wallAt) + c.median));
  for (const r of results) {
    if (r.refused) {
      out.push(row([r.technique, '-', String(r.model.syscallsPerChunk), '-', '-', ''], widths).trimEnd() + '  ' + paint.yellow(t.refused));
      continue;
    }
    const w = r.wallS!;
    const mark = r.syscallsPerChunk === r.model.syscallsPerChunk ? (s: string) => s : paint.yellow;
    out.push(
      row([r.technique, mark(perChunk(r.syscallsPerChunk!)), String(r.model.syscallsPerChunk), ms(cpuOf(r)), ms(w.median), `(${ms(w.min)}-${ms(w.max)})`], widths).trimEnd(),
    );
  }

  // CPU and wall cover different spans: say which, so a CPU figure above the wall time is not read as an error.
  out.push('', ...para(t.clocks).map((l) => paint.dim(l)));

  // The bars.
  const measured = results.filter((r) => !r.refused);
  const barRoom = Math.max(10, width - nameWidth - 10);
  const top = Math.max(1, ...results.map((r) => Math.max(r.model.syscallsPerChunk, r.syscallsPerChunk ?? 0)));
  const bar = (n: number, scale: number, ch: string) => ch.repeat(Math.max(n > 0 ? 1 : 0, Math.round((n / scale) * barRoom)));
  out.push('', paint.bold(t.barsCalls));
  for (const r of results) {
    if (r.syscallsPerChunk !== null) out.push(`${padEnd(r.technique, nameWidth)}  ${paint.cyan(bar(r.syscallsPerChunk, top, '█'))} ${perChunk(r.syscallsPerChunk)}`);
    else out.push(`${padEnd(r.technique, nameWidth)}  ${paint.yellow(t.refused)}`);
    out.push(`${padEnd('', nameWidth)}  ${paint.dim(bar(r.model.syscallsPerChunk, top, '░'))} ${r.model.syscallsPerChunk}`);
  }
  if (measured.length) {
    const cpuTop = Math.max(1e-6, ...measured.map(cpuOf));
    out.push('', paint.bold(t.barsCpu));
    for (const r of measured) out.push(`${padEnd(r.technique, nameWidth)}  ${paint.red(bar(cpuOf(r), cpuTop, '█'))} ${ms(cpuOf(r))} ms`);
  }

  // What each sender did.
  out.push('', paint.bold(t.details));
  for (const r of results) {
    out.push(paint.bold(r.technique));
    if (r.syscalls) {
      const calls = Object.entries(r.syscalls).map(([n, k]) => `${n} ${perChunk(k)}`).join(' · ');
      out.push(...para(`${t.callsPerRun}: ${calls}`, '  '));
      out.push(...para(t.lived(ms(r.lifeS!), ms(cpuOf(r))), '  '));
      out.push(...para(t.switches(r.nvcsw!, r.nivcsw!), '  '));
      out.push(...para(t.split(ms(r.userS!), ms(r.sysS!)), '  ').map((l) => paint.dim(l)));
      const moved = r.technique === 'copy-file-range' ? t.copied : t.received;
      out.push(...para(`${moved(formatBytes(r.bytes!))}; ${t.verified}`, '  '));
    }
    out.push(...para(t.modelFrom(r.model.syscallsPerChunk, r.model.calls.join(', '), r.model.source), '  ').map((l) => paint.dim(l)));
    // The model's whole run beside what was measured: calls exactly; copies, switches and interrupts as the model counts them.
    if (r.model.totals && r.syscalls) {
      const measuredLoop = Math.round((r.syscallsPerChunk ?? 0) * r.chunks);
      out.push(...para(t.modelTotals(r.model.totals, r.chunks, measuredLoop, r.model.cache), '  '));
    }
    for (const note of r.notes.filter((n) => n !== t.general[0])) out.push(...bullet(note, width));
  }

  out.push('', paint.bold(t.notes));
  for (const note of t.general) out.push(...bullet(note, width));
  return out.join('\n') + '\n';
}
