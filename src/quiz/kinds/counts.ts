import { countMistake, type CountFacts } from '../misconceptions.js';
import { callsOfPhase, knobFlags, turnedKnobs, type Scale } from '../../model/index.js';
import type { Lang } from '../../i18n/lang.js';
import { PUNCTUATION } from '../../i18n/punctuation.js';
import { SCALE, whatIfWords } from '../../i18n/strings.js';
import { formatBytes } from '../../term/bytes.js';
import { calls, callsIn, countsIn, hasOnceSteps, transferRises, type Facts, type KindContext, type Scope } from '../facts.js';
import { learnAt, type Question, type Spec } from '../question.js';
import { QUIZ_COUNTERS, type QuizCounter } from '../topics.js';
import { COUNT_MISTAKES, Q } from '../../i18n/quiz.js';

/** `--cache warm`: how to open the variant a question is about, for its Revisit. */
const flagsOf = (f: Facts) => (f.lesson.knobs ? knobFlags(f.lesson.knobs) : '');

/** "With the pages already cached: ", before the question about a what-if variant. */
function whatIf(f: Facts, lang: Lang): string {
  const knobs = f.lesson.knobs;
  const words = knobs && whatIfWords(turnedKnobs(knobs), knobs, lang);
  return words ? Q[lang].whatIf(words) : '';
}

/** One chunk's total of a counter, or what every chunk costs once set up (asked only where the two differ). */
function countSpec(f: Facts, counter: QuizCounter, scope: Scope): Spec {
  const id = f.lesson.id;
  const perTransfer = scope === 'perTransfer';
  return {
    kind: 'counts',
    scenario: id,
    build: (_rng, lang): Question => {
      const counts = countsIn(f, scope);
      const n = counts[counter];
      const total = f.end.counts[counter];
      const perChunk = f.phases.perTransfer[counter];
      const steps = perTransfer ? transferRises(f, counter) : f.rises[counter];
      let explanation = perTransfer ? Q[lang].countExplainPerChunk(id, n, counter, steps) : Q[lang].countExplain(id, n, counter, steps);
      const then = (sentence: string) => (explanation = PUNCTUATION[lang].sentences([explanation, sentence]));
      if (counter === 'modeSwitches' && counts.syscalls > 0) then(Q[lang].twoPerCall(counts.syscalls));
      if (counter === 'syscalls' && n > 0) then(Q[lang].callsAre(calls(callsIn(f, scope))));
      if (perChunk !== total) then(Q[lang].onceNote(counter, perChunk, total, calls([...callsOfPhase(f.lesson, 'setup'), ...callsOfPhase(f.lesson, 'teardown')])));
      // A count that rises at several steps rests on every one of them; one that never rises, on where the bytes go without it.
      const fallback = f.rises.descriptorCopies[0] ?? 1;
      const once = f.phases.setup.syscalls + f.phases.teardown.syscalls;
      const facts: CountFacts = { ...counts, setupCalls: perTransfer ? 0 : once };
      const revisit = learnAt(id, steps.length ? steps : fallback, flagsOf(f));
      const dmaSteps = perTransfer ? transferRises(f, 'dmaCopies') : f.rises.dmaCopies;
      return {
        id: `counts:${id}:${counter}${perTransfer ? ':perTransfer' : ''}`,
        kind: 'counts',
        scenario: id,
        heading: id,
        counter,
        perTransfer,
        ...(f.lesson.knobs ? { knobs: f.lesson.knobs } : {}),
        prompt: whatIf(f, lang) + (perTransfer ? Q[lang].countPromptPerChunk(id, counter) : Q[lang].countPrompt(id, counter)),
        choices: [],
        answer: String(n),
        explanation,
        lang,
        revisit,
        diagnose: (picked) => {
          if (!('number' in picked) || picked.number === n) return { misconception: null, revisit };
          if (perTransfer && picked.number === total) {
            const firstTransfer = f.lesson.steps.findIndex((s) => s.phase === 'transfer') + 1;
            return { misconception: COUNT_MISTAKES[lang].countedOnce, revisit: learnAt(id, firstTransfer || fallback, flagsOf(f)) };
          }
          const misconception = countMistake(counter, picked.number, facts, lang);
          // Forgetting the way back out: point at the first return.
          const firstReturn = f.rises.modeSwitches.find((s) => f.lesson.steps[s - 1].event.type === 'sysret');
          // Counting the DMA's copies as the CPU's: every DMA copy is where to look.
          if (counter === 'modeSwitches' && picked.number < n && firstReturn) return { misconception, revisit: learnAt(id, firstReturn, flagsOf(f)) };
          if (counter === 'cpuCopies' && picked.number > n && dmaSteps.length) return { misconception, revisit: learnAt(id, dmaSteps, flagsOf(f)) };
          return { misconception, revisit };
        },
      };
    },
  };
}

/** The whole file's total of a counter at `scale`: set-up + chunks x per chunk + teardown, folded by the model. */
function fileSpec(f: Facts, counter: QuizCounter, scale: Scale): Spec {
  const id = f.lesson.id;
  return {
    kind: 'counts',
    scenario: id,
    build: (_rng, lang): Question => {
      const big = f.atScale(scale);
      const formula = big.formula[counter];
      const n = formula.total;
      const size = formatBytes(scale.size);
      const chunk = formatBytes(scale.chunk);
      const firstTransfer = f.lesson.steps.findIndex((s) => s.phase === 'transfer') + 1;
      const revisit = learnAt(id, firstTransfer || 1, flagsOf(f));
      // Where a call moves less than a chunk (a pipe's 64 KiB per splice), the explanation says why a chunk takes several rounds.
      const rounds =
        big.callLimit && big.callsPerChunk > 1
          ? SCALE[lang].rounds({ chunk, perChunk: big.callsPerChunk, last: big.lastChunkCalls, calls: callsOfPhase(f.lesson, 'transfer'), limit: big.callLimit })
          : null;
      return {
        id: `counts:${id}:${counter}:file`,
        kind: 'counts',
        scenario: id,
        heading: id,
        counter,
        perTransfer: false,
        ...(f.lesson.knobs ? { knobs: f.lesson.knobs } : {}),
        scale,
        prompt: whatIf(f, lang) + Q[lang].countPromptFile(id, counter, size, chunk),
        choices: [],
        answer: String(n),
        explanation: Q[lang].countExplainFile(id, counter, big.chunks, formula, size, chunk, rounds),
        lang,
        revisit,
        diagnose: (picked) => {
          if (!('number' in picked) || picked.number === n) return { misconception: null, revisit };
          // One chunk's figure, or one round's, given for the whole file.
          const oneChunk = picked.number === formula.perChunk || picked.number === f.end.counts[counter];
          return { misconception: oneChunk ? Q[lang].oneChunk(big.chunks) : null, revisit };
        },
      };
    },
  };
}

export function countsSpecs(f: Facts, ctx: KindContext): Spec[] {
  const perChunk = hasOnceSteps(f) ? QUIZ_COUNTERS.filter((c) => f.phases.perTransfer[c] !== f.end.counts[c]) : [];
  // With --size the totals asked are the whole file's; the per-chunk questions stay what a program repeats.
  // Only a lesson that makes calls for every chunk moves a file "so much per call" (not cow's faults, not kernel bypass's polling).
  const byFile = ctx.scale && f.phases.perTransfer.syscalls > 0;
  const totals = byFile ? QUIZ_COUNTERS.map((c) => fileSpec(f, c, ctx.scale!)) : QUIZ_COUNTERS.map((c) => countSpec(f, c, 'total'));
  return [...totals, ...perChunk.map((c) => countSpec(f, c, 'perTransfer'))];
}
