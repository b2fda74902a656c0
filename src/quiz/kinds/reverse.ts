import type { Lang } from '../../i18n/lang.js';
import { PUNCTUATION } from '../../i18n/punctuation.js';
import { COUNTER_KEYS, type Counters } from '../../model/index.js';
import { calls, callsIn, countsIn, hasOnceSteps, names, type Facts, type KindContext, type Scope } from '../facts.js';
import { choiceQuestion, learnAt, type Spec } from '../question.js';
import { shuffle } from '../rng.js';
import { JOB_LABELS, Q, REVERSE_MISTAKE } from '../../i18n/quiz.js';
import { MACHINE } from '../../i18n/machine.js';

/** The counters a reverse question shows besides the calls (the calls give the system calls' count). */
const SHOWN: readonly (keyof Counters)[] = ['cpuCopies', 'dmaCopies', 'modeSwitches', 'interrupts', 'pageFaults'];

/** What the prompt shows of a technique, one item per fact, so two techniques can be told apart item by item. */
function shown(g: Facts, scope: Scope, withNames: boolean, lang: Lang): string[] {
  const made = callsIn(g, scope);
  const trace = withNames && made.length ? PUNCTUATION[lang].list(calls(made)) : Q[lang].callCount(made.length);
  const counts = countsIn(g, scope);
  return [trace, ...SHOWN.map((k) => MACHINE[lang].amount(counts[k], k))];
}

/** The trace names the answer ("sendfile()" for sendfile): then only the number of calls is shown. */
const namesItself = (f: Facts, scope: Scope) => names(calls(callsIn(f, scope)).join(', '), f.lesson.id);

/** The answer's trace shows a call named after g (sendfile() for sendfile, when the answer is sendfile-sg). */
const namedBy = (f: Facts, scope: Scope, g: Facts) => !namesItself(f, scope) && names(calls(callsIn(f, scope)).join(', '), g.lesson.id);

/** Techniques of the same job whose shown facts differ from the answer's in at least one item. */
function distinct(f: Facts, scope: Scope, all: Facts[]): Facts[] {
  const withNames = !namesItself(f, scope);
  const mine = shown(f, scope, withNames, 'en').join('|');
  return all.filter((g) => g.lesson.id !== f.lesson.id && g.lesson.job === f.lesson.job && shown(g, scope, withNames, 'en').join('|') !== mine);
}

function reverseSpec(f: Facts, scope: Scope, all: Facts[]): Spec {
  const id = f.lesson.id;
  const perTransfer = scope === 'perTransfer';
  return {
    kind: 'reverse',
    scenario: id,
    build: (rng, lang) => {
      const withNames = !namesItself(f, scope);
      // A technique whose call the trace shows is the tempting wrong answer (sendfile() but no CPU copy): offer it first.
      const others = shuffle(rng, distinct(f, scope, all));
      const named = others.filter((g) => namedBy(f, scope, g));
      const wrong = [...named, ...others.filter((g) => !named.includes(g))].slice(0, 3);
      const ids = shuffle(rng, [id, ...wrong.map((g) => g.lesson.id)]);
      const [trace, ...counters] = shown(f, scope, withNames, lang);
      const mine = shown(f, scope, withNames, 'en');
      /** A wrong choice's first fact that differs from the answer's; its calls by name, since the answer is out. */
      const differs = (g: Facts) => {
        const at = shown(g, scope, withNames, 'en').findIndex((t, i) => t !== mine[i]);
        return shown(g, scope, at === 0 || withNames, lang)[at];
      };
      const unlike = PUNCTUATION[lang].semicolons(wrong.map((g) => Q[lang].reverseOther(g.lesson.id, differs(g)))) + PUNCTUATION[lang].stop;
      const fullTrace = shown(f, scope, true, lang)[0];
      return choiceQuestion(
        {
          id: `reverse:${id}:${scope}`,
          kind: 'reverse',
          scenario: id,
          // The scenario is the answer: the header names the job instead.
          heading: JOB_LABELS[lang][f.lesson.job],
          counter: null,
          perTransfer,
          prompt: Q[lang].reversePrompt(JOB_LABELS[lang][f.lesson.job], trace, PUNCTUATION[lang].clauses(counters), perTransfer),
          explanation: Q[lang].reverseExplain(id, fullTrace, PUNCTUATION[lang].clauses(counters), unlike),
          lang,
          revisit: learnAt(id, null),
        },
        ids,
        ids.indexOf(id),
        (choice) => {
          const g = wrong.find((w) => w.lesson.id === ids[choice])!;
          return { misconception: REVERSE_MISTAKE[lang](Q[lang].reverseOther(g.lesson.id, differs(g))), revisit: { command: `zcopy compare ${id} ${g.lesson.id}` } };
        },
      );
    },
  };
}

/**
 * One chunk's trace and totals, and, where set-up or teardown makes them differ,
 * what every chunk costs; only where three techniques of the job look different.
 */
export function reverseSpecs(f: Facts, { all }: KindContext): Spec[] {
  const scopes: Scope[] = ['total'];
  if (hasOnceSteps(f) && COUNTER_KEYS.some((k) => f.phases.perTransfer[k] !== f.end.counts[k])) scopes.push('perTransfer');
  return scopes.filter((s) => distinct(f, s, all).length >= 3).map((s) => reverseSpec(f, s, all));
}
