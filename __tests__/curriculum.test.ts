import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { TERMS, findTerm, type Term } from '../src/glossary/index.js';
import { GLOSSARY } from '../src/i18n/glossary.js';
import { MACHINE } from '../src/i18n/machine.js';
import { UI } from '../src/i18n/strings.js';
import { everyLang, type Text } from '../src/i18n/lang.js';
import { loadCatalog, type Lesson } from '../src/lessons/index.js';
import { ROOT, zcopy } from './helpers/cli.js';

const SCENARIOS = [
  'programmed-io', 'interrupt-io', 'dma-io', 'traditional', 'traditional-nodma', 'mmap',
  'sendfile', 'sendfile-sg', 'splice', 'msg-zerocopy', 'direct-io', 'kernel-bypass',
  'aio-direct', 'cow', 'fbufs', 'page-cache',
];

// From docs/MODEL.md ("Other versions (man pages, kernel documentation and the seeds' history)"); these are man-page facts, not the articles'.
const SINCE: Record<string, string> = {
  sendfile: 'Linux 2.2',
  'sendfile-sg': 'Linux 2.4',
  splice: 'Linux 2.6.17',
  'direct-io': 'Linux 2.4.10',
  'msg-zerocopy': 'Linux 4.14',
  mmap: 'POSIX',
};

const CJK = /[\u3400-\u9fff]/;
const catalog = loadCatalog(join(ROOT, 'lessons'));

function textsOf(l: Lesson): [string, Text][] {
  return [
    ['title', l.title],
    ['summary', l.summary],
    ...l.steps.map((s, i) => [`steps[${i}].text`, s.text] as [string, Text]),
    ...l.limits.map((t, i) => [`limits[${i}]`, t] as [string, Text]),
    ...l.usedBy.map((t, i) => [`usedBy[${i}]`, t] as [string, Text]),
    ...l.notes.map((t, i) => [`notes[${i}]`, t] as [string, Text]),
  ];
}

describe('the curriculum', () => {
  test('has all sixteen scenarios and nothing else', () => {
    expect(catalog.lessons.map((l) => l.id).sort()).toEqual([...SCENARIOS].sort());
  });

  test('no two lessons answer to the same name', () => {
    const names = catalog.lessons.flatMap((l) => [l.id, ...l.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });

  test('versions come from the man pages', () => {
    for (const [id, since] of Object.entries(SINCE)) expect({ id, since: catalog.find(id)!.since }).toEqual({ id, since });
  });

  test('every text is in both languages, each really in its language', () => {
    for (const lesson of catalog.lessons) {
      for (const [field, text] of textsOf(lesson)) {
        const where = `${lesson.id} ${field}`;
        expect({ where, en: text.en.trim().length > 0 && !CJK.test(text.en) }).toEqual({ where, en: true });
        expect({ where, zh: CJK.test(text.zh) }).toEqual({ where, zh: true });
      }
    }
  });

  test('every lesson names its limits and where it is used or what it is not', () => {
    for (const lesson of catalog.lessons) {
      expect({ id: lesson.id, limits: lesson.limits.length > 0 }).toEqual({ id: lesson.id, limits: true });
      expect({ id: lesson.id, notes: lesson.notes.length > 0 }).toEqual({ id: lesson.id, notes: true });
    }
  });

  test('the properties that compare shows match the techniques', () => {
    expect(catalog.find('splice')!.properties.needsPipe).toBe(true);
    expect(catalog.find('sendfile-sg')!.properties.copiesWithoutGather).toBe(true);
    expect(catalog.find('sendfile')!.properties).toMatchObject({ canModify: false, inputMustBeFile: true });
    expect(catalog.find('traditional')!.properties.canModify).toBe(true);
  });
});

describe('the lessons do not repeat what docs/MODEL.md corrects', () => {
  // Each a sentence a careful reader struck, with what docs/MODEL.md says instead.
  const STRUCK: [RegExp, string][] = [
    [/pinning costs no less than|锁页的开销并不比/i, 'pinning is cheaper than a copy above about 10 KB (msg-zerocopy); kernel bypass pins once and reuses the pool'],
    [/3 KiB of the last page is wasted|最后一页浪费/, 'the page cache holds the same pages whether mapped or read: the cost of mmap on small files is the mapping'],
    [/get_user_pages\)? takes a (?:minor )?page fault|查找它（get_user_pages）时，在系统调用内部触发了/, 'get_user_pages resolves a page in software: counted as a fault, but no trap and no touch'],
    [/Some articles date sendfile|有些文章说 sendfile/, 'every source article that dates sendfile says 2.1'],
    [/WC,? the block count|WC 填块数/, 'WC is the word count, which zcopy counts in blocks'],
  ];
  test.each(STRUCK)('%s', (struck, instead) => {
    const found = catalog.lessons.flatMap((l) => textsOf(l).flatMap(([field, t]) => [t.en, t.zh].filter((x) => struck.test(x)).map(() => `${l.id} ${field}`)));
    expect({ instead, found }).toEqual({ instead, found: [] });
  });
});

/** English words zcopy itself prints; none may appear in a Chinese explanation. */
const ENGLISH_LABELS = [
  ...Object.values(MACHINE.en.counter),
  ...Object.values(MACHINE.en.activity),
  ...Object.values(MACHINE.en.place).filter((w) => w.includes(' ')),
  ...Object.values(UI.en.heading),
  'system call', 'returns to user mode', 'program the DMA', 'raises an interrupt', 'handles the interrupt',
].filter((label) => label !== 'API'); // an acronym Chinese prose uses too

describe('explain reads in one language', () => {
  test.each(SCENARIOS)('%s', (id) => {
    const zh = zcopy(['explain', id, '--lang', 'zh']);
    expect(zh.code).toBe(0);
    for (const label of ENGLISH_LABELS) expect({ id, label, found: zh.stdout.includes(label) }).toEqual({ id, label, found: false });
    const en = zcopy(['explain', id, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).not.toMatch(CJK);
    // Piped output is laid out for 80 columns, in either language.
    for (const line of [...zh.stdout.split('\n'), ...en.stdout.split('\n')]) {
      const width = [...line].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
      expect({ id, line, fits: width <= 80 }).toEqual({ id, line, fits: true });
    }
  });
});

/** A term's definition in every language, from the glossary catalogue. */
const definitionOf = (t: Term) => everyLang((l) => GLOSSARY[l].terms[t.id].definition);

describe('the glossary', () => {
  test('has the terms a learner meets, in both languages', () => {
    // The last seven are on every lesson screen (issue 21): its counters, its rows and its CPU line.
    for (const id of ['dma', 'mar-adr-wc', 'page-cache', 'mode-switch', 'scatter-gather', 'pinning', 'copy-on-write', 'pipe-buffer', 'fbuf', 'system-call', 'cpu-copy', 'dma-copy', 'descriptor-copy', 'socket-buffer', 'nic', 'ring']) {
      const term = findTerm(id);
      expect(term?.id).toBe(id);
      expect(CJK.test(definitionOf(term!).zh) && !CJK.test(definitionOf(term!).en)).toBe(true);
    }
    expect(findTerm('context switch')?.id).toBe('mode-switch');
    for (const [asked, id] of [['syscall', 'system-call'], ['ring 0', 'ring'], ['ring3', 'ring'], ['skb', 'socket-buffer'], ['descriptor', 'descriptor-copy']] as const) expect([asked, findTerm(asked)?.id]).toEqual([asked, id]);
  });

  test('the entries say what the lessons teach: faults get_user_pages counts, interrupts of programmed-I/O devices, WC in blocks', () => {
    // docs/MODEL.md, "Counting rules": get_user_pages fills pages in software with no trap, though a fault is counted.
    const fault = definitionOf(findTerm('page-fault')!);
    expect(fault.en).toMatch(/get_user_pages[^.]*no trap and no touch, yet the kernel counts a fault/);
    expect(fault.zh).toMatch(/get_user_pages[^。]*没有陷入[^。]*仍记一次缺页/);
    // docs/MODEL.md, "Interrupts": a programmed-I/O disk's data-ready and a programmed-I/O NIC's transmit-complete count too.
    const irq = definitionOf(findTerm('interrupt')!);
    expect(irq.en).toMatch(/programmed-I\/O disk's data-ready interrupt and a programmed-I\/O NIC's transmit-complete interrupt/);
    expect(irq.zh).toMatch(/程序控制 I\/O 的磁盘发出的数据就绪中断和网卡发出的发送完成中断/);
    // WC has one meaning, the word count, which zcopy counts in blocks; a lesson that spells it out agrees.
    const wc = definitionOf(findTerm('mar-adr-wc')!);
    expect(wc.en).toMatch(/WC, the word count/);
    expect(wc.en).toMatch(/zcopy counts WC in blocks/);
    expect(wc.zh).toMatch(/zcopy 以块为单位计 WC/);
    const spelled = catalog.lessons.flatMap((l) => textsOf(l).flatMap(([, t]) => [...t.en.matchAll(/\bWC,? (?:the|is the) (\w+) count/g)].map((m) => m[1])));
    expect(spelled.length).toBeGreaterThan(0);
    expect(new Set(spelled)).toEqual(new Set(['word']));
    for (const l of catalog.lessons) for (const [field, t] of textsOf(l)) expect({ where: `${l.id} ${field}`, blockCount: /WC\s*[填是为]?\s*块数/.test(t.zh) }).toEqual({ where: `${l.id} ${field}`, blockCount: false });
  });

  test('every term links to the lessons that use it, and each is used somewhere', () => {
    const entries = JSON.parse(zcopy(['glossary', '--json']).stdout) as { id: string; lessons: string[] }[];
    expect(entries.map((e) => e.id)).toEqual(TERMS.map((t) => t.id));
    for (const e of entries) expect({ id: e.id, used: e.lessons.length > 0 }).toEqual({ id: e.id, used: true });
    const lessonsOf = (id: string) => entries.find((e) => e.id === id)!.lessons;
    expect(lessonsOf('scatter-gather')).toContain('sendfile-sg');
    expect(lessonsOf('pipe-buffer')).toContain('splice');
    expect(lessonsOf('copy-on-write')).toContain('cow');
    expect(lessonsOf('pinning')).toEqual(expect.arrayContaining(['direct-io', 'msg-zerocopy']));
    expect(lessonsOf('fbuf')).toEqual(['fbufs']);
  });

  test('zero-copy links the techniques the sources call zero-copy, and no path that copies every chunk', () => {
    const entries = JSON.parse(zcopy(['glossary', 'zero-copy', '--json']).stdout) as { lessons: string[] };
    // Seeds 000 and 001: mmap, sendfile (with and without gather), splice, direct I/O and fbufs;
    // docs/MODEL.md: MSG_ZEROCOPY and kernel bypass send without any CPU copy; aio-direct is direct I/O.
    // Not cow (a CPU copy of the written page), page-cache (read() copies), nor the copy paths.
    expect([...entries.lessons].sort()).toEqual(
      ['aio-direct', 'direct-io', 'fbufs', 'kernel-bypass', 'mmap', 'msg-zerocopy', 'sendfile', 'sendfile-sg', 'splice'].sort(),
    );
  });

  test('one term, in Chinese, with its lessons', () => {
    const r = zcopy(['glossary', 'pinning', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('锁定页');
    expect(r.stdout).toMatch(/相关课程：.*direct-io[^\n]*\n(.*\n)*阅读其中一课：zcopy explain <课程>/);
    // One line says how to read a lesson, not one "zcopy explain" per lesson (issue 21).
    expect(r.stdout.match(/zcopy explain/g)).toHaveLength(1);
  });

  test('an unknown term gets a suggestion and exit 1', () => {
    const r = zcopy(['glossary', 'pinnig']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('zcopy: no glossary term "pinnig"; did you mean pinning?\n');
  });
});
