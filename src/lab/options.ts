import { LAB_EXIT, LabError } from './errors.js';
import type { Lang } from '../i18n/lang.js';
import { closest } from '../term/suggest.js';
import { LAB_ERRORS } from '../i18n/lab.js';
import { TECHNIQUES, isTechnique, type Technique } from './model.js';
import { formatBytes, parseSize } from '../term/bytes.js';
import { DEFAULTS, LIMITS } from './limits.js';

export { GiB, KiB, MiB, formatBytes, parseSize } from '../term/bytes.js';

export { DEFAULTS, LIMITS } from './limits.js';

export interface LabPlan {
  size: number;
  chunk: number;
  runs: number;
  warmup: number;
  techniques: Technique[];
  /** Drop the file's pages from the page cache before each measured run (`lab --claims` only; `zcopy lab` keeps it warm). */
  cold?: boolean;
}

export interface LabArgs {
  size?: string;
  chunk?: string;
  runs?: string;
  technique?: string[];
}

/** Checks the options; a bad one is a one-line LabError (exit 1) in the learner's language. */
export function planLab(args: LabArgs, lang: Lang): LabPlan {
  const e = LAB_ERRORS[lang];
  const sizeOf = (key: 'size' | 'chunk', value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const n = parseSize(String(value));
    const { min, max } = LIMITS[key];
    if (n === undefined || n < min || n > max) throw new LabError(e.badSize(key, String(value), formatBytes(min), formatBytes(max)), LAB_EXIT.usage);
    return n;
  };
  const size = sizeOf('size', args.size, DEFAULTS.size);
  const chunk = sizeOf('chunk', args.chunk, DEFAULTS.chunk);
  let runs: number = DEFAULTS.runs;
  if (args.runs !== undefined) {
    const text = String(args.runs).trim();
    runs = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
    if (!(runs >= LIMITS.runs.min && runs <= LIMITS.runs.max)) throw new LabError(e.badRuns(String(args.runs), LIMITS.runs.max), LAB_EXIT.usage);
  }
  const words = (args.technique ?? []).flatMap((s) => String(s).split(',')).map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const w of words) {
    if (!isTechnique(w)) throw new LabError(e.badTechnique(w, closest(w, TECHNIQUES), TECHNIQUES), LAB_EXIT.usage);
  }
  const chosen = new Set(words);
  const techniques = words.length ? TECHNIQUES.filter((t) => chosen.has(t)) : [...TECHNIQUES];
  return { size, chunk, runs, warmup: DEFAULTS.warmup, techniques };
}
