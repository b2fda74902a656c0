import { kindRefusal, movesOf, refusalIn, type Event } from '../../model/index.js';
import { describeStep } from '../../i18n/describe.js';
import type { Lang } from '../../i18n/lang.js';
import { NEXT_MISTAKE, Q } from '../../i18n/quiz.js';
import { does, type Facts } from '../facts.js';
import { choiceQuestion, learnAt, type Spec } from '../question.js';
import { shuffle } from '../rng.js';

/** Events that say which device's completion is taken: never a wrong choice beside one of its own kind. */
const INTERRUPT_EVENTS: readonly string[] = ['raiseInterrupt', 'handleInterrupt'];

/** At most this many wrong choices; fewer when the model refuses fewer of the lesson's other steps. */
const WRONG = 3;

/**
 * Step s's event with every field a description reads made explicit: the blocks
 * it moved and the call it returned from. An event that leaves them out means
 * "whatever the source holds now", which may be legal elsewhere with other blocks.
 */
function explicit(f: Facts, s: number): Event {
  const event = f.lesson.steps[s - 1].event;
  const moved = f.timeline[s].transfer?.blocks;
  if (event.type === 'sysret') return { ...event, name: f.timeline[s - 1].call?.name ?? event.name };
  if ('blocks' in event || ['cpuCopy', 'descriptorCopy', 'pageRefMove', 'faultIn', 'deviceRead', 'mapPages'].includes(event.type)) {
    return moved?.length ? ({ ...event, blocks: moved } as Event) : event;
  }
  return event;
}

/** The system calls the lesson makes: the names a legal move may carry. */
const callNames = (f: Facts) => [...new Set(f.timeline.flatMap((s) => s.syscallLog))];

/**
 * Step s told as a wrong answer to "what happens after step k": the model
 * refuses its event after step k, as written and with its fields made explicit.
 * A move the machine could make there is never marked wrong.
 */
export const refusedAfter = (f: Facts, k: number, s: number): boolean =>
  refusalIn(f.timeline[k], f.lesson.steps[s - 1].event) !== null && refusalIn(f.timeline[k], explicit(f, s)) !== null;

/**
 * No legal move of step s's type after step k reads as step s does (in English,
 * as the choices are compared). Built only for the choices drawn: it asks the
 * model for every move of that type, which costs too much for every step.
 */
function noLegalLookalike(f: Facts, k: number, s: number): boolean {
  const state = f.timeline[k];
  const text = does(f, s, 'en');
  const { moves } = movesOf(state, f.lesson.steps[s - 1].event.type, callNames(f));
  return moves.every((m) => describeStep(state, m.next, m.event, 'en') !== text);
}

/** Steps that may be the wrong answers after step k: other text than the answer and the prompt, refused by the model there. */
function candidates(f: Facts, k: number, texts: readonly string[]): number[] {
  const taken = new Set([texts[k], texts[k + 1]]);
  const answer = f.lesson.steps[k].event.type;
  const out: number[] = [];
  for (let s = 1; s <= f.lesson.steps.length; s++) {
    if (taken.has(texts[s])) continue;
    taken.add(texts[s]);
    const type = f.lesson.steps[s - 1].event.type;
    // Which device raises a completion is no fair choice: a NIC's DMA engine is the NIC, and a learner may call it either.
    if (type === answer && INTERRUPT_EVENTS.includes(type)) continue;
    // A kind the machine refuses outright needs no step to be asked.
    if (kindRefusal(f.timeline[k], type) || refusedAfter(f, k, s)) out.push(s);
  }
  return out;
}

function nextSpec(f: Facts, k: number, pool: number[], lookalikeFree: (s: number) => boolean, textsIn: (lang: Lang) => string[]): Spec {
  const id = f.lesson.id;
  const n = k + 1;
  return {
    kind: 'next',
    scenario: id,
    build: (rng, lang) => {
      const told = textsIn(lang);
      // Asked in the drawn order, and only until three are found: each question asks the model for every move of a kind.
      const others: number[] = [];
      for (const s of shuffle(rng, pool)) if (others.length < WRONG && lookalikeFree(s)) others.push(s);
      const steps = shuffle(rng, [n, ...others]);
      return choiceQuestion(
        {
          id: `next:${id}:${k}`,
          kind: 'next',
          scenario: id,
          counter: null,
          prompt: Q[lang].nextPrompt(Q[lang].stepHead(id, k, told[k])),
          explanation: Q[lang].nextExplain(n, told[n], f.lesson.steps[n - 1].text[lang]),
          lang,
          revisit: learnAt(id, n),
        },
        steps.map((s) => told[s]),
        steps.indexOf(n),
        // The step that comes next and the one the wrong choice is: the answer rests on the two.
        (choice) => ({ misconception: NEXT_MISTAKE[lang](steps[choice]), revisit: learnAt(id, [n, steps[choice]]) }),
      );
    },
  };
}

/**
 * What the model said of a lesson's steps, kept with the lesson (lessons are
 * not changed once loaded): the wrong choices after each step, and which of
 * them no legal move reads like. A quiz drawn again asks nothing twice.
 */
const asked = new WeakMap<Facts['lesson'], { pools: Map<number, number[]>; lookalikeFree: Map<string, boolean>; texts: Map<Lang, string[]> }>();

/** Steps followed by one that reads differently, with at least two steps the model refuses after them to make the wrong choices. */
export function nextSpecs(f: Facts): Spec[] {
  let memo = asked.get(f.lesson);
  if (!memo) asked.set(f.lesson, (memo = { pools: new Map(), lookalikeFree: new Map(), texts: new Map() }));
  const { pools, lookalikeFree, texts: told } = memo;
  /** Step s's words (1-based) in a language, told once. */
  const textsIn = (lang: Lang) => told.get(lang) ?? told.set(lang, ['', ...f.lesson.steps.map((_, i) => does(f, i + 1, lang))]).get(lang)!;
  // Compared in English, so every language draws alike.
  const texts = textsIn('en');
  const specs: Spec[] = [];
  for (let k = 1; k < f.lesson.steps.length; k++) {
    if (texts[k] === texts[k + 1]) continue;
    if (!pools.has(k)) pools.set(k, candidates(f, k, texts));
    const pool = pools.get(k)!;
    const free = (s: number) => lookalikeFree.get(`${k}:${s}`) ?? lookalikeFree.set(`${k}:${s}`, noLegalLookalike(f, k, s)).get(`${k}:${s}`)!;
    if (pool.length >= 2) specs.push(nextSpec(f, k, pool, free, textsIn));
  }
  return specs;
}
