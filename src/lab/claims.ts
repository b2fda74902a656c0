import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/lang.js';
import { bullet, paragraph } from '../term/layout.js';
import { formatBytes, KiB, MiB } from '../term/bytes.js';
import type { LabPlan } from './options.js';
import type { LabResult } from './report.js';
import { CLAIMS, fmtPct } from '../i18n/lab.js';
import type { Technique } from './model.js';

/** The articles' claims a learner can test with the lab, each with the few runs it needs. */
export const CLAIM_IDS = ['twiceAsFast', 'zerocopyThreshold', 'directIoHugeFiles'] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

/** `mixed`: the measurements went both ways (the direct I/O claim: cheaper by CPU at one read size, dearer at the other, or slower by the clock). */
export type ClaimVerdict = 'holds' | 'mixed' | 'doesNotHold' | 'notTestableHere' | 'notMeasured';

/** The `lab --claims --json` shape: one object per claim. */
export interface ClaimResult {
  id: ClaimId;
  claim: string;
  source: string;
  measured: string[];
  verdict: ClaimVerdict;
  /** The verdict in words, with the figure it rests on. */
  says: string;
  caveats: string[];
}

/** What a claim measures: lab plans (technique, chunk), run one after another. */
export interface ClaimPlan {
  id: ClaimId;
  runs: Omit<LabPlan, 'warmup'>[];
}

const SIZE = 32 * MiB;
const RUNS = 3;
/** MSG_ZEROCOPY from 4 KiB to 1 MiB chunks, as the kernel's documentation discusses it. */
export const ZEROCOPY_CHUNKS = [4 * KiB, 16 * KiB, 64 * KiB, 256 * KiB, MiB];
/**
 * Buffered reads against O_DIRECT with a cold cache: at the other claims' 64 KiB, and at 1 MiB.
 * O_DIRECT has no read-ahead, so every read is a request to the disk of its own; programs that
 * read around the cache make large requests and keep several in flight (asynchronous I/O, which
 * the lab does not do). The larger reads are the nearest the lab comes to that, and the CPU
 * half of the verdict rests on them; the 64 KiB figures are shown beside them.
 */
export const DIRECT_CHUNKS = [64 * KiB, MiB];
/** A run is cold when at most this fraction of the file was cached before it. */
export const COLD_AT_MOST = 0.1;
/** O_DIRECT spared the cache when it left at most this fraction of the file cached... */
export const DIRECT_LEFT_AT_MOST = 0.1;
/** ...and buffered reads filled it when they left at least this fraction. */
export const BUFFERED_LEFT_AT_LEAST = 0.5;

export function claimPlans(): ClaimPlan[] {
  const plan = (techniques: Technique[], chunk: number) => ({ size: SIZE, chunk, runs: RUNS, techniques });
  return [
    { id: 'twiceAsFast', runs: [plan(['read-write', 'sendfile'], 64 * KiB)] },
    // mmap + write and MSG_ZEROCOPY both map the file: the one difference is the copy into the socket buffer.
    { id: 'zerocopyThreshold', runs: ZEROCOPY_CHUNKS.map((c) => plan(['mmap-write', 'msg-zerocopy'], c)) },
    // The file's pages are dropped before every measured run: both read it from the disk.
    { id: 'directIoHugeFiles', runs: DIRECT_CHUNKS.map((c) => ({ ...plan(['read-write', 'direct-io'], c), cold: true })) },
  ];
}

const cpu = (r: LabResult) => r.cpuS ?? (r.userS ?? 0) + (r.sysS ?? 0);
const ms = (s: number) => (s * 1000).toFixed(1);
const pct = (fraction: number) => fmtPct(fraction * 100);
/** A fraction over the runs: one figure, or its range where the runs differ. */
const pctRange = (lo: number, hi: number) => (pct(lo) === pct(hi) ? pct(lo) : `${pct(lo)}-${pct(hi)}`);

/** Each claim's verdict from its runs' results (one list of results per run of its plan). */
export function judgeClaim(id: ClaimId, results: LabResult[][], fs: string, lang: Lang): ClaimResult {
  const t = CLAIMS[lang];
  const base = { id, claim: t.claim[id], source: t.source[id] };
  const loopback = [t.caveat.loopback, t.caveat.warm, t.caveat.fs(fs)];
  if (id === 'twiceAsFast') {
    const [rw, sf] = ['read-write', 'sendfile'].map((n) => results[0].find((r) => r.technique === n)!);
    if (!rw.wallS || !sf.wallS) return { ...base, measured: [], verdict: 'notMeasured', says: t.refused, caveats: loopback };
    const ratio = rw.wallS.median / sf.wallS.median;
    const measured = [t.wall('read-write', ms(rw.wallS.median)), t.wall('sendfile', ms(sf.wallS.median)), t.cpu('read-write', ms(cpu(rw))), t.cpu('sendfile', ms(cpu(sf)))];
    return { ...base, measured, verdict: ratio >= 2 ? 'holds' : 'doesNotHold', says: t.ratio(ratio.toFixed(2), formatBytes(SIZE)), caveats: loopback };
  }
  if (id === 'zerocopyThreshold') {
    const rows = results.map((run, i) => ({ chunk: ZEROCOPY_CHUNKS[i], copy: run.find((r) => r.technique === 'mmap-write')!, zc: run.find((r) => r.technique === 'msg-zerocopy')! }));
    if (rows.some((r) => r.zc.refused)) return { ...base, measured: [], verdict: 'notMeasured', says: t.refused, caveats: loopback };
    const measured = rows.map((r) => t.sweep(formatBytes(r.chunk), ms(cpu(r.copy)), ms(cpu(r.zc)), r.zc.zerocopyCopied ?? 0, r.zc.zerocopyCompletions ?? 0));
    // On loopback the kernel copies a zero-copy send anyway and says so in the completion: nothing here tests the threshold.
    const copied = rows.every((r) => (r.zc.zerocopyCompletions ?? 0) > 0 && r.zc.zerocopyCopied === r.zc.zerocopyCompletions);
    if (copied) return { ...base, measured, verdict: 'notTestableHere', says: t.allCopied, caveats: [t.caveat.loopback, t.caveat.fs(fs)] };
    const first = rows.find((r) => cpu(r.zc) <= cpu(r.copy));
    return { ...base, measured, verdict: first && first.chunk >= 8 * KiB ? 'holds' : 'doesNotHold', says: first ? t.crossover(formatBytes(first.chunk)) : t.never, caveats: loopback };
  }
  return judgeDirect(base, results, fs, lang);
}

/**
 * Buffered reads against O_DIRECT, both from a cold cache. The heart of the claim is the cache:
 * O_DIRECT must leave (almost) none of the file cached where buffered reads leave most of it.
 * Then the CPU: buffered reads pay a copy out of the page cache that O_DIRECT does not, so with
 * large reads O_DIRECT must use less of the sender's CPU. Where it also cost more CPU with the
 * smaller reads, or took longer by the clock (without asynchronous I/O each O_DIRECT read waits for
 * the disk alone, while buffered reads get read-ahead), the verdict is mixed, not holds.
 */
function judgeDirect(base: Pick<ClaimResult, 'id' | 'claim' | 'source'>, results: LabResult[][], fs: string, lang: Lang): ClaimResult {
  const t = CLAIMS[lang];
  const d = t.direct;
  const rows = results.map((run, i) => ({ chunk: DIRECT_CHUNKS[i], rw: run.find((r) => r.technique === 'read-write')!, dio: run.find((r) => r.technique === 'direct-io')! }));
  const refusal = rows.map((r) => r.dio.refused).find(Boolean);
  if (refusal) return { ...base, measured: [], verdict: 'notMeasured', says: t.directNotMeasured(fs, refusal.call, refusal.errno), caveats: [t.caveat.fs(fs)] };
  if (rows.some((r) => r.rw.refused || !r.rw.cache || !r.dio.cache)) return { ...base, measured: [], verdict: 'notMeasured', says: t.refused, caveats: [t.caveat.fs(fs)] };

  // Over every measured run at every chunk size: how much of the file was cached before a run, and how much each way of reading left.
  const span = (technique: 'rw' | 'dio', when: 'before' | 'after') => {
    const cs = rows.map((r) => r[technique].cache![when]);
    return { lo: Math.min(...cs.map((c) => c.min)), hi: Math.max(...cs.map((c) => c.max)) };
  };
  const [rwBefore, dioBefore, rwLeft, dioLeft] = [span('rw', 'before'), span('dio', 'before'), span('rw', 'after'), span('dio', 'after')];
  const before = { lo: Math.min(rwBefore.lo, dioBefore.lo), hi: Math.max(rwBefore.hi, dioBefore.hi) };
  const measured = [
    d.cacheLine('read-write', pctRange(rwBefore.lo, rwBefore.hi), pctRange(rwLeft.lo, rwLeft.hi)),
    d.cacheLine('direct-io', pctRange(dioBefore.lo, dioBefore.hi), pctRange(dioLeft.lo, dioLeft.hi)),
    ...rows.map((r) => d.reads(formatBytes(r.chunk), ms(cpu(r.rw)), ms(cpu(r.dio)), ms(r.rw.wallS!.median), ms(r.dio.wallS!.median))),
  ];
  const caveats = [d.huge(formatBytes(SIZE)), d.noAio, d.coldIs, t.caveat.loopback, t.caveat.fs(fs)];
  if (before.lo < 0 || rwLeft.lo < 0 || dioLeft.lo < 0) return { ...base, measured: [], verdict: 'notTestableHere', says: d.noMincore, caveats: [t.caveat.fs(fs)] };
  if (before.hi > COLD_AT_MOST) return { ...base, measured, verdict: 'notTestableHere', says: d.notCold(pct(before.hi), fs), caveats: [t.caveat.fs(fs)] };

  const [small, big] = rows;
  const cacheClean = dioLeft.hi <= DIRECT_LEFT_AT_MOST;
  const cacheFilled = rwLeft.lo >= BUFFERED_LEFT_AT_LEAST;
  const bigCheaper = cpu(big.dio) < cpu(big.rw);
  const smallCheaper = cpu(small.dio) < cpu(small.rw);
  const figures = {
    dio: pct(dioLeft.hi), rw: pct(rwLeft.lo), big: formatBytes(big.chunk), small: formatBytes(small.chunk),
    bigDio: ms(cpu(big.dio)), bigRw: ms(cpu(big.rw)), smallDio: ms(cpu(small.dio)), smallRw: ms(cpu(small.rw)), smallCheaper,
    bigDioWall: ms(big.dio.wallS!.median), bigRwWall: ms(big.rw.wallS!.median), slower: big.dio.wallS!.median > big.rw.wallS!.median,
  };
  if (!cacheClean) return { ...base, measured, verdict: 'doesNotHold', says: d.dirtied(figures), caveats };
  if (!cacheFilled) return { ...base, measured, verdict: 'doesNotHold', says: d.bufferedLeftLittle(figures), caveats };
  if (!bigCheaper) return { ...base, measured, verdict: 'doesNotHold', says: d.costlier(figures), caveats };
  // "Beats the page cache" is not what was seen when O_DIRECT also cost more CPU at the smaller reads or took longer by the clock.
  if (!smallCheaper || figures.slower) return { ...base, measured, verdict: 'mixed', says: d.held(figures), caveats };
  return { ...base, measured, verdict: 'holds', says: d.held(figures), caveats };
}

/** The claims as lines: each claim, where it comes from, what was measured, the verdict and its caveats. */
export function renderClaims(claims: ClaimResult[], lang: Lang, width: number, paint: ChalkInstance): string[] {
  const t = CLAIMS[lang];
  const out: string[] = [paint.bold(t.title), ''];
  const colour = { holds: paint.green, mixed: paint.yellow, doesNotHold: paint.red, notTestableHere: paint.yellow, notMeasured: paint.yellow };
  for (const c of claims) {
    out.push(...paragraph(`“${c.claim}”`, width).map((l) => paint.bold(l)), ...paragraph(c.source, width, '  ').map((l) => paint.dim(l)));
    for (const m of c.measured) out.push(...bullet(m, width, '  ', '·'));
    out.push(...paragraph(`${t.verdict[c.verdict]}${t.colon}${c.says}`, width, '  ').map((l) => colour[c.verdict](l)));
    for (const cv of c.caveats) out.push(...bullet(cv, width, '  ', '!'));
    out.push('');
  }
  return out;
}
