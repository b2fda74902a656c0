import { describe, expect, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/lessons/index.js';
import { Chalk } from 'chalk';
import { KINDS, SESSION, flawsOf, judge, letter, makeQuiz, mulberry32, parseAnswer, parseSeed, questionLines, specsFor, verdictLines, type Question } from '../src/quiz/index.js';
import { factsOf } from '../src/quiz/facts.js';
import { LOCATIONS, movesOf, refusalIn, run, type Event } from '../src/model/index.js';
import { describeStep } from '../src/i18n/describe.js';
import { MACHINE } from '../src/i18n/machine.js';
import type { Lang } from '../src/i18n/lang.js';
import { ROOT, zcopy } from './helpers/cli.js';
import type { KeyEntry } from '../src/quiz/render.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
const lessons = catalog.lessons;
const state = () => ({ XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'zcopy-quiz-')) });

const key = (args: string[], env: Record<string, string> = {}): KeyEntry[] => {
  const r = zcopy(['quiz', '--reveal', '--json', ...args], env);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

/** The figures of docs/MODEL.md, written here by hand. */
const MODEL: Record<string, Partial<Record<'cpuCopies' | 'dmaCopies' | 'modeSwitches' | 'syscalls', number>>> = {
  traditional: { cpuCopies: 2, dmaCopies: 2, modeSwitches: 4, syscalls: 2 },
  'traditional-nodma': { cpuCopies: 4, dmaCopies: 0, modeSwitches: 4, syscalls: 2 },
  mmap: { cpuCopies: 1, dmaCopies: 2, modeSwitches: 4, syscalls: 2 },
  sendfile: { cpuCopies: 1, dmaCopies: 2, modeSwitches: 2, syscalls: 1 },
  'sendfile-sg': { cpuCopies: 0, dmaCopies: 2, modeSwitches: 2, syscalls: 1 },
  // "Single-direction I/O modes (disk -> user buffer with read())": one read(), so one system call.
  'programmed-io': { cpuCopies: 2, dmaCopies: 0, modeSwitches: 2, syscalls: 1 },
  'interrupt-io': { cpuCopies: 2, dmaCopies: 0, modeSwitches: 2, syscalls: 1 },
  'dma-io': { cpuCopies: 1, dmaCopies: 1, modeSwitches: 2, syscalls: 1 },
  'direct-io': { cpuCopies: 0, dmaCopies: 1, modeSwitches: 2, syscalls: 1 },
  // "pipe() once, then splice(file -> pipe) and splice(pipe -> socket): 3 system calls, 6 mode switches", "0 CPU copies".
  splice: { cpuCopies: 0, modeSwitches: 6, syscalls: 3 },
};

/** docs/MODEL.md's per-transfer figures ("Phases"): what a steady-state program pays per chunk. */
const PER_CHUNK: typeof MODEL = {
  // "splice 2 calls and 4 mode switches per chunk with a pooled pipe"
  splice: { syscalls: 2, modeSwitches: 4 },
  // "user-level kernel bypass 0 system calls, 0 mode switches and 0 interrupts per packet"
  'kernel-bypass': { syscalls: 0, modeSwitches: 0 },
};

/** The figure docs/MODEL.md gives for a count question, if it gives one. */
const figureFor = (e: { scenario: string; counter: string | null; perTransfer: boolean }) =>
  (e.perTransfer ? PER_CHUNK : MODEL)[e.scenario]?.[e.counter as 'cpuCopies'];

describe('the seed', () => {
  test('the same seed gives the same quiz; different seeds give different quizzes', () => {
    const a = makeQuiz({ selected: lessons, catalog: lessons, count: 10, seed: 7, lang: 'en' });
    const b = makeQuiz({ selected: lessons, catalog: lessons, count: 10, seed: 7, lang: 'en' });
    expect(a).toHaveLength(10);
    expect(a.map((q) => [q.id, q.prompt, q.choices, q.answer])).toEqual(b.map((q) => [q.id, q.prompt, q.choices, q.answer]));
    const c = makeQuiz({ selected: lessons, catalog: lessons, count: 10, seed: 8, lang: 'en' });
    expect(c.map((q) => q.id)).not.toEqual(a.map((q) => q.id));
    expect(new Set(a.map((q) => q.id)).size).toBe(10);
  });

  test('the language changes the words, never the questions or the answers', () => {
    const en = makeQuiz({ selected: lessons, catalog: lessons, count: 20, seed: 99, lang: 'en' });
    const zh = makeQuiz({ selected: lessons, catalog: lessons, count: 20, seed: 99, lang: 'zh' });
    expect(zh.map((q) => [q.id, q.answer])).toEqual(en.map((q) => [q.id, q.answer]));
    expect(zh[0].prompt).not.toBe(en[0].prompt);
  });

  test('the CLI replays a seed: the same key twice, another key for another seed', () => {
    const first = key(['--seed', '7']);
    expect(key(['--seed', '7'])).toEqual(first);
    expect(key(['--seed', '8']).map((q) => q.id)).not.toEqual(first.map((q) => q.id));
  });

  test('mulberry32 is the documented generator (its published first output for seed 1)', () => {
    // mulberry32(1)() === 0.6270739405881613 in the reference implementation.
    expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 12);
  });

  test('a seed is a whole number from 0 to 2^32 - 1', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('4294967295')).toBe(4294967295);
    for (const bad of ['4294967296', '-1', '1.5', '7x', '', '1e3']) expect(parseSeed(bad)).toBeUndefined();
  });

  test('without --seed one is chosen and printed so the quiz can be replayed', () => {
    const r = zcopy(['quiz', '--reveal', '--count', '3']);
    const seed = r.stdout.match(/^Seed (\d+) \(replay this quiz with --seed \1\)$/m)?.[1];
    expect(seed).toBeDefined();
    const replay = zcopy(['quiz', '--reveal', '--count', '3', '--seed', seed!]);
    expect(replay.stdout).toBe(r.stdout);
    const json = zcopy(['quiz', '--reveal', '--json', '--count', '2']);
    expect(json.stderr).toMatch(/^zcopy: Seed \d+ \(replay this quiz with --seed \d+\)\n$/);
  });
});

describe('the answer key agrees with docs/MODEL.md', () => {
  test('every count answer, for every scenario docs/MODEL.md gives figures for, totals and per chunk', () => {
    const scenarios = [...new Set([...Object.keys(MODEL), ...Object.keys(PER_CHUNK)])];
    const entries = key(['--kind', 'counts', '--count', '100', '--seed', '1', '--scenario', ...scenarios]);
    let checked = 0;
    for (const e of entries) {
      expect(e.kind).toBe('counts');
      expect(e.choices).toEqual([]);
      const want = figureFor(e);
      if (want === undefined) continue;
      expect({ id: e.id, answer: e.answer }).toEqual({ id: e.id, answer: String(want) });
      checked++;
    }
    // Every figure of both tables above was asked and checked.
    const figures = (t: typeof MODEL) => Object.values(t).reduce((n, f) => n + Object.keys(f).length, 0);
    expect(checked).toBe(figures(MODEL) + figures(PER_CHUNK));
    // Per-chunk questions are asked only where the per-chunk figure is not the total.
    for (const e of entries.filter((x) => x.perTransfer)) {
      expect(entries.find((x) => x.id === e.id.replace(/:perTransfer$/, ''))!.answer).not.toBe(e.answer);
    }
  });

  test('the default `quiz --seed 7` key: each count answer matches its scenario figures', () => {
    const entries = key(['--seed', '7']);
    expect(entries).toHaveLength(10);
    let checked = 0;
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(
        ['answer', 'choices', 'counter', 'explanation', 'heading', 'id', 'kind', 'misconceptions', 'perTransfer', 'prompt', 'scenario'],
      );
      if (e.kind === 'counts') {
        const want = figureFor(e);
        if (want !== undefined) {
          expect({ id: e.id, answer: e.answer }).toEqual({ id: e.id, answer: String(want) });
          checked++;
        }
      } else {
        expect(e.answer).toMatch(/^[a-d]$/);
        expect(e.choices.length).toBeGreaterThan(1);
      }
    }
    // The key asked at least one figure docs/MODEL.md gives, so the check above checked something.
    expect(checked).toBeGreaterThanOrEqual(1);
  });

  test('"which makes fewer" follows the figures: sendfile makes 1 CPU copy fewer than traditional', () => {
    const entries = key(['--kind', 'fewer', '--scenario', 'sendfile', '--count', '100', '--seed', '3']);
    const q = entries.find((e) => e.id === 'fewer:cpuCopies:traditional:sendfile' || e.id === 'fewer:cpuCopies:sendfile:traditional')!;
    expect(q).toBeDefined();
    expect(q.choices[q.answer.charCodeAt(0) - 97]).toBe('sendfile, by 1');
  });

  test('"which fits": on a NIC that cannot gather only kernel bypass makes no CPU copy; a program that compresses with its own code is never answered with sendfile, splice or mmap', () => {
    const entries = key(['--kind', 'fits', '--count', '100', '--seed', '5']);
    // docs/MODEL.md, "Scale and what-if": without gather sendfile-sg becomes sendfile and splice and MSG_ZEROCOPY end in a CPU copy; kernel bypass has none.
    expect(entries.filter((x) => x.id.startsWith('fits:noScatterGather:')).map((x) => x.scenario)).toEqual(['kernel-bypass']);
    const sg = entries.find((e) => e.id === 'fits:noScatterGather:kernel-bypass')!;
    expect(sg.explanation).toMatch(/sendfile-sg makes 1 CPU copy on such a card|splice makes 1 CPU copy on such a card|msg-zerocopy makes 1 CPU copy on such a card/);
    // A socket as input: never a technique of another job (cow), never one that reads a file.
    for (const e of entries.filter((x) => x.id.startsWith('fits:socketInput:'))) {
      expect(['traditional', 'splice', 'msg-zerocopy', 'kernel-bypass']).toContain(e.scenario);
    }
    // No system call per chunk: only kernel bypass (docs/MODEL.md: 0 system calls per packet).
    expect(entries.filter((x) => x.id.startsWith('fits:noSyscallPerChunk:')).map((x) => x.scenario)).toEqual(['kernel-bypass']);
    // The program changes the bytes itself: kernel TLS on sendfile's path does not count, and mmap's output would be a new buffer.
    const modify = entries.filter((x) => x.id.startsWith('fits:modify:'));
    expect(modify.length).toBeGreaterThan(0);
    for (const e of modify) {
      expect(e.prompt).toMatch(/the program itself/);
      expect(e.choices).not.toContain('mmap');
      expect(['sendfile', 'sendfile-sg', 'splice', 'mmap']).not.toContain(e.choices[e.answer.charCodeAt(0) - 97]);
    }
    // A huge file: the techniques that bypass the page cache.
    for (const e of entries.filter((x) => x.id.startsWith('fits:hugeFile:'))) {
      expect(['direct-io', 'aio-direct']).toContain(e.choices[e.answer.charCodeAt(0) - 97]);
    }
    // A machine without DMA is hardware, not a technique a program chooses: never a choice.
    for (const e of entries) for (const hw of ['traditional-nodma', 'programmed-io', 'interrupt-io']) expect(e.choices).not.toContain(hw);
  });

  test('"who moves" at sendfile step 6 is the CPU; at step 3 the DMA', () => {
    const entries = key(['--kind', 'mover', '--scenario', 'sendfile', '--count', '100', '--seed', '1']);
    const at = (n: number) => entries.find((e) => e.id === `mover:sendfile:${n}`)!;
    expect(at(6).choices[at(6).answer.charCodeAt(0) - 97]).toBe('the CPU');
    expect(at(3).choices[at(3).answer.charCodeAt(0) - 97]).toBe('the DMA controller');
  });
});

const quizOf = (scenario: string, kinds: Question['kind'][]) =>
  makeQuiz({ selected: [catalog.find(scenario)!], catalog: lessons, kinds, count: 100, seed: 1, lang: 'en' });

describe('answers and misconceptions', () => {
  test('a letter, the choice text in any case, or a number', () => {
    const q = quizOf('sendfile', ['mover']).find((x) => x.id === 'mover:sendfile:6')!;
    expect(judge(q, 'a').right).toBe(true);
    expect(judge(q, ' A ').right).toBe(true);
    expect(judge(q, 'THE CPU').right).toBe(true);
    expect(judge(q, 'b').right).toBe(false);
    expect(judge(q, 'z').status).toBe('invalid');
    // A choice's place, counted from 1 (issue 21: piped, 3 for c was refused): 1 is a, the answer here.
    expect(judge(q, '1').right).toBe(true);
    expect(parseAnswer(q, '2')).toEqual({ choice: 1 });
    expect(judge(q, String(q.choices.length + 1)).status).toBe('invalid');
    // Where the choices are numbers, a number is that choice, never a place.
    const numbered = { ...q, choices: ['2', '4', '6', '8'] };
    expect(parseAnswer(numbered, '2')).toEqual({ choice: 0 });
    expect(parseAnswer(numbered, '3')).toBeUndefined();
    const c = quizOf('sendfile', ['counts']).find((x) => x.id === 'counts:sendfile:cpuCopies')!;
    expect(parseAnswer(c, '1')).toEqual({ number: 1 });
    expect(judge(c, '1').right).toBe(true);
    expect(judge(c, 'one').status).toBe('invalid');
  });

  test('CPU + DMA copies for the CPU copies: "counted the DMA copies as CPU copies", revisit both DMA steps', () => {
    const q = quizOf('traditional', ['counts']).find((x) => x.id === 'counts:traditional:cpuCopies')!;
    const v = judge(q, '4');
    expect(v.right).toBe(false);
    expect(v.misconception).toMatch(/^Counted the DMA copies as CPU copies/);
    // docs/MODEL.md: traditional makes 2 DMA copies, so the feedback cites two steps, each a DMA transfer of the lesson.
    const steps = 'steps' in v.revisit ? v.revisit.steps : [];
    expect(steps).toHaveLength(MODEL.traditional.dmaCopies!);
    expect(steps[0]).toBe(3);
    const events = catalog.find('traditional')!.steps.map((s) => s.event.type);
    for (const n of steps) expect(events[n - 1]).toBe('dmaTransfer');
    expect(v.revisit).toEqual({ scenario: 'traditional', steps });
  });

  test('the number of calls for the mode switches: "forgot that each system call costs two switches"', () => {
    const q = quizOf('sendfile', ['counts']).find((x) => x.id === 'counts:sendfile:modeSwitches')!;
    const v = judge(q, '1');
    expect(v.misconception).toMatch(/^Forgot that each system call costs two switches/);
    // The return from sendfile() is the switch that was forgotten.
    const sysret = catalog.find('sendfile')!.steps.findIndex((s) => s.event.type === 'sysret') + 1;
    expect(v.revisit).toEqual({ scenario: 'sendfile', steps: [sysret] });
    expect(judge(q, '7').misconception).toBeNull();
  });

  test('DMA for a CPU copy, and an interrupt counted as a mode switch, name their mistakes', () => {
    const m = quizOf('sendfile', ['mover']).find((x) => x.id === 'mover:sendfile:6')!;
    expect(judge(m, 'b').misconception).toMatch(/^Thought the DMA does this one/);
    const i = quizOf('sendfile', ['mode']).find((x) => x.id === 'mode:sendfile:5')!;
    expect(judge(i, 'b').misconception).toMatch(/^Counted an interrupt or a page fault as a mode switch/);
    expect(judge(i, 'd').right).toBe(true);
  });
});

describe('zcopy quiz through a pipe', () => {
  test('right answers on stdin score N/N', () => {
    const answers = key(['--seed', '7']).map((e) => e.answer);
    const r = zcopy(['quiz', '--seed', '7'], state(), answers.join('\n') + '\n');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Score: 10/10');
    expect(r.stdout.match(/^Right\.$/gm)).toHaveLength(10);
    expect(r.stdout).toMatch(/^Seed 7 \(replay this quiz with --seed 7\)$/m);
    expect(r.stderr).toBe('');
  });

  test('wrong answers score 0/N, each with the right answer, an explanation and a step to revisit', () => {
    const entries = key(['--seed', '7']);
    const wrong = entries.map((e) => (e.choices.length ? (e.answer === 'a' ? 'b' : 'a') : String(Number(e.answer) + 5)));
    const r = zcopy(['quiz', '--seed', '7'], state(), wrong.join('\n') + '\n');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Score: 0/10');
    expect(r.stdout.match(/^Wrong: the answer is /gm)).toHaveLength(10);
    // One step: the command names it; more than one: the steps are said before the command, which opens the first.
    expect(r.stdout.match(/^Revisit( steps (\d+, )*\d+ and \d+)?: zcopy (learn \S+( --step \d+)?|compare .+)$/gm)).toHaveLength(10);
    for (const e of entries) expect(r.stdout).toContain(e.explanation.split(' ').slice(0, 4).join(' '));
    expect(r.stdout).toMatch(/^Weakest topics:$/m);
  });

  test('stdin ending early scores what was answered, exit 0; no answer at all is no score, exit 1 (issue 21)', () => {
    const answers = key(['--seed', '7']).map((e) => e.answer);
    const r = zcopy(['quiz', '--seed', '7'], state(), answers.slice(0, 3).join('\n') + '\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Input ended: 7 questions left unanswered\.$/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Score: 3/3 (3 of 10 answered)');
    const zh = zcopy(['quiz', '--seed', '7', '--lang', 'zh'], state(), ['x', ...answers.slice(1, 3)].join('\n') + '\n');
    expect(zh.stdout.trimEnd().split('\n').at(-1)).toBe('得分：2/3（共 10 题，答了 3 题）');
    const none = zcopy(['quiz', '--seed', '7', '--count', '2'], state(), '');
    expect(none).toMatchObject({ code: 1, stderr: 'zcopy: no answers given, so no score (the quiz had 2 questions)\n' });
    expect(none.stdout).not.toMatch(/Score/);
    expect(zcopy(['quiz', '--count', '2', '--lang', 'zh'], state(), '').stderr).toBe('zcopy: 一道题也没有作答，没有得分（这套测验共 2 题）\n');
  });

  test('Chinese, and no line wider than 80 columns in either language', () => {
    for (const lang of ['en', 'zh']) {
      const r = zcopy(['quiz', '--seed', '11', '--count', '30', '--lang', lang], state(), 'a\n'.repeat(30));
      expect(r.code).toBe(0);
      if (lang === 'zh') expect(r.stdout).toContain('你的答案');
      for (const line of r.stdout.split('\n')) {
        let width = 0;
        for (const ch of line) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/.test(ch) ? 2 : 1;
        expect({ line, fits: width <= 80 }).toEqual({ line, fits: true });
      }
    }
  });

  test('--scenario and --kind narrow the quiz; a selection with few questions says so', () => {
    const entries = key(['--scenario', 'mmap', '--kind', 'counts', '--seed', '2']);
    // mmap() is set-up: per chunk, mmap makes 1 call and 2 mode switches fewer than its total.
    expect(entries.map((e) => e.id).sort()).toEqual([
      'counts:mmap:cpuCopies',
      'counts:mmap:dmaCopies',
      'counts:mmap:modeSwitches',
      'counts:mmap:modeSwitches:perTransfer',
      'counts:mmap:syscalls',
      'counts:mmap:syscalls:perTransfer',
    ]);
    const r = zcopy(['quiz', '--reveal', '--scenario', 'mmap', '--kind', 'counts', '--seed', '2']);
    expect(r.stderr).toBe('zcopy: Only 6 different questions fit this choice of scenarios and kinds (asked for 10).\n');
  });

  test('bad options: one line, exit 1', () => {
    const cases: [string[], RegExp][] = [
      [['--count', '0'], /--count must be a whole number from 1 to 100, not "0"/],
      [['--count', 'abc'], /--count must be a whole number/],
      [['--count', '101'], /from 1 to 100/],
      [['--count', '-5'], /--count must be a whole number from 1 to 100, not "-5"/],
      [['--count', '99999999999'], /from 1 to 100, not "99999999999"/],
      [['--seed', '1.5'], /--seed must be a whole number from 0 to 4294967295, not "1.5"/],
      [['--seed', '-3'], /--seed must be a whole number/],
      [['--kind', 'count'], /no question kind "count"; did you mean counts\?/],
      [['--scenario', 'sendfil'], /no scenario called "sendfil"; did you mean sendfile\?/],
      [['--json'], /needs --reveal/],
    ];
    for (const [args, message] of cases) {
      const r = zcopy(['quiz', ...args], state());
      expect({ args, code: r.code }).toEqual({ args, code: 1 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('questions that teach: no answer given away, none wrong', () => {
  const paint0 = new Chalk({ level: 0 });
  const lessonOf = (id: string) => catalog.find(id)!;
  const chosen = (q: Question) => q.choices[q.answer.charCodeAt(0) - 97];
  /** `text` names `id` as a word of its own ("sendfile()" names sendfile, not sendfile-sg). */
  const namesId = (text: string, id: string) => new RegExp(`(^|[^a-z0-9-])${id}(?![a-z0-9-])`, 'i').test(text);
  const MODE_WORDS = { en: ['user mode', 'kernel mode'], zh: ['用户态', '内核态'] };
  /**
   * FORMAT.md's meaning of each property, and docs/MODEL.md's scenarios, for each
   * situation: does a lesson fit it? Lessons neither offered nor answered
   * (hardware without DMA, mmap for compression) are listed apart.
   */
  const FITS: Record<string, (id: string) => boolean> = {
    modify: (id) => lessonOf(id).properties.canModify,
    socketInput: (id) => !lessonOf(id).properties.inputMustBeFile,
    noScatterGather: (id) => id === 'kernel-bypass',
    noSyscallPerChunk: (id) => id === 'kernel-bypass',
    hugeFile: (id) => id === 'direct-io' || id === 'aio-direct',
  };
  const NOT_OFFERED: Record<string, string[]> = {
    modify: ['mmap'],
  };
  const HARDWARE = ['traditional-nodma', 'programmed-io', 'interrupt-io'];
  const FIGURE_WORDS = { cpuCopies: 'CPU cop', dmaCopies: 'DMA cop', modeSwitches: 'mode switch' } as const;

  /** What is wrong with a question: its answer stated before it is asked, or an answer the references disagree with. */
  function problems(q: Question): string[] {
    const out: string[] = [];
    const header = questionLines(q, 1, 1, q.lang, 300, paint0)[0];
    const answer = chosen(q);
    switch (q.kind) {
      case 'fits':
      case 'reverse': {
        if (namesId(q.prompt, q.scenario)) out.push('the prompt names the answer');
        if (namesId(header, q.scenario)) out.push('the header names the answer');
        if (answer !== q.scenario) out.push('the answer is not the scenario');
        const job = lessonOf(q.scenario).job;
        // Serving readers from the page cache is the other way to read a file.
        const jobs = q.id.startsWith('fits:hugeFile:') ? [job, 'cache'] : [job];
        for (const c of q.choices) if (!jobs.includes(lessonOf(c).job)) out.push(`${c} does another job than ${q.scenario}`);
        if (q.kind === 'fits') {
          const fits = FITS[q.id.split(':')[1]];
          if (!fits) out.push(`no reference for ${q.id}`);
          else for (const c of q.choices) if (fits(c) !== (c === answer)) out.push(`${c} ${fits(c) ? 'fits' : 'does not fit'}`);
          for (const c of q.choices) if ([...HARDWARE, ...(NOT_OFFERED[q.id.split(':')[1]] ?? [])].includes(c)) out.push(`${c} is offered`);
        } else if (q.lang === 'en') {
          const figures = (q.perTransfer ? PER_CHUNK : MODEL)[q.scenario] ?? {};
          for (const [k, word] of Object.entries(FIGURE_WORDS)) {
            const n = figures[k as keyof typeof FIGURE_WORDS];
            if (n !== undefined && !new RegExp(`(^|\\D)${n} ${word}`).test(q.prompt)) out.push(`the prompt does not say ${n} ${word}`);
          }
        }
        break;
      }
      case 'mode':
        for (const w of MODE_WORDS[q.lang]) if (q.prompt.includes(w)) out.push(`the prompt says "${w}"`);
        break;
      case 'where':
      case 'next':
      case 'mover':
        if (q.prompt.includes(answer)) out.push(`the prompt contains the answer "${answer}"`);
        break;
      case 'counts': {
        const want = figureFor(q);
        if (want !== undefined && q.answer !== String(want)) out.push(`the answer ${q.answer} is not docs/MODEL.md's ${want}`);
        break;
      }
      case 'fewer': {
        const [, counter, a, b] = q.id.split(':');
        if (lessonOf(a).job !== lessonOf(b).job) out.push(`${a} and ${b} do different jobs`);
        const [na, nb] = [MODEL[a]?.[counter as 'cpuCopies'], MODEL[b]?.[counter as 'cpuCopies']];
        const want = na === nb ? 'neither: they make the same number' : `${na! < nb! ? a : b}, by ${Math.abs(na! - nb!)}`;
        if (q.lang === 'en' && !q.perTransfer && na !== undefined && nb !== undefined && answer !== want) {
          out.push(`the answer "${answer}" disagrees with docs/MODEL.md`);
        }
        break;
      }
    }
    return out;
  }
  const check = (questions: Question[]) => questions.map((q) => ({ id: q.id, lang: q.lang, problems: problems(q) })).filter((p) => p.problems.length);

  test('for 60 seeds, every question of every kind: no prompt or header states its answer, and the answer agrees with docs/MODEL.md and FORMAT.md', () => {
    for (const kind of KINDS) {
      const specs = specsFor(lessons, lessons, [kind]);
      expect({ kind, some: specs.length > 0 }).toEqual({ kind, some: true });
      // Kinds that draw nothing at random need one seed; the others get 60 (and 20 in Chinese); the properties below draw more.
      const random = ['next', 'where', 'fits', 'fewer', 'reverse'].includes(kind);
      for (const [lang, seeds] of [['en', random ? 60 : 1], ['zh', random ? 20 : 1]] as const) {
        for (let seed = 0; seed < seeds; seed++) {
          const rng = mulberry32(seed);
          expect(check(specs.map((s) => s.build(rng, lang)))).toEqual([]);
        }
      }
    }
  });

  test('the checks above can fail: a mode prompt that says the mode, and a header that names the answer, are caught', () => {
    const mode = quizOf('sendfile', ['mode']).find((q) => q.id === 'mode:sendfile:11')!;
    expect(problems({ ...mode, prompt: `${mode.prompt} (sendfile() returns to user mode)` })).toEqual(['the prompt says "user mode"']);
    const fits = makeQuiz({ selected: lessons, catalog: lessons, kinds: ['fits'], count: 1, seed: 1, lang: 'en' })[0];
    expect(problems({ ...fits, heading: fits.scenario })).toEqual(['the header names the answer']);
  });

  test('every choice of a "which fits" and a "which technique" question does the job of the situation', () => {
    const qs = makeQuiz({ selected: lessons, catalog: lessons, kinds: ['fits', 'reverse'], count: 100, seed: 4, lang: 'en' });
    expect(qs.length).toBeGreaterThan(20);
    for (const q of qs.filter((x) => !x.id.startsWith('fits:hugeFile:'))) {
      expect({ id: q.id, jobs: [...new Set(q.choices.map((c) => lessonOf(c).job))] }).toEqual({ id: q.id, jobs: [lessonOf(q.scenario).job] });
    }
    // The network situations offer send lessons only: no cow for "the input is a socket", no direct-io for "must change the data".
    for (const q of qs.filter((x) => /^fits:(modify|socketInput|noScatterGather|noSyscallPerChunk):/.test(x.id))) {
      for (const c of q.choices) expect(lessonOf(c).job).toBe('send');
    }
  });

  test('"which makes fewer" compares only scenarios of the same job', () => {
    const qs = makeQuiz({ selected: lessons, catalog: lessons, kinds: ['fewer'], count: 100, seed: 9, lang: 'en' });
    expect(qs.length).toBeGreaterThan(50);
    for (const q of qs) {
      const [, , a, b] = q.id.split(':');
      expect({ id: q.id, same: lessonOf(a).job === lessonOf(b).job }).toEqual({ id: q.id, same: true });
    }
  });

  test('"which technique is it": a trace and counters, per chunk where set-up makes them differ', () => {
    const qs = makeQuiz({ selected: lessons, catalog: lessons, kinds: ['reverse'], count: 100, seed: 2, lang: 'en' });
    const perChunk = qs.find((q) => q.id === 'reverse:kernel-bypass:perTransfer')!;
    // docs/MODEL.md: per packet 0 system calls, 0 mode switches, 0 interrupts.
    expect(perChunk.perTransfer).toBe(true);
    expect(perChunk.prompt).toMatch(/every chunk: no system call\. Per chunk: 0 CPU copies, 2 DMA copies, 0 mode switches, 0 interrupts/);
    // sendfile-sg's trace is sendfile(): sendfile is offered, and its CPU copy tells them apart.
    const sg = qs.find((q) => q.id === 'reverse:sendfile-sg:total')!;
    expect(sg.prompt).toMatch(/sendfile\(\)/);
    expect(sg.choices).toContain('sendfile');
    expect(sg.explanation).toMatch(/sendfile would show 1 CPU copy/);
    // splice's trace would name it: only the number of calls is given.
    const splice = qs.find((q) => q.id === 'reverse:splice:total')!;
    expect(splice.prompt).toMatch(/3 system calls \(names withheld\)\. In all: 0 CPU copies, 2 DMA copies, 6 mode switches/);
  });

  test('a quiz of 50 questions, on any seed and in either language, has no answer given away or wrong', () => {
    for (let seed = 0; seed < 40; seed++) {
      const lang = seed % 4 === 3 ? 'zh' : 'en';
      const qs = makeQuiz({ selected: lessons, catalog: lessons, count: 50, seed: seed * 7919, lang });
      expect(qs).toHaveLength(50);
      expect(check(qs)).toEqual([]);
    }
  });
});

describe('every question has exactly one defensible answer (issue 19, section 4)', () => {
  const factsBy = new Map(lessons.map((l) => [l.id, factsOf(l)]));
  const facts = (id: string) => factsBy.get(id)!;
  const stepOf = (q: Question) => Number(q.id.split(':').at(-1));
  const chosen = (q: Question) => q.choices[q.answer.charCodeAt(0) - 97];
  const wrongChoices = (q: Question) => q.choices.filter((_, i) => letter(i) !== q.answer);
  const names = [...new Set(lessons.flatMap((l) => run(l).at(-1)!.syscallLog))];

  /** Every description of a move the model accepts in `state`, of the event types asked for (memoised: the model answers the same every time). */
  const legalTexts = new Map<string, Set<string>>();
  const legalOf = (id: string, k: number, type: Event['type'], lang: Lang) => {
    const key = `${id}:${k}:${type}`;
    if (!legalTexts.has(`${key}:${lang}`)) {
      const state = facts(id).timeline[k];
      const { moves } = movesOf(state, type, names);
      for (const l of ['en', 'zh'] as const) legalTexts.set(`${key}:${l}`, new Set(moves.map((m) => describeStep(state, m.next, m.event, l))));
    }
    return legalTexts.get(`${key}:${lang}`)!;
  };

  /** The kind's own property, checked against the model's timeline (never the generator's reasoning). */
  function problems(q: Question): string[] {
    const out = flawsOf(q);
    const f = facts(q.scenario);
    switch (q.kind) {
      case 'next': {
        // Every wrong choice is a step of the lesson whose event the model refuses after step k, and no legal move reads like it.
        const k = stepOf(q);
        const before = f.timeline[k];
        const textOf = (s: number) => describeStep(f.timeline[s - 1], f.timeline[s], f.lesson.steps[s - 1].event, q.lang);
        if (chosen(q) !== textOf(k + 1)) out.push('the answer is not the next step');
        for (const c of wrongChoices(q)) {
          const s = f.lesson.steps.findIndex((_, i) => textOf(i + 1) === c) + 1;
          if (s === 0) {
            out.push(`"${c}" is no step of ${q.scenario}`);
            continue;
          }
          const event = f.lesson.steps[s - 1].event;
          if (refusalIn(before, event) === null) out.push(`"${c}" is a legal move after step ${k}`);
          // "The DMA raises an interrupt" beside "the NIC raises an interrupt" asks which name a learner gives the NIC's DMA engine (issue 21).
          const answer = f.lesson.steps[k].event.type;
          if (event.type === answer && (answer === 'raiseInterrupt' || answer === 'handleInterrupt')) out.push(`"${c}" differs from the answer only in which device's completion it is`);
          if (legalOf(q.scenario, k, event.type, q.lang).has(c)) out.push(`a legal move after step ${k} reads "${c}"`);
        }
        break;
      }
      case 'mover': {
        const n = stepOf(q);
        const t = f.timeline[n].transfer!;
        const held = f.timeline[n - 1].places[t.from].map((h) => h.block);
        if (!t.blocks.length) out.push('no blocks move');
        if (!t.blocks.every((b) => held.includes(b))) out.push(`the ${t.from} did not hold ${t.blocks.join(' ')} before the step`);
        break;
      }
      case 'where': {
        const s = f.timeline[stepOf(q)];
        const placeOf = (label: string) => LOCATIONS.find((l) => MACHINE[q.lang].place[l] === label)!;
        if (!s.places[placeOf(chosen(q))].some((h) => h.as === 'data')) out.push(`the answer ${chosen(q)} holds no payload bytes`);
        for (const c of wrongChoices(q)) if (s.places[placeOf(c)].length) out.push(`the wrong choice ${c} holds something`);
        break;
      }
      case 'mode': {
        const n = stepOf(q);
        const [from, to] = [f.timeline[n - 1].cpu.mode, f.timeline[n].cpu.mode];
        const counted = f.timeline[n].counts.modeSwitches > f.timeline[n - 1].counts.modeSwitches;
        for (const c of q.choices) if (!/counted|计入/.test(c)) out.push(`the choice "${c}" does not ask whether a switch is counted`);
        // docs/MODEL.md: faults and interrupts taken from user mode do enter the kernel; the explanation must not deny it.
        if (!counted && from === 'user' && to === 'kernel' && !/does enter the kernel|确实会进入内核/.test(q.explanation)) out.push('the explanation does not say the trap entered the kernel');
        if (!counted && from === 'kernel' && to === 'user' && !/does leave the kernel|确实离开了内核/.test(q.explanation)) out.push('the explanation does not say the return left the kernel');
        if (/only system calls switch modes|只有系统调用才算/.test(q.explanation)) out.push('the explanation says only system calls switch modes');
        break;
      }
      case 'fewer': {
        const [, counter, a, b] = q.id.split(':');
        const scope = q.perTransfer ? 'perTransfer' : 'total';
        const count = (id: string) => (scope === 'total' ? facts(id).end.counts : facts(id).phases.perTransfer)[counter as 'cpuCopies'];
        const same = q.lang === 'en' ? 'neither: they make the same number' : '一样多';
        if (!q.choices.includes(same)) out.push('"the same" is not offered');
        if ((count(a) === count(b)) !== (chosen(q) === same)) out.push(`"${chosen(q)}" is not the answer to ${count(a)} against ${count(b)}`);
        if (!(q.lang === 'en' ? /^(Once set up, per chunk|For one chunk, set-up included)/ : /^(做完准备工作之后，每段数据|传一段数据（含准备工作）)/).test(q.prompt)) out.push('the prompt does not say per chunk or one chunk');
        break;
      }
    }
    return out;
  }
  const check = (qs: Question[]) => qs.map((q) => ({ id: q.id, lang: q.lang, problems: problems(q) })).filter((p) => p.problems.length);

  test('every question of every kind, over many seeds in both languages, has one answer, no legal or empty choice, and its texts', () => {
    let asked = 0;
    for (const kind of KINDS) {
      const specs = specsFor(lessons, lessons, [kind]);
      expect({ kind, some: specs.length > 0 }).toEqual({ kind, some: true });
      const random = ['next', 'where', 'fits', 'fewer', 'reverse'].includes(kind);
      for (const lang of ['en', 'zh'] as const) {
        for (let seed = 0; seed < (random ? 25 : 1); seed++) {
          const rng = mulberry32(seed * 2654435761);
          const qs = specs.map((s) => s.build(rng, lang));
          asked += qs.length;
          expect(check(qs)).toEqual([]);
        }
      }
    }
    expect(asked).toBeGreaterThan(10000);
  });

  test('the checks can fail: a legal next move, an empty block list, a distractor that holds the bytes, a mode question that denies a trap enters the kernel', () => {
    const next = makeQuiz({ selected: [catalog.find('traditional')!], catalog: lessons, kinds: ['next'], count: 100, seed: 1, lang: 'en' }).find((q) => q.id === 'next:traditional:7')!;
    // After read() returns (step 7) the program may run, or call write(): both are legal.
    const legal = { ...next, choices: next.choices.map((c, i) => (letter(i) === next.answer || i !== (next.answer === 'a' ? 1 : 0) ? c : 'the program runs in user mode')) };
    expect(problems(legal).join()).toMatch(/is a legal move after step 7/);
    expect(flawsOf({ ...next, prompt: 'the payload [] goes from the NIC to the user buffer' })).toEqual(['an empty block list in "the payload [] goes from the NIC to the user buffer"']);
    const where = makeQuiz({ selected: [catalog.find('sendfile')!], catalog: lessons, kinds: ['where'], count: 100, seed: 1, lang: 'en' })[0];
    expect(problems({ ...where, choices: where.choices.map((c, i) => (letter(i) === where.answer ? c : 'disk')) }).join()).toMatch(/the wrong choice disk holds something/);
    // cow step 4: the program's own touch faults from user mode (docs/MODEL.md, "Counting rules").
    const mode = makeQuiz({ selected: [catalog.find('cow')!], catalog: lessons, kinds: ['mode'], count: 100, seed: 1, lang: 'en' }).find((q) => q.id === 'mode:cow:4')!;
    expect(problems(mode)).toEqual([]);
    expect(problems({ ...mode, explanation: 'After step 4 the CPU is in kernel mode; no mode switch is counted here (only system calls switch modes).' })).toEqual([
      'the explanation does not say the trap entered the kernel',
      'the explanation says only system calls switch modes',
    ]);
    const zh = { ...mode, lang: 'zh' as const, prompt: '磁盘 发出中断。', explanation: '第 4 步之后：CPU 处于内核态。 下一步' };
    expect(flawsOf({ ...zh, choices: ['内核态，不计入模式切换', 'a', 'b', 'c'] })).toEqual([
      'a stray space between Chinese characters: "磁盘 发出中断。"',
      'a space after 。: "第 4 步之后：CPU 处于内核态。 下一步"',
    ]);
  });

  test('a trap from user mode: the CPU enters the kernel, and no mode switch is counted (docs/MODEL.md, "Counting rules")', () => {
    for (const lang of ['en', 'zh'] as const) {
      const q = makeQuiz({ selected: [catalog.find('cow')!], catalog: lessons, kinds: ['mode'], count: 100, seed: 1, lang }).find((x) => x.id === 'mode:cow:4')!;
      expect(chosen(q)).toBe(lang === 'en' ? 'kernel mode, not counted as a mode switch' : '内核态，不计入模式切换');
      expect(q.explanation).toMatch(lang === 'en' ? /does enter the kernel, but it is not counted/ : /确实会进入内核，但不计为模式切换/);
    }
  });

  test('"which makes fewer" says its scope, and "the same" is the answer where it is the truth: per chunk mmap and sendfile each make one call', () => {
    // docs/MODEL.md, "What real programs do": per chunk mmap + write makes write() alone, sendfile sendfile() alone; for one chunk mmap adds mmap().
    const qs = makeQuiz({ selected: [catalog.find('mmap')!], catalog: lessons, kinds: ['fewer'], count: 100, seed: 2, lang: 'en' });
    const perChunk = qs.find((q) => q.id === 'fewer:syscalls:mmap:sendfile:perTransfer')!;
    expect(perChunk.prompt).toMatch(/^Once set up, per chunk/);
    expect(chosen(perChunk)).toBe('neither: they make the same number');
    const total = qs.find((q) => q.id === 'fewer:syscalls:mmap:sendfile')!;
    expect(total.prompt).toMatch(/^For one chunk, set-up included/);
    expect(chosen(total)).toBe('sendfile, by 1');
  });

  test('--size asks about the whole file only for lessons that make calls per chunk (not cow, not kernel bypass)', () => {
    const qs = makeQuiz({ selected: lessons, catalog: lessons, kinds: ['counts'], count: 100, seed: 3, lang: 'en', scale: { size: 1 << 20, chunk: 1 << 16 } });
    const byFile = new Set(qs.filter((q) => q.scale).map((q) => q.scenario));
    expect(byFile.has('cow')).toBe(false);
    expect(byFile.has('kernel-bypass')).toBe(false);
    expect(byFile.has('traditional')).toBe(true);
    // They are still asked about, one chunk at a time.
    expect(qs.some((q) => q.scenario === 'cow' && !q.scale)).toBe(true);
  });

  test('who moves the bytes: never an empty block list, never "from the page cache" before anything is cached', () => {
    const ids = makeQuiz({ selected: lessons, catalog: lessons, kinds: ['mover'], count: 100, seed: 1, lang: 'en' }).map((q) => q.id);
    // kernel-bypass maps device registers (no payload); mmap and cow map the file before it is read.
    for (const id of ['mover:kernel-bypass:2', 'mover:kernel-bypass:3', 'mover:mmap:2', 'mover:cow:2']) expect(ids).not.toContain(id);
  });

  test('a right answer is followed by its explanation in the piped quiz', () => {
    const entries = key(['--seed', '7', '--count', '3']);
    const r = zcopy(['quiz', '--seed', '7', '--count', '3'], state(), entries.map((e) => e.answer).join('\n') + '\n');
    for (const e of entries) expect(r.stdout).toContain(`Right.\n${e.explanation.split(' ').slice(0, 4).join(' ')}`);
  });
});

describe('feedback cites every step the answer rests on (issue 21)', () => {
  const wrongOf = (q: Question) => (q.choices.length ? letter((q.answer.charCodeAt(0) - 96) % q.choices.length) : String(Number(q.answer) + 1));
  const dmaSteps = (id: string) => catalog.find(id)!.steps.flatMap((s, i) => (s.event.type === 'dmaTransfer' ? [i + 1] : []));

  test('a count that rises at two steps cites both, in the CLI and in both languages', () => {
    // docs/MODEL.md: sendfile makes 2 DMA copies.
    for (const lang of ['en', 'zh'] as const) {
      const q = makeQuiz({ selected: [catalog.find('sendfile')!], catalog: lessons, kinds: ['counts'], count: 100, seed: 1, lang }).find((x) => x.id === 'counts:sendfile:dmaCopies')!;
      expect(q.answer).toBe(String(MODEL.sendfile.dmaCopies));
      const steps = 'steps' in q.revisit ? q.revisit.steps : [];
      expect(steps).toHaveLength(MODEL.sendfile.dmaCopies!);
      expect(steps.every((n) => dmaSteps('sendfile').includes(n))).toBe(true);
      const [a, b] = steps;
      const lines = verdictLines(q, judge(q, '5'), lang, 80, new Chalk({ level: 0 })).join('\n');
      expect(lines).toContain(lang === 'en' ? `Revisit steps ${a} and ${b}: zcopy learn sendfile --step ${a}` : `复习第 ${a} 步和第 ${b} 步：zcopy learn sendfile --step ${a}`);
    }
    const r = zcopy(['quiz', '--scenario', 'sendfile', '--kind', 'counts', '--seed', '1', '--count', '5'], state(), '9\n'.repeat(5));
    expect(r.stdout).toMatch(/^Revisit steps \d+ and \d+: zcopy learn sendfile --step \d+$/m);
  });

  test('a count that rises at one step cites one, as a command alone', () => {
    // docs/MODEL.md: sendfile makes 1 CPU copy.
    const q = quizOf('sendfile', ['counts']).find((x) => x.id === 'counts:sendfile:cpuCopies')!;
    expect('steps' in q.revisit && q.revisit.steps).toHaveLength(MODEL.sendfile.cpuCopies!);
    expect(verdictLines(q, judge(q, '0'), 'en', 80, new Chalk({ level: 0 })).at(-1)).toMatch(/^Revisit: zcopy learn sendfile --step \d+$/);
  });

  test('"what happens next": a wrong choice cites the step that comes next and the step the choice is', () => {
    let checked = 0;
    for (const q of makeQuiz({ selected: lessons, catalog: lessons, kinds: ['next'], count: 30, seed: 5, lang: 'en' })) {
      const k = Number(q.id.split(':')[2]);
      const v = judge(q, wrongOf(q));
      const around = Number(/around step (\d+)/.exec(v.misconception ?? '')![1]);
      expect(v.revisit).toEqual({ scenario: q.scenario, steps: [k + 1, around].sort((x, y) => x - y) });
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  test('"where is the payload": a place emptied earlier cites the step that emptied it and this one', () => {
    let drained = 0;
    for (const q of makeQuiz({ selected: lessons, catalog: lessons, kinds: ['where'], count: 100, seed: 2, lang: 'en' })) {
      const n = Number(q.id.split(':')[2]);
      for (let c = 0; c < q.choices.length; c++) {
        const v = judge(q, letter(c));
        const last = /still held the bytes after step (\d+)/.exec(v.misconception ?? '');
        if (!last) continue;
        drained++;
        expect(v.revisit).toEqual({ scenario: q.scenario, steps: [...new Set([Number(last[1]) + 1, n])] });
      }
    }
    expect(drained).toBeGreaterThan(0);
  });

  test('the steps read as a list in each language: "steps 3, 5 and 8", "第 3 步、第 5 步和第 8 步"', () => {
    expect(SESSION.en.revisit('zcopy learn x --step 3', [3, 5, 8])).toBe('Revisit steps 3, 5 and 8: zcopy learn x --step 3');
    expect(SESSION.zh.revisit('zcopy learn x --step 3', [3, 5, 8])).toBe('复习第 3 步、第 5 步和第 8 步：zcopy learn x --step 3');
    expect(SESSION.en.revisit('zcopy learn x --step 3', [3])).toBe('Revisit: zcopy learn x --step 3');
  });
});

describe('long numbers are grouped in the text, plain in JSON (issue 21)', () => {
  test('a 1 TiB file: the answer and the explanation read 16,777,216; the JSON key keeps 16777216', () => {
    // 1 TiB in 64 KiB chunks is 2^40 / 2^16 = 16,777,216 chunks; dma-io makes 1 DMA copy per chunk (docs/MODEL.md).
    const args = ['quiz', '--scenario', 'dma-io', '--kind', 'counts', '--size', '1TiB', '--seed', '1', '--count', '4'];
    const entry = key(args.slice(1)).find((e) => e.id === 'counts:dma-io:dmaCopies:file')!;
    expect(entry.answer).toBe('16777216');
    expect(entry.explanation).toContain('16,777,216 chunks');
    const shown = zcopy([...args, '--reveal']);
    expect(shown.stdout).toMatch(/^Answer: 16,777,216$/m);
    expect(shown.stdout).not.toMatch(/\d{5}/);
    const zh = zcopy([...args, '--reveal', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/^答案：16,777,216$/m);
    // Typed as printed or plain, the answer is right.
    const piped = zcopy(args, state(), `16,777,216\n16777216\n\n\n`);
    expect(piped.stdout.match(/^Right\.$/gm)?.length ?? 0).toBeGreaterThanOrEqual(1);
    const q = makeQuiz({ selected: [catalog.find('dma-io')!], catalog: lessons, kinds: ['counts'], count: 100, seed: 1, lang: 'en', scale: { size: 2 ** 40, chunk: 2 ** 16 } }).find((x) => x.id === 'counts:dma-io:dmaCopies:file')!;
    for (const typed of ['16,777,216', '16777216', '16，777，216']) expect(judge(q, typed).right).toBe(true);
    expect(judge(q, '16,77,7216').status).toBe('invalid');
  });
});
