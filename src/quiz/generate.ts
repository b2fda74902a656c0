import { describeStep } from '../i18n/describe.js';
import type { Lang } from '../i18n/lang.js';
import { PLACE_LABELS, UI } from '../i18n/strings.js';
import type { Lesson } from '../lessons/index.js';
import { LOCATIONS, moverOf, run, type Location, type Mover, type State } from '../model/index.js';
import { countMistake, modeMistake, moverMistake, type CountFacts } from './misconceptions.js';
import { below, mulberry32, pick, shuffle, type Rng } from './rng.js';
import {
  CONSTRAINTS,
  FEWER_MISTAKES,
  FITS_MISTAKE,
  KINDS,
  NEXT_MISTAKE,
  Q,
  QUIZ_COUNTERS,
  SITUATIONS,
  WHERE_MISTAKE,
  type Constraint,
  type Kind,
  type QuizCounter,
} from './strings.js';

/** Where to look again after a wrong answer: a lesson at a step, or a command. */
export type Revisit = { scenario: string; step: number | null } | { command: string };

/** What the learner gave: a choice (0-based) or a number. */
export type Picked = { choice: number } | { number: number };

export interface Question {
  /** Stable across languages and runs: kind, scenario and what is asked. */
  id: string;
  kind: Kind;
  scenario: string;
  /** The counts key for count and "fewer" questions; null otherwise. */
  counter: QuizCounter | null;
  prompt: string;
  /** Empty for count questions, which take a number. */
  choices: string[];
  /** Exactly what the learner types: a number, or a choice letter. */
  answer: string;
  explanation: string;
  lang: Lang;
  /** Where to look again, by default. */
  revisit: Revisit;
  /** What a wrong answer reveals and where to look again. */
  diagnose: (picked: Picked) => { misconception: string | null; revisit: Revisit };
}

export const letter = (i: number) => String.fromCharCode(97 + i);

/** What the quiz reads from a lesson: its timeline, computed once. */
interface Facts {
  lesson: Lesson;
  timeline: State[];
  end: State;
  /** Steps (1-based) where each counter went up. */
  rises: Record<QuizCounter | 'descriptorCopies', number[]>;
  setupCalls: number;
  /** The payload never sits in the page cache as data. */
  bypassesPageCache: boolean;
}

function factsOf(lesson: Lesson): Facts {
  const timeline = run(lesson);
  const rises = { cpuCopies: [], dmaCopies: [], modeSwitches: [], syscalls: [], descriptorCopies: [] } as Facts['rises'];
  for (let i = 1; i < timeline.length; i++) {
    for (const k of Object.keys(rises) as (keyof Facts['rises'])[]) {
      if (timeline[i].counts[k] !== timeline[i - 1].counts[k]) rises[k].push(i);
    }
  }
  // A set-up call moves no payload between entering the kernel and returning.
  let setupCalls = 0;
  let open = false;
  let moved = false;
  lesson.steps.forEach(({ event }, i) => {
    const after = timeline[i + 1];
    if (event.type === 'syscall') [open, moved] = [true, false];
    else if (open && after.transfer && after.transfer.kind !== 'mapping') moved = true;
    if (event.type === 'sysret' && open) {
      if (!moved) setupCalls++;
      open = false;
    }
  });
  const bypassesPageCache = timeline.every((s) => !s.places.pageCache.some((h) => h.as === 'data'));
  return { lesson, timeline, end: timeline.at(-1)!, rises, setupCalls, bypassesPageCache };
}

const blocksText = (b: readonly string[]) => `[${b.join(' ')}]`;
const place = (l: Location, lang: Lang) => PLACE_LABELS[l][lang];
const does = (f: Facts, n: number, lang: Lang) => describeStep(f.timeline[n - 1], f.timeline[n], f.lesson.steps[n - 1].event, lang);
const learnAt = (scenario: string, step: number | null): Revisit => ({ scenario, step });

/** The "I/O modes" lessons read a disk into a process; the others move a file to a socket or a device. */
const jobOf = (l: Lesson) => (l.group === 'io-modes' ? 'read' : 'send');

/** A question not yet built: built only when drawn, so that drawing order alone consumes the random numbers. */
interface Spec {
  kind: Kind;
  scenario: string;
  build: (rng: Rng, lang: Lang) => Question;
}

function choiceQuestion(
  base: Pick<Question, 'id' | 'kind' | 'scenario' | 'counter' | 'prompt' | 'explanation' | 'lang' | 'revisit'>,
  choices: string[],
  right: number,
  diagnose: (choice: number) => { misconception: string | null; revisit?: Revisit },
): Question {
  return {
    ...base,
    choices,
    answer: letter(right),
    diagnose: (picked) => {
      if (!('choice' in picked) || picked.choice === right) return { misconception: null, revisit: base.revisit };
      const d = diagnose(picked.choice);
      return { misconception: d.misconception, revisit: d.revisit ?? base.revisit };
    },
  };
}

function countSpec(f: Facts, counter: QuizCounter): Spec {
  const id = f.lesson.id;
  return {
    kind: 'counts',
    scenario: id,
    build: (_rng, lang) => {
      const n = f.end.counts[counter];
      const steps = f.rises[counter];
      let explanation = Q.countExplain[lang](id, n, counter, steps);
      if (counter === 'modeSwitches' && f.end.counts.syscalls > 0) explanation += ' ' + Q.twoPerCall[lang](f.end.counts.syscalls);
      if (counter === 'syscalls' && n > 0) explanation += ' ' + Q.callsAre[lang](f.end.syscallLog.map((c) => `${c}()`));
      const fallback = steps[0] ?? f.rises.descriptorCopies[0] ?? 1;
      const facts: CountFacts = { ...f.end.counts, setupCalls: f.setupCalls };
      const revisit = learnAt(id, fallback);
      return {
        id: `counts:${id}:${counter}`,
        kind: 'counts',
        scenario: id,
        counter,
        prompt: Q.countPrompt[lang](id, counter),
        choices: [],
        answer: String(n),
        explanation,
        lang,
        revisit,
        diagnose: (picked) => {
          if (!('number' in picked) || picked.number === n) return { misconception: null, revisit };
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

const MOVERS: Mover[] = ['cpu', 'dma', 'none'];

function moverSpec(f: Facts, n: number): Spec {
  const id = f.lesson.id;
  return {
    kind: 'mover',
    scenario: id,
    build: (_rng, lang) => {
      const after = f.timeline[n];
      const t = after.transfer!;
      const actual = moverOf(after);
      const event = f.lesson.steps[n - 1].event.type;
      return choiceQuestion(
        {
          id: `mover:${id}:${n}`,
          kind: 'mover',
          scenario: id,
          counter: null,
          prompt: Q.moverPrompt[lang](id, n, blocksText(t.blocks), place(t.from, lang), place(t.to, lang)),
          explanation: `${Q.moverExplain[lang](n, does(f, n, lang))} ${f.lesson.steps[n - 1].text[lang]}`,
          lang,
          revisit: learnAt(id, n),
        },
        [...Q.moverChoices[lang]],
        MOVERS.indexOf(actual),
        (choice) => ({ misconception: MOVERS[choice] ? moverMistake(MOVERS[choice], actual, event, lang) : null }),
      );
    },
  };
}

/** The mode choices, in their fixed order: [mode, switched]. */
const MODES: [State['cpu']['mode'], boolean][] = [
  ['user', true],
  ['kernel', true],
  ['user', false],
  ['kernel', false],
];

function modeSpec(f: Facts, n: number): Spec {
  const id = f.lesson.id;
  return {
    kind: 'mode',
    scenario: id,
    build: (_rng, lang) => {
      const mode = f.timeline[n].cpu.mode;
      const switched = f.rises.modeSwitches.includes(n);
      const event = f.lesson.steps[n - 1].event.type;
      const modeName = UI.mode[lang][mode];
      return choiceQuestion(
        {
          id: `mode:${id}:${n}`,
          kind: 'mode',
          scenario: id,
          counter: null,
          prompt: Q.modePrompt[lang](Q.stepHead[lang](id, n, does(f, n, lang))),
          explanation: Q.modeExplain[lang](n, modeName, switched, f.timeline[n].counts.modeSwitches),
          lang,
          revisit: learnAt(id, n),
        },
        [...Q.modeChoices[lang]],
        MODES.findIndex(([m, s]) => m === mode && s === switched),
        (choice) => {
          const [, s] = MODES[choice];
          return { misconception: modeMistake(s, switched, event, lang) ?? Q.modeOnly[lang](modeName) };
        },
      );
    },
  };
}

/** Steps whose description differs from step n's (compared in English, so every language draws alike). */
function otherSteps(f: Facts, n: number): number[] {
  const text = does(f, n, 'en');
  const seen = new Set([text]);
  const out: number[] = [];
  for (let k = 1; k <= f.lesson.steps.length; k++) {
    const t = does(f, k, 'en');
    if (!seen.has(t)) out.push(k);
    seen.add(t);
  }
  return out;
}

function nextSpec(f: Facts, k: number): Spec {
  const id = f.lesson.id;
  const n = k + 1;
  return {
    kind: 'next',
    scenario: id,
    build: (rng, lang) => {
      const others = shuffle(rng, otherSteps(f, n)).slice(0, 3);
      const steps = shuffle(rng, [n, ...others]);
      return choiceQuestion(
        {
          id: `next:${id}:${k}`,
          kind: 'next',
          scenario: id,
          counter: null,
          prompt: Q.nextPrompt[lang](Q.stepHead[lang](id, k, does(f, k, lang))),
          explanation: Q.nextExplain[lang](n, does(f, n, lang), f.lesson.steps[n - 1].text[lang]),
          lang,
          revisit: learnAt(id, n),
        },
        steps.map((s) => does(f, s, lang)),
        steps.indexOf(n),
        (choice) => ({ misconception: NEXT_MISTAKE[lang](steps[choice]) }),
      );
    },
  };
}

/** Steps that have enough steps of other text to make three wrong choices. */
const nextable = (f: Facts) =>
  Array.from({ length: f.lesson.steps.length - 1 }, (_, i) => i + 1).filter((k) => otherSteps(f, k + 1).length >= 3);

const holdsData = (s: State, l: Location) => s.places[l].some((h) => h.as === 'data');
const holdsAny = (s: State, l: Location) => s.places[l].length > 0;

/** The payload has left the disk for some place, and at least three places hold none of it. */
const whereable = (s: State) => LOCATIONS.some((l) => l !== 'disk' && holdsData(s, l)) && LOCATIONS.filter((l) => !holdsAny(s, l)).length >= 3;

function whereSpec(f: Facts, n: number): Spec {
  const id = f.lesson.id;
  return {
    kind: 'where',
    scenario: id,
    build: (rng, lang) => {
      const s = f.timeline[n];
      const withData = LOCATIONS.filter((l) => holdsData(s, l));
      const right = pick(rng, withData.filter((l) => l !== 'disk'));
      const empty = LOCATIONS.filter((l) => !holdsAny(s, l));
      const places = shuffle(rng, [right, ...shuffle(rng, empty).slice(0, 3)]);
      const held = withData.map((l) => `${place(l, lang)} ${blocksText(s.places[l].filter((h) => h.as === 'data').map((h) => h.block))}`);
      const pointers = LOCATIONS.filter((l) => holdsAny(s, l) && !holdsData(s, l)).map((l) => place(l, lang));
      const sep = lang === 'zh' ? '、' : ', ';
      return choiceQuestion(
        {
          id: `where:${id}:${n}`,
          kind: 'where',
          scenario: id,
          counter: null,
          prompt: Q.wherePrompt[lang](Q.stepHead[lang](id, n, does(f, n, lang))),
          explanation: Q.whereExplain[lang](n, held.join(sep), pointers.join(sep)),
          lang,
          revisit: learnAt(id, n),
        },
        places.map((l) => place(l, lang)),
        places.indexOf(right),
        (choice) => ({ misconception: WHERE_MISTAKE[lang](place(places[choice], lang)) }),
      );
    },
  };
}

/** Whether a lesson fits a situation, from its declared properties (and, for a huge file, its timeline); undefined: not a candidate. */
function fits(f: Facts, c: Constraint): boolean | undefined {
  if (jobOf(f.lesson) === 'read') return undefined;
  const p = f.lesson.properties;
  switch (c) {
    case 'modify':
      return p.canModify;
    case 'socketInput':
      return !p.inputMustBeFile;
    case 'noScatterGather':
      return !p.copiesWithoutGather && !p.ownsDevice;
    case 'hugeFile':
      // A technique for files that never puts the payload in the page cache fits; one that does, does not.
      if (!f.bypassesPageCache) return false;
      return p.inputMustBeFile ? true : undefined;
  }
}

function fitsSpec(f: Facts, c: Constraint, all: Facts[]): Spec {
  const id = f.lesson.id;
  return {
    kind: 'fits',
    scenario: id,
    build: (rng, lang) => {
      const wrong = shuffle(rng, all.filter((g) => fits(g, c) === false).map((g) => g.lesson.id)).slice(0, 3);
      const ids = shuffle(rng, [id, ...wrong]);
      const s = SITUATIONS[lang][c];
      const others = wrong.map((w) => s.fails(w)).join(lang === 'zh' ? '；' : '; ');
      return choiceQuestion(
        {
          id: `fits:${c}:${id}`,
          kind: 'fits',
          scenario: id,
          counter: null,
          prompt: Q.fitsPrompt[lang](s.text),
          explanation: Q.fitsExplain[lang](id, s.fits, others + (lang === 'zh' ? '。' : '.')),
          lang,
          revisit: { command: `zcopy compare ${ids.join(' ')}` },
        },
        ids,
        ids.indexOf(id),
        (choice) => ({ misconception: FITS_MISTAKE[lang](s.fails(ids[choice])), revisit: { command: `zcopy compare ${id} ${ids[choice]}` } }),
      );
    },
  };
}

function fewerSpec(a: Facts, b: Facts, counter: QuizCounter): Spec {
  const [ia, ib] = [a.lesson.id, b.lesson.id];
  return {
    kind: 'fewer',
    scenario: ia,
    build: (rng, lang) => {
      const [na, nb] = [a.end.counts[counter], b.end.counts[counter]];
      const lower = na < nb ? ia : ib;
      const d = Math.abs(na - nb);
      const d2 = d > 1 && rng() < 0.5 ? d - 1 : d + 1;
      const options: [string, number][] = shuffle(rng, [
        [ia, d],
        [ib, d],
        [ia, d2],
        [ib, d2],
      ]);
      const [first, second] = rng() < 0.5 ? [ia, ib] : [ib, ia];
      const right = options.findIndex(([s, n]) => s === lower && n === d);
      return choiceQuestion(
        {
          id: `fewer:${counter}:${ia}:${ib}`,
          kind: 'fewer',
          scenario: ia,
          counter,
          prompt: Q.fewerPrompt[lang](counter, first, second),
          explanation: Q.fewerExplain[lang](counter, ia, na, ib, nb),
          lang,
          revisit: { command: `zcopy compare ${ia} ${ib}` },
        },
        options.map(([s, n]) => Q.fewerChoice[lang](s, n)),
        right,
        (choice) => ({
          misconception: options[choice][0] !== lower ? FEWER_MISTAKES.wrongSide[lang](lower) : FEWER_MISTAKES.wrongBy[lang](d),
        }),
      );
    },
  };
}

/** Every question the selection allows, unbuilt, in a fixed order. */
export function specsFor(selected: Lesson[], catalog: Lesson[], kinds: readonly Kind[]): Spec[] {
  const all = catalog.map(factsOf);
  const byId = new Map(all.map((f) => [f.lesson.id, f]));
  const chosen = selected.map((l) => byId.get(l.id) ?? factsOf(l));
  const chosenIds = new Set(chosen.map((f) => f.lesson.id));
  const specs: Spec[] = [];
  for (const kind of kinds) {
    for (const f of chosen) {
      const steps = Array.from({ length: f.lesson.steps.length }, (_, i) => i + 1);
      switch (kind) {
        case 'counts':
          specs.push(...QUIZ_COUNTERS.map((c) => countSpec(f, c)));
          break;
        case 'mover':
          specs.push(...steps.filter((n) => f.timeline[n].transfer && f.timeline[n].transfer!.kind !== 'device').map((n) => moverSpec(f, n)));
          break;
        case 'mode':
          specs.push(...steps.map((n) => modeSpec(f, n)));
          break;
        case 'next':
          specs.push(...nextable(f).map((k) => nextSpec(f, k)));
          break;
        case 'where':
          specs.push(...steps.filter((n) => whereable(f.timeline[n])).map((n) => whereSpec(f, n)));
          break;
        case 'fits':
          for (const c of CONSTRAINTS) {
            if (fits(f, c) === true && all.filter((g) => fits(g, c) === false).length >= 3) specs.push(fitsSpec(f, c, all));
          }
          break;
        case 'fewer':
          for (const g of all) {
            if (g === f || jobOf(g.lesson) !== jobOf(f.lesson)) continue;
            // A pair of two chosen lessons is asked once, under the first in catalogue order.
            if (chosenIds.has(g.lesson.id) && all.indexOf(g) < all.indexOf(f)) continue;
            for (const c of QUIZ_COUNTERS) if (f.end.counts[c] !== g.end.counts[c]) specs.push(fewerSpec(f, g, c));
          }
          break;
      }
    }
  }
  return specs;
}

export interface Topic {
  scenario: string;
  kind: Kind;
}

export interface QuizOptions {
  /** The scenarios to ask about. */
  selected: Lesson[];
  /** Every lesson, for the other side of comparisons and the wrong choices of "which fits". */
  catalog: Lesson[];
  kinds?: readonly Kind[];
  count: number;
  seed: number;
  lang: Lang;
  /** Weakest first: questions on these topics come first. */
  review?: Topic[];
}

/**
 * Draws a quiz: a kind at random among those left, then a scenario among
 * those left for that kind, then one of its questions; never the same question
 * twice. Fewer than `count` come back when the selection runs out. The result
 * depends only on the options, so a seed replays a quiz on any machine.
 */
export function makeQuiz(o: QuizOptions): Question[] {
  const rng = mulberry32(o.seed);
  let pool = specsFor(o.selected, o.catalog, o.kinds ?? KINDS);
  const out: Question[] = [];
  const take = (spec: Spec) => {
    pool = pool.filter((s) => s !== spec);
    out.push(spec.build(rng, o.lang));
  };
  // Review: round after round over the weak topics, weakest first.
  const topics = [...(o.review ?? [])];
  while (out.length < o.count && topics.length) {
    for (const t of [...topics]) {
      if (out.length >= o.count) break;
      const here = pool.filter((s) => s.kind === t.kind && s.scenario === t.scenario);
      if (!here.length) topics.splice(topics.indexOf(t), 1);
      else take(pick(rng, here));
    }
  }
  const weakScenarios = new Set((o.review ?? []).map((t) => t.scenario));
  while (out.length < o.count && pool.length) {
    const near = pool.filter((s) => weakScenarios.has(s.scenario));
    const from = near.length ? near : pool;
    const kinds = [...new Set(from.map((s) => s.kind))];
    const kind = pick(rng, kinds);
    const scenarios = [...new Set(from.filter((s) => s.kind === kind).map((s) => s.scenario))];
    const scenario = pick(rng, scenarios);
    const here = from.filter((s) => s.kind === kind && s.scenario === scenario);
    take(here[below(rng, here.length)]);
  }
  return out;
}
