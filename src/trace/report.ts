import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/lang.js';
import { MACHINE } from '../i18n/machine.js';
import { PUNCTUATION } from '../i18n/punctuation.js';
import { TRACE_TEXT } from '../i18n/trace.js';
import { COUNTER_KEYS, type Counters } from '../model/index.js';
import { formatBytes, grouped, groupedIn } from '../term/bytes.js';
import { bullet, columns, paragraph } from '../term/layout.js';
import { isLocalSocket, isLoopback } from './fds.js';
import type { End } from './flows.js';
import { ASSUMED, type ReadFlow } from './model.js';
import type { LineCounts } from './parse.js';

/** The counters a flow's report names: the ones the model's send job moves (descriptor copies, faults and interrupts where they are not 0). */
const shown = (c: Counters) => COUNTER_KEYS.filter((k) => ['cpuCopies', 'dmaCopies', 'modeSwitches', 'syscalls'].includes(k) || c[k] !== 0);

/** `zcopy trace --json`: the contract in docs/REFERENCE.md ("zcopy trace"). */
export function traceJson(flows: ReadFlow[], lines: LineCounts) {
  return {
    flows: flows.map((f) => ({
      from: f.from,
      to: f.to,
      ...(f.via ? { via: f.via } : {}),
      technique: f.technique,
      ...(f.seen ? { seen: f.seen } : {}),
      job: f.job,
      lesson: f.lesson,
      calls: f.calls,
      bytes: f.bytes,
      chunk: f.chunk,
      model: f.model ? { counts: f.model.counts, perChunk: f.model.perChunk, formula: f.model.formula, scale: f.scale } : null,
      alternatives: f.alternatives.map(({ technique, lesson, counts, saving }) => ({ technique, lesson, counts, saving })),
      command: f.command,
      assumed: { cache: ASSUMED.cache },
    })),
    lines,
  };
}

/** The text report: each flow with its calls, bytes, the model's counts and formula, the other techniques and the lesson to open. */
export function renderTrace(source: string, flows: ReadFlow[], lines: LineCounts, lang: Lang, width: number, paint: ChalkInstance): string {
  return traceLayout(source, flows, lines, lang, width, paint).lines.join('\n') + '\n';
}

/**
 * The text report as lines, and the line each flow starts at, with one more entry: the line
 * after the last flow. The trace page (src/ui/app/trace.ts) marks and scrolls to a flow by them.
 */
export function traceLayout(source: string, flows: ReadFlow[], lines: LineCounts, lang: Lang, width: number, paint: ChalkInstance): { lines: string[]; flowAt: number[] } {
  const t = TRACE_TEXT[lang];
  const p = PUNCTUATION[lang];
  const counter = MACHINE[lang].counter;
  const out: string[] = [...paragraph(t.heading(source, lines.read, lines.understood, lines.skipped), width).map((l) => paint.bold(l)), ''];
  // A UNIX socket is named as local, since the network card is what the send job's socket leads to.
  const kindName = (e: End) => (e.kind === 'socket' && isLocalSocket(e.path) ? t.localSocket : (t.kind[e.kind] ?? e.kind));
  const endName = (e: End) => t.end(e.path ?? (e.fd >= 0 ? t.fdName(e.fd) : t.unknownEnd), t.kind[e.kind] ?? e.kind);
  if (!flows.length) out.push(...paragraph(t.noFlows, width), '');
  const flowAt: number[] = [];
  flows.forEach((f, i) => {
    flowAt.push(out.length);
    // A socket's address is long: the heading wraps between words, its later lines hanging.
    out.push(...paragraph(t.flow(i + 1, endName(f.from), endName(f.to)), width, '  ').map((l, j) => paint.bold(j === 0 ? l.slice(2) : l)));
    if (f.via) out.push(...paragraph(t.via(endName(f.via)), width, '  '));
    out.push(...paragraph(f.technique === 'other' ? t.other(f.seen ?? '', f.lesson) : t.technique(f.technique, f.lesson), width, '  '));
    const callList = (calls: Record<string, number>) => p.list(Object.entries(calls).map(([name, n]) => t.callCount(name, n)));
    // Through a pipe, each side's calls: the reads of the file and of the pipe are not one loop's.
    out.push(...paragraph(f.sides ? t.callsThrough(callList(f.sides.into), callList(f.sides.out)) : t.calls(callList(f.calls)), width, '  '));
    if (f.bytes > 0) out.push(...paragraph(t.moved(f.bytes, formatBytes(f.bytes).endsWith(' B') ? null : formatBytes(f.bytes), formatBytes(f.chunk)), width, '  '));
    if (f.job === 'send' && isLoopback(f.to.path)) out.push(...paragraph(t.loopback, width, '  '));
    const counts = f.model?.counts;
    if (counts && f.model) {
      out.push(...paragraph(t.model, width, '  '));
      if (f.rounded && f.scale) out.push(...paragraph(t.rounded(formatBytes(f.scale.chunk)), width, '    '));
      const rows = shown(counts).map((k) => [counter[k], grouped(counts[k]), f.model?.formula ? `= ${groupedIn(f.model.formula[k])}` : '']);
      out.push(...columns(rows, ['left', 'right', 'left']).map((l) => `    ${l}`));
      const outside = Object.entries(f.outside);
      if (outside.length) out.push(...paragraph(t.outside(p.list(outside.map(([name, n]) => t.callCount(name, n))), f.to.path ?? ''), width, '    '));
    } else if (f.technique !== 'other' && f.bytes > 0) {
      out.push(...paragraph(f.via ? t.throughPipe(f.lesson) : f.job ? t.notWhole(f.lesson) : t.noJob(kindName(f.from), kindName(f.to)), width, '  '));
    }
    if (f.job && f.alternatives.length) {
      out.push(...paragraph(t.instead[f.job], width, '  '));
      const rows = f.alternatives.map((a) => {
        const figures = p.list(shown(a.counts).map((k) => `${counter[k]} ${grouped(a.counts[k])}`));
        return [t.alternative(a.technique, a.lesson, a.rounds), figures, a.saving ? verdict(a.saving, lang) : ''];
      });
      for (const [technique, figures, saving] of rows) {
        out.push(...bullet(`${technique}${p.colon}${figures}${saving ? p.semicolons(['', saving]) : ''}`, width, '    ', '-'));
      }
    }
    // A command is copied whole: never wrapped.
    if (f.command) out.push(...paragraph(f.scale ? t.open : t.openPlain, width, '  '), `    ${paint.cyan(f.command)}`);
    out.push('');
  });
  flowAt.push(out.length);
  out.push(...paragraph(t.unknowable(flows.some((f) => f.job === 'send')), width));
  return { lines: out, flowAt };
}

/** What switching saves and what it costs, counter by counter ("saves 8 mode switches; costs 1 page fault more"). */
function verdict(saving: Counters, lang: Lang): string {
  const t = TRACE_TEXT[lang];
  const p = PUNCTUATION[lang];
  const amount = MACHINE[lang].amount;
  const saved = COUNTER_KEYS.filter((k) => saving[k] > 0).map((k) => amount(saving[k], k));
  const cost = COUNTER_KEYS.filter((k) => saving[k] < 0).map((k) => amount(-saving[k], k));
  if (!saved.length && !cost.length) return t.same;
  return p.semicolons([...(saved.length ? [t.saves(p.list(saved))] : []), ...(cost.length ? [t.costs(p.list(cost))] : [])]);
}
