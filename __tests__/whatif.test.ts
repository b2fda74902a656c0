import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/lessons/index.js';
import { knobsTaken, varied } from '../src/lessons/index.js';
import { DEFAULT_KNOBS, knobFlags, run, variantOf, type Counters, type Knobs } from '../src/model/index.js';
import { ROOT, zcopy } from './helpers/cli.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
const countsWith = (id: string, knobs: Partial<Knobs>): Counters => {
  const l = catalog.find(id)!;
  return run(variantOf(l.payload, l.variants!.steps, { ...DEFAULT_KNOBS, ...knobs })).at(-1)!.counts;
};

// Every expected figure below is docs/MODEL.md's ("Scale and what-if", and the agreed figures), never the engine's output.
describe('what-if knobs change the counts the way docs/MODEL.md says', () => {
  test('a warm cache: no disk DMA and no disk interrupt, the rest unchanged', () => {
    // read + write: 2 CPU copies, 2 DMA copies, 4 mode switches; warm drops the disk's DMA copy and its interrupt.
    expect(countsWith('traditional', { cache: 'warm' })).toMatchObject({ cpuCopies: 2, dmaCopies: 1, modeSwitches: 4, syscalls: 2, interrupts: 1 });
    // sendfile: 1 CPU copy, 2 DMA copies, 2 mode switches; warm: 1 DMA copy (the NIC's), 1 interrupt.
    expect(countsWith('sendfile', { cache: 'warm' })).toMatchObject({ cpuCopies: 1, dmaCopies: 1, modeSwitches: 2, interrupts: 1 });
    expect(countsWith('splice', { cache: 'warm' })).toMatchObject({ cpuCopies: 0, dmaCopies: 1, interrupts: 1 });
  });

  test('a NIC that cannot gather: sendfile-sg becomes sendfile; splice and MSG_ZEROCOPY end in a CPU copy into the socket buffer', () => {
    expect(countsWith('sendfile-sg', { nic: 'nosg' })).toMatchObject({ cpuCopies: 1, dmaCopies: 2, modeSwitches: 2, descriptorCopies: 0 });
    expect(countsWith('splice', { nic: 'nosg' }).cpuCopies).toBe(1);
    expect(countsWith('msg-zerocopy', { nic: 'nosg' }).cpuCopies).toBe(1);
    // Both knobs at once: the warm sendfile.
    expect(countsWith('sendfile-sg', { nic: 'nosg', cache: 'warm' })).toMatchObject({ cpuCopies: 1, dmaCopies: 1, interrupts: 1 });
  });

  test('the lesson as written is the default variant', () => {
    for (const l of catalog.lessons) {
      if (!l.variants) continue;
      expect({ id: l.id, counts: countsWith(l.id, {}) }).toEqual({ id: l.id, counts: run(l).at(-1)!.counts });
    }
  });
});

describe('the knobs on the command line', () => {
  test('explain --cache warm: the variant\'s counts, the knobs in the JSON, and every step narrated', () => {
    const x = JSON.parse(zcopy(['explain', 'sendfile', '--cache', 'warm', '--json']).stdout);
    expect(x.knobs).toEqual({ cache: 'warm', nic: 'sg' });
    expect(x.counts).toMatchObject({ dmaCopies: 1, interrupts: 1 });
    expect(x.steps.every((s: { narration: string }) => s.narration !== '')).toBe(true);
    const text = zcopy(['explain', 'sendfile', '--cache', 'warm']).stdout;
    expect(text).toContain('What if the pages are already cached');
    // A step written for the variant keeps its own text.
    expect(JSON.parse(zcopy(['explain', 'sendfile-sg', '--nic', 'nosg', '--json']).stdout).steps.some((s: { narration: string }) => /cannot gather/.test(s.narration))).toBe(true);
  });

  test('a knob a lesson does not answer to is refused in one line, exit 1', () => {
    for (const args of [['explain', 'sendfile', '--readers', '3'], ['learn', 'kernel-bypass', '--readers', '2'], ['quiz', '--scenario', 'direct-io', '--readers', '4']]) {
      const r = zcopy(args);
      expect({ args, code: r.code, lines: r.stderr.trim().split('\n').length }).toEqual({ args, code: 1, lines: 1 });
    }
    expect(zcopy(['explain', 'sendfile', '--cache', 'hot']).code).toBe(1);
  });

  test('a knob that changes nothing in a lesson is answered: the same counts on its machine, and why', () => {
    // O_DIRECT reads the disk whatever the page cache holds; sendfile copies into the socket buffer anyway (docs/MODEL.md: gather is sendfile-sg's).
    const direct = JSON.parse(zcopy(['explain', 'direct-io', '--cache', 'warm', '--json']).stdout);
    expect(direct.counts).toEqual(JSON.parse(zcopy(['explain', 'direct-io', '--json']).stdout).counts);
    expect(direct.whatIf).toMatch(/^What if the pages are already cached\? .*O_DIRECT reads the disk/);
    expect(zcopy(['explain', 'sendfile', '--nic', 'nosg']).stdout).toMatch(/What if the NIC cannot gather\?[^]*never has to gather/);
    expect(zcopy(['explain', 'sendfile', '--nic', 'nosg', '--lang', 'zh']).stdout).toMatch(/假如网卡不支持收集？[^]*用不到收集/);
    // Chinese sentences follow one another without a space.
    expect(JSON.parse(zcopy(['explain', 'direct-io', '--cache', 'warm', '--json', '--lang', 'zh']).stdout).whatIf).toMatch(/样子。即使这些页已在缓存里/);
    // A lesson that sends nothing says so for itself, from its steps.
    expect(JSON.parse(zcopy(['explain', 'dma-io', '--nic', 'nosg', '--json']).stdout).whatIf).toMatch(/Nothing in this lesson goes out through the NIC/);
  });

  test('every knob a lesson says changes nothing leaves its counts as they are', () => {
    const unaffected = catalog.lessons.flatMap((l) => (Object.keys(l.unaffected ?? {}) as ('cache' | 'nic')[]).map((k) => [l, k] as const));
    expect(unaffected.length).toBeGreaterThan(10);
    for (const [l, k] of unaffected) {
      const knobs: Knobs = { ...DEFAULT_KNOBS, [k]: k === 'cache' ? 'warm' : 'nosg' };
      const turned = run(variantOf(l.payload, l.variants?.steps ?? l.steps, knobs)).at(-1)!.counts;
      expect({ id: l.id, k, counts: turned }).toEqual({ id: l.id, k, counts: run(l).at(-1)!.counts });
    }
  });

  test('compare --nic nosg: every lesson answers, and only those that gathered gain a CPU copy', () => {
    const r = zcopy(['compare', '--nic', 'nosg', '--json']);
    const rows: { id: string; counts: Counters }[] = JSON.parse(r.stdout);
    expect(rows).toHaveLength(catalog.lessons.length);
    const gained = rows.filter((x) => x.counts.cpuCopies > run(catalog.find(x.id)!).at(-1)!.counts.cpuCopies).map((x) => x.id);
    // docs/MODEL.md names sendfile-sg, splice and MSG_ZEROCOPY; fbufs hands the NIC references into its pool the same way.
    expect(gained.sort()).toEqual(['fbufs', 'msg-zerocopy', 'sendfile-sg', 'splice']);
    expect(r.stderr).toBe('');
    // The text says whose counts they are before any table.
    expect(zcopy(['compare', '--nic', 'nosg']).stdout).toMatch(/^What if the NIC cannot gather\? Every count below is that variant's\.\n/);
    expect(zcopy(['compare', '--cache', 'warm', '--lang', 'zh']).stdout).toMatch(/^假如页已在缓存中？下面的每个数字都是这个变体的。\n/);
  });

  test('compare --readers 3 shows the one lesson with readers, and says which it leaves out', () => {
    const rows = JSON.parse(zcopy(['compare', '--readers', '3', '--json']).stdout);
    expect(rows.map((x: { id: string }) => x.id)).toEqual(['page-cache']);
    expect(zcopy(['compare', '--readers', '3']).stderr).toMatch(/^zcopy: not shown, as they have no --readers 3 variant: .*traditional, .*fbufs\n$/);
    // The program's name once, at the start of the line (issue 21).
    expect(zcopy(['explain', 'sendfile', '--readers', '3']).stderr).toBe('zcopy: sendfile has no --readers 3 variant: its steps do not say how that knob changes it (it takes --cache, --nic)\n');
    expect(zcopy(['explain', 'sendfile', '--readers', '3', '--lang', 'zh']).stderr).toMatch(/^zcopy: sendfile 没有 --readers 3 变体：/);
  });

  test('the quiz asks about the variant, says so, and sends the learner back to it', () => {
    const key = JSON.parse(zcopy(['quiz', '--cache', 'warm', '--scenario', 'sendfile', '--reveal', '--json', '--count', '9', '--seed', '2']).stdout);
    const dma = key.find((q: { id: string }) => q.id === 'counts:sendfile:dmaCopies');
    expect(dma).toMatchObject({ answer: '1', knobs: { cache: 'warm', nic: 'sg' } });
    expect(dma.prompt).toMatch(/^What if the pages are already cached\?/);
    const out = zcopy(['quiz', '--cache', 'warm', '--scenario', 'sendfile', '--count', '1', '--seed', '2'], {}, '99\n').stdout;
    expect(out).toMatch(/zcopy learn sendfile --cache warm/);
    expect(zcopy(['quiz', '--cache', 'warm', '--kind', 'mover']).code).toBe(1);
  });

  test('quiz --nic nosg asks only about lessons a NIC takes part in, those it changes and those it does not', () => {
    const key: { scenario: string }[] = JSON.parse(zcopy(['quiz', '--nic', 'nosg', '--reveal', '--json', '--count', '100', '--seed', '1']).stdout);
    const asked = new Set(key.map((q) => q.scenario));
    for (const id of ['programmed-io', 'interrupt-io', 'dma-io', 'direct-io', 'aio-direct', 'cow']) expect({ id, asked: asked.has(id) }).toEqual({ id, asked: false });
    for (const id of ['sendfile-sg', 'splice', 'msg-zerocopy', 'traditional', 'sendfile']) expect({ id, asked: asked.has(id) }).toEqual({ id, asked: true });
  });

  test('learn --cache warm opens the variant: fewer steps, the pages cached from the start', () => {
    const out = zcopy(['learn', 'traditional', '--cache', 'warm']).stdout;
    const frames = out.split(/\n\n(?= zcopy · )/);
    // read + write without the disk's four steps (program the DMA, its copy, its interrupt, the handler).
    expect(frames).toHaveLength(catalog.find('traditional')!.steps.length - 4 + 1);
    expect(frames[0]).toMatch(/page cache\s+\[A\]\[B\]\[C\]\[D\]/);
    expect(frames[0]).toContain('What if the pages are already cached');
  });
});

describe('every lesson answers every what-if', () => {
  test('each lesson says how --cache and --nic change it, or why they change nothing', () => {
    for (const l of catalog.lessons) expect({ id: l.id, takes: knobsTaken(l).filter((k) => k !== 'readers').sort() }).toEqual({ id: l.id, takes: ['cache', 'nic'] });
  });

  test('no step of a warm variant says the file is not cached, and no step without gather says the NIC reads straight out of the page cache', () => {
    // The narration of a step shared by two variants must be true in both (lessons/FORMAT.md).
    const said: string[] = [];
    for (const l of catalog.lessons) {
      for (const [knobs, wrong] of [
        [{ ...DEFAULT_KNOBS, cache: 'warm' }, /not cached|isn't cached|not in the page cache|still on (the )?disk|不在页缓存|还不在缓存|页缓存里也没有/i],
        [{ ...DEFAULT_KNOBS, nic: 'nosg' }, /straight out of the page cache|直接从页缓存读出/i],
      ] as const) {
        for (const s of varied(l, knobs).steps) for (const lang of ['en', 'zh'] as const) if (wrong.test(s.text[lang])) said.push(`${l.id} ${knobFlags(knobs)}: ${s.text[lang].slice(0, 60)}`);
      }
    }
    expect(said).toEqual([]);
    // The patterns find what the lessons as written say, so an empty list above means something.
    expect(catalog.lessons.filter((l) => l.steps.some((s) => /not cached/.test(s.text.en))).length).toBeGreaterThan(5);
    expect(catalog.lessons.filter((l) => l.steps.some((s) => /不在页缓存|页缓存里也没有/.test(s.text.zh))).length).toBeGreaterThan(1);
    expect(catalog.find('sendfile-sg')!.steps.some((s) => /straight out of the page cache/.test(s.text.en) && /直接从页缓存读出/.test(s.text.zh))).toBe(true);
  });
});

describe('--readers N (page-cache)', () => {
  // docs/MODEL.md: N consumers of one cached file cost one disk read in all, then each reader's own path.
  const at = (n: number) => JSON.parse(zcopy(['explain', 'page-cache', '--readers', String(n), '--json']).stdout).counts as Counters;
  test('one disk read serves every reader; each one more adds its own sendfile path', () => {
    const one = at(1);
    const five = at(5);
    // The disk's DMA copy and interrupt, once: the rest is per reader (a sendfile: 1 call, 2 switches, 1 CPU copy, the NIC's DMA and interrupt).
    expect(five.syscalls - one.syscalls).toBe(4);
    expect(five.modeSwitches - one.modeSwitches).toBe(8);
    expect(five.cpuCopies - one.cpuCopies).toBe(4);
    expect(five.dmaCopies).toBe(1 + 5);
    expect(five.interrupts).toBe(1 + 5);
  });

  test('a third reader is marked as repeating the second, whose narration (its ordinals and totals) is not told again', () => {
    const out = zcopy(['explain', 'page-cache', '--readers', '3', '--json']);
    const steps: { narration: string }[] = JSON.parse(out.stdout).steps;
    const marks = steps.filter((s) => /^↻ Reader 3 of 3 makes the same steps as reader 2/.test(s.narration));
    expect(marks).toHaveLength(1);
    const second = steps.filter((s) => /^The second consumer/.test(s.narration));
    expect(second).toHaveLength(1);
    // Reader 3's block ends the lesson: the marker, then steps the engine describes, the last closing on the total for three.
    const rest = steps.slice(steps.indexOf(marks[0]) + 1).map((s) => s.narration);
    expect(rest.length).toBeGreaterThan(1);
    expect(rest.slice(0, -1).every((n) => n === '')).toBe(true);
    expect(rest.at(-1)).toMatch(/^Total for 3 consumers: /);
  });

  test('as many readers as the lesson shows is the lesson as written; a bad count or another lesson is refused', () => {
    expect(at(2)).toEqual(JSON.parse(zcopy(['explain', 'page-cache', '--json']).stdout).counts);
    for (const args of [['explain', 'page-cache', '--readers', '0'], ['explain', 'page-cache', '--readers', 'many'], ['explain', 'sendfile', '--readers', '3']]) {
      const r = zcopy(args);
      expect({ args, code: r.code, lines: r.stderr.trim().split('\n').length }).toEqual({ args, code: 1, lines: 1 });
    }
  });
});

describe('a what-if variant leaves the learner\'s progress alone', () => {
  test('stopping or finishing sendfile --cache warm records nothing; the lesson as written records its visit', async () => {
    const { testContext } = await import('./helpers/app.js');
    const { sessionWorld } = await import('../src/app/session.js');
    const { openStore } = await import('../src/progress/index.js');
    const { ctx, state } = testContext();
    const warm = varied(catalog.find('sendfile')!, { ...DEFAULT_KNOBS, cache: 'warm' });
    const read = () => openStore({ env: { XDG_STATE_HOME: state }, lang: 'en', warn: () => {} }).data.lessons.sendfile;
    // The warm variant has 7 steps where the lesson has 11: its step 5 is not the lesson's step 5.
    const world = sessionWorld(ctx, { own: warm }, () => {});
    world.onStop!('sendfile', { kind: 'stopped', at: 5, seen: [1, 2, 3, 4, 5], predicted: { right: 0, asked: 0 }, moved: true });
    world.onFinish('sendfile');
    expect(read()).toBeUndefined();
    const written = sessionWorld(ctx, {}, () => {});
    written.onStop!('sendfile', { kind: 'stopped', at: 5, seen: [1, 2, 3, 4, 5], predicted: { right: 0, asked: 0 }, moved: true });
    expect(read()?.lastStep).toBe(5);
    // Nor does the variant reopen at the lesson's step 5, whichever way it is opened.
    expect(written.picker.resume!('sendfile')).toEqual({ step: 5, seen: [1, 2, 3, 4, 5] });
    expect(world.picker.resume!('sendfile')).toBeNull();
  });
});

describe('a variant with a summary of its own', () => {
  test('explain shows it, says the summary is the variant\'s, and keeps the lesson\'s own for the lesson as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zcopy-summary-'));
    const file = join(dir, 'sendfile.yaml');
    const text = readFileSync(join(ROOT, 'lessons', 'sendfile.yaml'), 'utf8').replace(/\nvariantSummaries:\n(?:  .*\n)+/, '\n');
    writeFileSync(file, text.replace('\napi:\n', '\nvariantSummaries:\n  - when: { cache: warm }\n    en: Served from pages cached already.\n    zh: 由早已缓存的页提供。\napi:\n'));
    const warm = JSON.parse(zcopy(['explain', '--file', file, '--cache', 'warm', '--json']).stdout);
    expect(warm.summary).toBe('Served from pages cached already.');
    expect(warm.whatIf).toMatch(/^What if the pages are already cached\? The summary, the steps and their counts are this variant's; the lesson's limits and notes describe it as written\./);
    expect(JSON.parse(zcopy(['explain', '--file', file, '--json']).stdout).summary).toBe(catalog.find('sendfile')!.summary.en);
    expect(JSON.parse(zcopy(['explain', '--file', file, '--cache', 'warm', '--json', '--lang', 'zh']).stdout).summary).toBe('由早已缓存的页提供。');
  });

  test('no shipped variant is summarised with the lesson\'s words where they are false', () => {
    // docs/MODEL.md: without gather these end in a CPU copy; warm, traditional-nodma makes three CPU copies.
    const summary = (id: string, knobs: Partial<Knobs>) => varied(catalog.find(id)!, { ...DEFAULT_KNOBS, ...knobs }).summary.en;
    for (const id of ['sendfile-sg', 'splice', 'msg-zerocopy']) {
      expect({ id, as: summary(id, {}) }).toEqual({ id, as: expect.stringMatching(/CPU never|never copied by the CPU|no CPU copy at all/) });
      expect({ id, nosg: summary(id, { nic: 'nosg' }) }).toEqual({ id, nosg: expect.not.stringMatching(/CPU never|never copied by the CPU|no CPU copy at all/) });
    }
    // A title that states a figure is the variant's own where the figure changes.
    const title = (id: string, knobs: Partial<Knobs>) => varied(catalog.find(id)!, { ...DEFAULT_KNOBS, ...knobs }).title.en;
    expect(title('sendfile-sg', {})).toMatch(/no CPU copy at all/);
    expect(title('sendfile-sg', { nic: 'nosg' })).not.toMatch(/no CPU copy at all/);
    expect(JSON.parse(zcopy(['explain', 'sendfile-sg', '--nic', 'nosg', '--json', '--lang', 'zh']).stdout).title).not.toMatch(/一次 CPU 拷贝都没有/);
    expect(summary('traditional-nodma', {})).toMatch(/Four CPU copies/);
    expect(summary('traditional-nodma', { cache: 'warm' })).not.toMatch(/Four CPU copies/);
  });
});
