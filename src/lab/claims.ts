import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/lang.js';
import { bullet, paragraph } from '../term/layout.js';
import { formatBytes, KiB, MiB } from '../term/bytes.js';
import type { LabPlan } from './options.js';
import type { LabResult } from './report.js';
import { CLAIMS } from './strings.js';
import type { Technique } from './model.js';

/** The articles' claims a learner can test with the lab, each with the few runs it needs. */
export const CLAIM_IDS = ['twiceAsFast', 'zerocopyThreshold', 'directIoHugeFiles'] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

export type Verdict = 'holds' | 'doesNotHold' | 'notTestableHere' | 'notMeasured';

/** The `lab --claims --json` shape: one object per claim. */
export interface ClaimResult {
  id: ClaimId;
  claim: string;
  source: string;
  measured: string[];
  verdict: Verdict;
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

export function claimPlans(): ClaimPlan[] {
  const plan = (techniques: Technique[], chunk: number) => ({ size: SIZE, chunk, runs: RUNS, techniques });
  return [
    { id: 'twiceAsFast', runs: [plan(['read-write', 'sendfile'], 64 * KiB)] },
    // mmap + write and MSG_ZEROCOPY both map the file: the one difference is the copy into the socket buffer.
    { id: 'zerocopyThreshold', runs: ZEROCOPY_CHUNKS.map((c) => plan(['mmap-write', 'msg-zerocopy'], c)) },
    { id: 'directIoHugeFiles', runs: [] },
  ];
}

const cpu = (r: LabResult) => r.cpuS ?? (r.userS ?? 0) + (r.sysS ?? 0);
const ms = (s: number) => (s * 1000).toFixed(1);

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
  return { ...base, measured: [], verdict: 'notMeasured', says: t.directNotMeasured, caveats: [t.caveat.warm] };
}

/** The claims as lines: each claim, where it comes from, what was measured, the verdict and its caveats. */
export function renderClaims(claims: ClaimResult[], lang: Lang, width: number, paint: ChalkInstance): string[] {
  const t = CLAIMS[lang];
  const out: string[] = [paint.bold(t.title), ''];
  const colour = { holds: paint.green, doesNotHold: paint.red, notTestableHere: paint.yellow, notMeasured: paint.yellow };
  for (const c of claims) {
    out.push(...paragraph(`“${c.claim}”`, width).map((l) => paint.bold(l)), ...paragraph(c.source, width, '  ').map((l) => paint.dim(l)));
    for (const m of c.measured) out.push(...bullet(m, width, '  ', '·'));
    out.push(...paragraph(`${t.verdict[c.verdict]}: ${c.says}`, width, '  ').map((l) => colour[c.verdict](l)));
    for (const cv of c.caveats) out.push(...bullet(cv, width, '  ', '!'));
    out.push('');
  }
  return out;
}
