import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { lessonFilesIn, loadLessonFile, type Lesson } from '../src/lessons/index.js';
import { combinations, countsByPhase, knobFlags, run, type Counters } from '../src/model/index.js';
import { knobsTaken, varied } from '../src/lessons/index.js';
import { LANGS, type Lang } from '../src/i18n/lang.js';
import { ROOT } from './helpers/cli.js';

/*
 * Lessons never state a count as data (the engine derives every counter), but their narration
 * does in prose: "mode switch number four", "Total: 2 CPU copies, ...", "第二次 DMA 拷贝". Those
 * sentences go stale silently whenever the engine's counting changes, so this file reads them
 * back and holds each against the engine's counters at the step that says it.
 */

type Key = keyof Counters;

/** What a figure in the prose is checked against. */
type Scope = 'so far' | 'per chunk';

/** One number the narration states, attributed to a counter. */
export interface Claim {
  key: Key;
  value: number;
  scope: Scope;
  /** The words that stated it, for the failure message. */
  said: string;
}

/** A figure the parser saw but could not attribute to a counter: the test fails on it. */
export interface Unread {
  said: string;
  why: string;
}

// Longest names first where one is a prefix of another's context (none today, but the
// alternation is tried in this order).
const NOUNS: Record<Lang, [string, Key][]> = {
  en: [
    ['CPU cop(?:y|ies)', 'cpuCopies'],
    ['DMA cop(?:y|ies)', 'dmaCopies'],
    ['descriptor cop(?:y|ies)', 'descriptorCopies'],
    ['mode switch(?:es)?', 'modeSwitches'],
    ['system calls?', 'syscalls'],
    ['interrupts?', 'interrupts'],
    // The lessons say "the second fault returns" for a page fault; no other fault is counted.
    ['(?:page )?faults?', 'pageFaults'],
  ],
  zh: [
    ['CPU\\s*拷贝', 'cpuCopies'],
    ['DMA\\s*拷贝', 'dmaCopies'],
    ['描述符拷贝', 'descriptorCopies'],
    ['模式切换', 'modeSwitches'],
    ['系统调用', 'syscalls'],
    ['中断', 'interrupts'],
    ['缺页', 'pageFaults'],
  ],
};

const nounAlternation = (lang: Lang) => NOUNS[lang].map(([re]) => `(${re})`).join('|');

function keyOfNoun(lang: Lang, words: string): Key | undefined {
  return NOUNS[lang].find(([re]) => new RegExp(`^(?:${re})$`, 'i').test(words))?.[1];
}

const EN_CARDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const EN_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

function enNumber(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : EN_CARDINALS.indexOf(word.toLowerCase());
}

const ZH_DIGITS = '零一二三四五六七八九';
/** 一 .. 九十九, and Arabic digits, which the Chinese totals use. */
function zhNumber(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  const w = word.replace('两', '二');
  const [tens, ones] = w.includes('十') ? w.split('十') : ['零', w];
  return (tens === '' ? 1 : ZH_DIGITS.indexOf(tens)) * 10 + (ones === '' ? 0 : ZH_DIGITS.indexOf(ones));
}

/** Sentences, then clauses: a total and a per-chunk figure may share a sentence across a semicolon. */
function clauses(lang: Lang, text: string): string[] {
  const sentences = lang === 'en' ? text.split(/(?<=[.!?])\s+(?=[A-Z(])/) : text.split(/(?<=[。！？])/);
  return sentences.flatMap((s) => s.split(/[;；]/)).map((s) => s.trim()).filter(Boolean);
}

// Where a clause starts stating totals or per-chunk figures; the figures are what follows the marker.
const MARKERS: Record<Lang, [RegExp, Scope][]> = {
  en: [
    // "Total for two consumers:": page-cache's totals name whose they are, as a reader count changes them.
    [/\b(?:Total(?: for [^:.]+)?:|In total,?)/i, 'so far'],
    [/\b(?:each|every) further chunk\b|\bper chunk\b/i, 'per chunk'],
  ],
  zh: [
    [/合计[：:]?|总计[：:]?|一共/, 'so far'],
    [/之后每|此后每/, 'per chunk'],
  ],
};

/**
 * Every figure in the part of a clause after a total or per-chunk marker. A digit must be
 * followed by a counter's name (English) or by 次 and a counter's name (Chinese), else it is
 * reported as unread; number words are read when a counter follows them (so "one page" in an
 * aside is not a figure), and "no interrupt" after a per-chunk marker states 0.
 */
function markedFigures(lang: Lang, clause: string): { claims: Claim[]; unread: Unread[] } {
  const claims: Claim[] = [];
  const unread: Unread[] = [];
  for (const [marker, scope] of MARKERS[lang]) {
    const m = marker.exec(clause);
    if (!m) continue;
    const rest = clause.slice(m.index + m[0].length);
    const before = claims.length;
    if (lang === 'en') {
      const figure = new RegExp(`\\b(\\d+|${EN_CARDINALS.join('|')}|no)\\s+(${nounAlternation('en')})?`, 'gi');
      for (const f of rest.matchAll(figure)) {
        const isDigit = /^\d+$/.test(f[1]);
        if (!f[2]) {
          if (isDigit) unread.push({ said: rest.slice(f.index, f.index + 30), why: 'a number not followed by a counter' });
          continue;
        }
        const key = keyOfNoun('en', f[2])!;
        const value = f[1].toLowerCase() === 'no' ? 0 : enNumber(f[1]);
        claims.push({ key, value, scope, said: f[0] });
      }
    } else {
      const figure = new RegExp(`(\\d+|[零一二两三四五六七八九十]+)\\s*次\\s*(${nounAlternation('zh')})?|没有\\s*(${nounAlternation('zh')})`, 'g');
      for (const f of rest.matchAll(figure)) {
        if (f[0].startsWith('没有')) {
          claims.push({ key: keyOfNoun('zh', f[0].slice(2).trim())!, value: 0, scope, said: f[0] });
          continue;
        }
        if (!f[2]) {
          if (/^\d+$/.test(f[1])) unread.push({ said: rest.slice(f.index, f.index + 20), why: '“次” not followed by a counter' });
          continue;
        }
        claims.push({ key: keyOfNoun('zh', f[2])!, value: zhNumber(f[1]), scope, said: f[0] });
      }
      for (const d of rest.matchAll(/\d+(?!\s*次)(?![\d.])/g)) {
        unread.push({ said: rest.slice(d.index, d.index + 20), why: 'a number without 次' });
      }
    }
    if (claims.length === before) unread.push({ said: clause, why: `a ${scope === 'so far' ? 'total' : 'per-chunk'} marker with no figure read after it` });
  }
  return { claims, unread };
}

/** "mode switch number four", "the second and last mode switch", "第二次也是最后一次模式切换". */
function ordinals(lang: Lang, text: string): { claims: Claim[]; unread: Unread[] } {
  const claims: Claim[] = [];
  const unread: Unread[] = [];
  const nouns = nounAlternation(lang);
  if (lang === 'en') {
    const numbered = new RegExp(`(?:(${nouns})\\s+)?number\\s+(\\d+|${EN_CARDINALS.join('|')})\\b`, 'gi');
    for (const m of text.matchAll(numbered)) {
      const noun = m.slice(1, -1).find(Boolean);
      if (!noun) unread.push({ said: m[0], why: '"number N" after no counter' });
      else claims.push({ key: keyOfNoun('en', noun)!, value: enNumber(m.at(-1)!), scope: 'so far', said: m[0] });
    }
    const ordinal = new RegExp(`\\b(${EN_ORDINALS.slice(1).join('|')})(?:\\s+and\\s+(?:last|final))?\\s+(?:(${nouns})\\b|(copy|switch|call|DMA|CPU)\\b)`, 'gi');
    for (const m of text.matchAll(ordinal)) {
      const value = EN_ORDINALS.indexOf(m[1].toLowerCase());
      const ambiguous = m.at(-1);
      if (ambiguous) {
        unread.push({ said: m[0], why: 'an ordinal before a word that names no single counter' });
        continue;
      }
      const noun = m.slice(2, -1).find(Boolean)!;
      claims.push({ key: keyOfNoun('en', noun)!, value, scope: 'so far', said: m[0] });
    }
  } else {
    const ordinal = new RegExp(
      `第\\s*(\\d+|[一二三四五六七八九十]+)\\s*次(?:也是最后一次)?\\s*(?:(${nouns})|(拷贝|复制|切换|调用|DMA(?!\\s*拷贝)|CPU(?!\\s*拷贝)))`,
      'g',
    );
    for (const m of text.matchAll(ordinal)) {
      if (m.at(-1)) {
        unread.push({ said: m[0], why: 'an ordinal before a word that names no single counter' });
        continue;
      }
      const noun = m.slice(2, -1).find(Boolean)!;
      claims.push({ key: keyOfNoun('zh', noun)!, value: zhNumber(m[1]), scope: 'so far', said: m[0] });
    }
  }
  return { claims, unread };
}

/** Every figure one step's narration states in one language, and every figure it could not read. */
export function readNarration(lang: Lang, text: string): { claims: Claim[]; unread: Unread[] } {
  const found = [ordinals(lang, text), ...clauses(lang, text).map((c) => markedFigures(lang, c))];
  return { claims: found.flatMap((f) => f.claims), unread: found.flatMap((f) => f.unread) };
}

const LESSONS: Lesson[] = lessonFilesIn(join(ROOT, 'lessons')).map((f) => loadLessonFile(f));

describe('the parser reads what the lessons write', () => {
  test('totals, ordinals and per-chunk figures in English', () => {
    const { claims, unread } = readNarration(
      'en',
      'write() returns: mode switch number four. Total: 2 CPU copies, 1 DMA copy, 3 system calls (pipe, splice), 2 interrupts and 1 page fault; each further chunk costs 4 mode switches and no interrupt. The third page fault, the second and last mode switch.',
    );
    expect(unread).toEqual([]);
    expect(claims.map(({ key, value, scope }) => `${scope} ${key}=${value}`)).toEqual([
      'so far modeSwitches=4',
      'so far pageFaults=3',
      'so far modeSwitches=2',
      'so far cpuCopies=2',
      'so far dmaCopies=1',
      'so far syscalls=3',
      'so far interrupts=2',
      'so far pageFaults=1',
      'per chunk modeSwitches=4',
      'per chunk interrupts=0',
    ]);
  });

  test('totals and ordinals in Chinese', () => {
    const { claims, unread } = readNarration('zh', '第二次也是最后一次模式切换。合计：0 次 CPU 拷贝、2 次 DMA 拷贝、3 次缺页；之后每一段只需 2 次系统调用。第十二次中断。');
    expect(unread).toEqual([]);
    expect(claims.map(({ key, value, scope }) => `${scope} ${key}=${value}`)).toEqual([
      'so far modeSwitches=2',
      'so far interrupts=12',
      'so far cpuCopies=0',
      'so far dmaCopies=2',
      'so far pageFaults=3',
      'per chunk syscalls=2',
    ]);
  });

  test('a figure it cannot attribute is reported, not skipped', () => {
    expect(readNarration('en', 'Total: 0 CPU copies, 1 reference move.').unread.map((u) => u.said)).toEqual([expect.stringContaining('1 reference move')]);
    expect(readNarration('en', 'Total: nothing at all.').unread).toHaveLength(1);
    expect(readNarration('en', 'This is number two.').unread).toHaveLength(1);
    expect(readNarration('en', 'The second copy lands.').unread).toHaveLength(1);
    expect(readNarration('zh', '合计：2 次不体现在模式切换里的缺页。').unread[0].said).toContain('2 次不体现');
    expect(readNarration('zh', '合计：一切照旧。').unread).toHaveLength(1);
    expect(readNarration('zh', '这是第二次拷贝。').unread).toHaveLength(1);
  });

  test('ordinary uses of ordinals are not figures', () => {
    expect(readNarration('en', 'The first splice() returns; the first two blocks; the second consumer.')).toEqual({ claims: [], unread: [] });
    expect(readNarration('zh', '第一次 splice() 返回；第一次读付出了代价。')).toEqual({ claims: [], unread: [] });
  });
});

/** The reader counts read back: one (no block of reader steps), as written, and two and three blocks more than one. */
const READER_COUNTS = [1, 2, 3, 4];

/**
 * Each lesson as written and in every variant of the knobs it answers to (`--cache warm`,
 * `--nic nosg`, one to four readers), as the CLI runs it: every step shown is narrated, so
 * every figure its narration states is read.
 */
const VARIANTS = LESSONS.flatMap((l) =>
  combinations(knobsTaken(l).filter((k) => k !== 'readers'))
    .flatMap((knobs) => (knobsTaken(l).includes('readers') ? READER_COUNTS.map((readers) => ({ ...knobs, readers })) : [knobs]))
    .map((knobs) => [knobFlags(knobs) ? `${l.id} ${knobFlags(knobs)}` : l.id, varied(l, knobs)] as const),
);

test('the variants read include every lesson as written, warm, without gather, and with one to four readers', () => {
  const names = VARIANTS.map(([name]) => name);
  for (const l of LESSONS) expect(names).toEqual(expect.arrayContaining([l.id, `${l.id} --cache warm`, `${l.id} --nic nosg`]));
  for (const n of [1, 3, 4]) expect(names).toEqual(expect.arrayContaining([`page-cache --readers ${n}`, `page-cache --cache warm --readers ${n}`]));
});

describe.each(VARIANTS)('%s: ends on a total', (_name, script) => {
  // Every lesson closes with the chunk's total, so a variant that drops or repeats the step
  // carrying it (page-cache with one reader, or four) must close with one of its own; the
  // figures in it are held against the engine's final counts below, as every figure is.
  test.each([...LANGS])('%s', (lang) => {
    const last = script.steps.map((s) => s.text[lang]).filter((t) => t.trim()).at(-1)!;
    const stated = readNarration(lang, last).claims.filter((c) => c.scope === 'so far').map((c) => c.key);
    expect({ last, states: ['syscalls', 'modeSwitches', 'cpuCopies', 'dmaCopies'].every((k) => stated.includes(k as Key)) }).toEqual({ last, states: true });
  });
});

describe.each(VARIANTS)('%s: the narration agrees with the engine', (_name, script) => {
  const timeline = run(script);
  const perChunk = countsByPhase(script, timeline).perTransfer;

  test.each([...LANGS])('%s', (lang) => {
    const wrong: string[] = [];
    script.steps.forEach((s, i) => {
      const { claims, unread } = readNarration(lang, s.text[lang]);
      for (const u of unread) wrong.push(`step ${i + 1}: cannot read "${u.said}": ${u.why}`);
      for (const c of claims) {
        const actual = c.scope === 'per chunk' ? perChunk[c.key] : timeline[i + 1].counts[c.key];
        if (actual !== c.value) wrong.push(`step ${i + 1}: "${c.said}" says ${c.key} ${c.scope} = ${c.value}; the engine has ${actual}`);
      }
    });
    expect(wrong).toEqual([]);
  });
});

test('the narration states figures the test actually checks, in every language', () => {
  // A parser that silently stopped matching would pass every lesson; this keeps it honest.
  for (const lang of LANGS) {
    const claims = LESSONS.flatMap((l) => l.steps.flatMap((s) => readNarration(lang, s.text[lang]).claims));
    const keys = new Set(claims.map((c) => c.key));
    expect(claims.length).toBeGreaterThan(100);
    expect([...keys].sort()).toEqual(['cpuCopies', 'descriptorCopies', 'dmaCopies', 'interrupts', 'modeSwitches', 'pageFaults', 'syscalls']);
    expect(claims.some((c) => c.scope === 'per chunk')).toBe(true);
  }
});

describe("every send lesson's notes state the interrupt rule in the same words", () => {
  // docs/MODEL.md's rule: one sentence shared by all of them, so no lesson can drift to its own version
  // (the old "a single NIC interrupt" kind). What follows it is the lesson's own consequence.
  const RULE = {
    en: "Interrupts follow one rule in every lesson: each DMA transfer that completes costs one completion interrupt taken by the CPU, the NIC's transmit completion included, unless the program polls for it instead.",
    zh: '每一课的中断都按同一条规则计数：每完成一次 DMA 传输，CPU 就要处理一次完成中断，网卡的发送完成也算在内，除非程序改用轮询。',
  };
  const send = LESSONS.filter((l) => l.job === 'send');

  test('there are send lessons to check', () => {
    expect(send.map((l) => l.id)).toEqual(expect.arrayContaining(['traditional', 'sendfile', 'msg-zerocopy', 'kernel-bypass']));
  });

  test.each(send.map((l) => [l.id, l] as const))('%s', (_id, lesson) => {
    for (const lang of LANGS) expect(lesson.notes.filter((n) => n[lang].startsWith(RULE[lang])).length).toBe(1);
  });
});

describe.each(VARIANTS)("%s: where the socket buffer lets go of references, the narration says TCP would keep them", (_name, script) => {
  // docs/MODEL.md: TCP keeps the skb until the peer's ACK; a lesson that frees it at the transmit
  // completion says it simplifies. The engine says where the references go; the words must follow.
  const timeline = run(script);
  const refs = (i: number) => timeline[i].places.socket.filter((h) => h.as === 'ref').length;
  const dropped = script.steps.map((_, i) => i).filter((i) => refs(i + 1) < refs(i) && script.steps[i].event.type === 'handleInterrupt');

  test.each([...LANGS])('%s', (lang) => {
    const says = lang === 'en' ? /\bACK\b|acknowledges/ : /确认/;
    // The handler that drops them, or the NIC's interrupt just before it, says so.
    const silent = dropped.filter((i) => ![i - 1, i].some((j) => says.test(script.steps[j].text[lang]))).map((i) => `step ${i + 1}: ${script.steps[i].text[lang].slice(0, 60)}`);
    expect(silent).toEqual([]);
  });
});

test('the check above has steps to read: gathering sends drop their references at the NIC completion', () => {
  const dropping = VARIANTS.filter(([, script]) => {
    const t = run(script);
    return script.steps.some((s, i) => s.event.type === 'handleInterrupt' && t[i + 1].places.socket.filter((h) => h.as === 'ref').length < t[i].places.socket.filter((h) => h.as === 'ref').length);
  }).map(([name]) => name);
  expect(dropping).toEqual(expect.arrayContaining(['sendfile-sg', 'splice', 'fbufs', 'msg-zerocopy']));
});
