import type { Job } from '../../lessons/index.js';
import { DEFAULT_KNOBS, StepError, traceOf, variantOf, type Counters } from '../../model/index.js';
import type { Facts, KindContext } from '../facts.js';
import { choiceQuestion, type Spec } from '../question.js';
import { shuffle } from '../rng.js';
import { CONSTRAINTS, type Constraint } from '../topics.js';
import { FITS_MISTAKE, JOB_LABELS, Q, SITUATIONS } from '../../i18n/quiz.js';
import { PUNCTUATION } from '../../i18n/punctuation.js';

/**
 * Where a technique stands in a situation: it fits, it does not (a wrong
 * choice), or it is not offered at all, being neither clearly right nor
 * clearly wrong, or not a technique a program chooses.
 */
export type Standing = 'fits' | 'fails' | 'out';

const nosg = new WeakMap<Facts['lesson'], Counters | null>();

/** One chunk's counts on a NIC that cannot gather: the variant the model runs, or null where the lesson cannot run there. Run once a lesson. */
function withoutGather(f: Facts): Counters | null {
  if (nosg.has(f.lesson)) return nosg.get(f.lesson)!;
  let counts: Counters | null = null;
  try {
    counts = traceOf(variantOf(f.lesson.payload, f.lesson.variants?.steps ?? f.lesson.steps, { ...DEFAULT_KNOBS, nic: 'nosg' })).end.counts;
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
  }
  nosg.set(f.lesson, counts);
  return counts;
}

/** A machine without DMA (the CPU moves every byte) is hardware, not a technique a program chooses. */
const hardware = (f: Facts) => f.end.counts.dmaCopies === 0;

const decide = (fits: boolean): Standing => (fits ? 'fits' : 'fails');

/**
 * Each situation's jobs, the one fact that decides it (a declared property,
 * lessons/FORMAT.md, or the model's counts) and what its wrong choices quote.
 */
export const CONSTRAINT_RULES: Record<Constraint, { job: Job; jobs: readonly Job[]; standing: (f: Facts) => Standing; quoted: (f: Facts) => Counters }> = {
  modify: {
    job: 'send',
    jobs: ['send'],
    // mmap + write sends the mapping itself: compressed bytes are a new buffer, and a write() of it is no longer mmap's path.
    standing: (f) => (f.lesson.id === 'mmap' ? 'out' : decide(f.lesson.properties.canModify)),
    quoted: (f) => f.end.counts,
  },
  socketInput: { job: 'send', jobs: ['send'], standing: (f) => decide(!f.lesson.properties.inputMustBeFile), quoted: (f) => f.end.counts },
  // Plain sendfile and sendfile with gather are one call: only "no CPU copy even without gather" tells techniques apart.
  noScatterGather: {
    job: 'send',
    jobs: ['send'],
    standing: (f) => {
      const counts = withoutGather(f);
      return counts ? decide(counts.cpuCopies === 0) : 'out';
    },
    quoted: (f) => withoutGather(f) ?? f.end.counts,
  },
  noSyscallPerChunk: { job: 'send', jobs: ['send'], standing: (f) => decide(f.phases.perTransfer.syscalls === 0), quoted: (f) => f.phases.perTransfer },
  // Serving readers from the page cache reads a file too: the other way to read it.
  hugeFile: { job: 'read', jobs: ['read', 'cache'], standing: (f) => decide(f.bypassesPageCache), quoted: (f) => f.end.counts },
};

/** Where `f` stands in situation c: out when it does another job, or is hardware. */
export function standingOf(c: Constraint, f: Facts): Standing {
  const rule = CONSTRAINT_RULES[c];
  if (!rule.jobs.includes(f.lesson.job) || hardware(f)) return 'out';
  return rule.standing(f);
}

/** At most three wrong choices, and at least two. */
const WRONG = 3;
const FEWEST_WRONG = 2;

const failing = (c: Constraint, all: Facts[]) => all.filter((g) => standingOf(c, g) === 'fails');

function fitsSpec(f: Facts, c: Constraint, all: Facts[]): Spec {
  const id = f.lesson.id;
  const rule = CONSTRAINT_RULES[c];
  return {
    kind: 'fits',
    scenario: id,
    build: (rng, lang) => {
      const wrong = shuffle(rng, failing(c, all)).slice(0, WRONG);
      const ids = shuffle(rng, [id, ...wrong.map((g) => g.lesson.id)]);
      const s = SITUATIONS[lang][c];
      const failsOf = (g: Facts) => s.fails(g.lesson.id, rule.quoted(g));
      const others = PUNCTUATION[lang].semicolons(wrong.map(failsOf)) + PUNCTUATION[lang].stop;
      const p = f.lesson.properties;
      const caveats = [p.needsPipe ? Q[lang].fitsCaveat.needsPipe : '', p.ownsDevice ? Q[lang].fitsCaveat.ownsDevice : ''].filter(Boolean);
      return choiceQuestion(
        {
          id: `fits:${c}:${id}`,
          kind: 'fits',
          scenario: id,
          // The scenario is the answer: the header names the job instead.
          heading: JOB_LABELS[lang][rule.job],
          counter: null,
          prompt: Q[lang].fitsPrompt(s.text),
          explanation: PUNCTUATION[lang].sentences([Q[lang].fitsExplain(id, s.fits, others), ...caveats]),
          lang,
          revisit: { command: `zcopy compare ${ids.join(' ')}` },
        },
        ids,
        ids.indexOf(id),
        (choice) => {
          const g = wrong.find((w) => w.lesson.id === ids[choice])!;
          return { misconception: FITS_MISTAKE[lang](failsOf(g)), revisit: { command: `zcopy compare ${id} ${ids[choice]}` } };
        },
      );
    },
  };
}

/** Every situation this lesson fits, where at least two techniques are clearly wrong in it. */
export const fitsSpecs = (f: Facts, { all }: KindContext): Spec[] =>
  CONSTRAINTS.filter((c) => standingOf(c, f) === 'fits' && failing(c, all).length >= FEWEST_WRONG).map((c) => fitsSpec(f, c, all));
