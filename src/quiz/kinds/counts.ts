import { countMistake, type CountFacts } from '../misconceptions.js';
import { callsOfPhase } from '../../model/index.js';
import { calls, callsIn, countsIn, hasOnceSteps, transferRises, type Facts, type Scope } from '../facts.js';
import { learnAt, type Question, type Spec } from '../question.js';
import { COUNT_MISTAKES, Q, QUIZ_COUNTERS, type QuizCounter } from '../strings.js';

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
      let explanation = perTransfer ? Q.countExplainPerChunk[lang](id, n, counter, steps) : Q.countExplain[lang](id, n, counter, steps);
      // Chinese sentences follow one another without a space.
      const then = lang === 'zh' ? '' : ' ';
      if (counter === 'modeSwitches' && counts.syscalls > 0) explanation += then + Q.twoPerCall[lang](counts.syscalls);
      if (counter === 'syscalls' && n > 0) explanation += then + Q.callsAre[lang](calls(callsIn(f, scope)));
      if (perChunk !== total) explanation += then + Q.onceNote[lang](counter, perChunk, total, calls([...callsOfPhase(f.lesson, 'setup'), ...callsOfPhase(f.lesson, 'teardown')]));
      const fallback = steps[0] ?? f.rises.descriptorCopies[0] ?? 1;
      const once = f.phases.setup.syscalls + f.phases.teardown.syscalls;
      const facts: CountFacts = { ...counts, setupCalls: perTransfer ? 0 : once };
      const revisit = learnAt(id, fallback);
      return {
        id: `counts:${id}:${counter}${perTransfer ? ':perTransfer' : ''}`,
        kind: 'counts',
        scenario: id,
        heading: id,
        counter,
        perTransfer,
        prompt: perTransfer ? Q.countPromptPerChunk[lang](id, counter) : Q.countPrompt[lang](id, counter),
        choices: [],
        answer: String(n),
        explanation,
        lang,
        revisit,
        diagnose: (picked) => {
          if (!('number' in picked) || picked.number === n) return { misconception: null, revisit };
          if (perTransfer && picked.number === total) {
            const firstTransfer = f.lesson.steps.findIndex((s) => s.phase === 'transfer') + 1;
            return { misconception: COUNT_MISTAKES.countedOnce[lang], revisit: learnAt(id, firstTransfer || fallback) };
          }
          const misconception = countMistake(counter, picked.number, facts, lang);
          // Forgetting the way back out: point at the first return.
          const firstReturn = f.rises.modeSwitches.find((s) => f.lesson.steps[s - 1].event.type === 'sysret');
          const step =
            counter === 'modeSwitches' && picked.number < n && firstReturn ? firstReturn
            : counter === 'cpuCopies' && picked.number > n && f.rises.dmaCopies.length ? f.rises.dmaCopies[0]
            : fallback;
          return { misconception, revisit: learnAt(id, step) };
        },
      };
    },
  };
}

export function countsSpecs(f: Facts): Spec[] {
  const perChunk = hasOnceSteps(f) ? QUIZ_COUNTERS.filter((c) => f.phases.perTransfer[c] !== f.end.counts[c]) : [];
  return [...QUIZ_COUNTERS.map((c) => countSpec(f, c, 'total')), ...perChunk.map((c) => countSpec(f, c, 'perTransfer'))];
}
