import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { join } from 'node:path';
import { loadCatalog } from '../src/lessons/index.js';
import { MAX_SIZE } from '../src/app/scale.js';
import { compareRows, renderComparison } from '../src/present/compare.js';
import { TiB, grouped, parseSize } from '../src/term/bytes.js';
import { displayWidth } from '../src/term/text.js';
import { ROOT, zcopy } from './helpers/cli.js';
import { driveApp } from './helpers/app.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
const plain = new Chalk({ level: 0 });

/** The sizes a learner may ask for, up to the largest compare accepts, with the smallest whole-page chunk (the most chunks, the widest totals). */
const SIZES: [string, string][] = [
  ['64K', '4K'],
  ['1G', '64K'],
  ['1T', '64K'],
  ['1T', '4K'],
  [`${MAX_SIZE / TiB}T`, '64K'],
  [`${MAX_SIZE / TiB}T`, '4K'],
];

describe('compare fits its width at every size', () => {
  test.each(SIZES)('zcopy compare --size %s --chunk %s: within 80 columns, in both languages, every total exact', (size, chunk) => {
    for (const lang of ['en', 'zh']) {
      const r = zcopy(['compare', '--size', size, '--chunk', chunk, '--lang', lang]);
      expect(r.code).toBe(0);
      const wide = r.stdout.split('\n').filter((l) => displayWidth(l) > 80);
      expect({ size, lang, wide }).toEqual({ size, lang, wide: [] });
    }
  });

  test('at 1 TiB in 64 KiB chunks the totals are whole, grouped numbers, not rounded', () => {
    const text = zcopy(['compare', 'sendfile', 'traditional', '--size', '1T']).stdout;
    // docs/MODEL.md: sendfile 1 CPU copy, 2 DMA copies, 2 mode switches per chunk; 1 TiB / 64 KiB = 2^24 chunks.
    const chunks = 2 ** 24;
    expect(text).toMatch(new RegExp(`^sendfile +${grouped(chunks)} +${grouped(2 * chunks)} +${grouped(2 * chunks)}`, 'm'));
  });

  test('at the largest size the columns are split into tables that fit, each led by the scenario, no count cut', () => {
    const text = zcopy(['compare', 'sendfile', 'traditional', '--size', `${MAX_SIZE / TiB}T`, '--chunk', '4K']).stdout;
    const chunks = MAX_SIZE / 4096;
    const headers = text.split('\n').filter((l) => l.startsWith('Scenario'));
    expect(headers.length).toBeGreaterThan(2);
    // Every count column is in one of them, once.
    expect(headers.flatMap((h) => h.split(/\s+/).slice(1))).toEqual(['CPU', 'DMA', 'Switches', 'Calls', 'Desc', 'IRQ', 'Faults', 'Modify', 'No', 'SG:', 'copy', 'Pipe', 'File', 'in', 'Own', 'device']);
    // docs/MODEL.md: read + write, 2 CPU copies per chunk.
    expect(text).toMatch(new RegExp(`^traditional +${grouped(2 * chunks)}( |$)`, 'm'));
  });

  test.each(SIZES)("the app's width: the comparison at --size %s --chunk %s laid out in 72 columns", (size, chunk) => {
    const scale = { size: parseSize(size)!, chunk: parseSize(chunk)! };
    for (const lang of ['en', 'zh'] as const) {
      const rows = compareRows(catalog.lessons, scale);
      const wide = renderComparison(rows, lang, 72, plain).filter((l) => displayWidth(l) > 72);
      expect({ size, lang, wide }).toEqual({ size, lang, wide: [] });
    }
  });
});

describe("compare's legend is beside every table", () => {
  test.each(['en', 'zh'])('%s: each table has its legend under its title, the counts\' before the header, the properties\' too', (lang) => {
    const blocks = zcopy(['compare', '--lang', lang]).stdout.split('\n\n').map((b) => b.split('\n'));
    expect(blocks).toHaveLength(5);
    // Compared without spaces: a Chinese line may break anywhere.
    const bare = (t: string) => t.replace(/\s+/g, '');
    const desc = bare(lang === 'en' ? 'Desc: descriptor copies' : '描述符：描述符拷贝');
    const shares = bare(lang === 'en' ? '6 (4): 6 for one chunk, 4 of them again for every chunk' : '6 (4)：一段合计 6 次，其中 4 次每段都再来一遍');
    const nosg = bare(lang === 'en' ? 'No SG: copy: with a NIC that cannot gather' : '无SG则拷贝：网卡不支持 scatter-gather 时');
    for (const b of blocks.slice(0, 4)) {
      const header = b.findIndex((l) => /^(Scenario|场景)\s/.test(l));
      const legend = bare(b.slice(1, header).join(''));
      expect(legend).toContain(desc);
      // Only a table with a share in it says what one means: docs/MODEL.md's splice, 6 switches for one chunk, 4 for every chunk.
      expect(legend.includes(shares)).toBe(b.slice(header).some((l) => /\d \(\d\)/.test(l)));
    }
    const properties = blocks[4];
    expect(bare(properties.slice(1, properties.findIndex((l) => /^(Scenario|场景)\s/.test(l))).join(''))).toContain(nosg);
  });

  test('with a knob, the rows it changed are marked with a sign the legend explains (no colour needed), in both languages', () => {
    // docs/MODEL.md ("Scale and what-if"): without gather, sendfile-sg, splice and MSG_ZEROCOPY copy into the socket buffer; fbufs hands the NIC references the same way.
    for (const lang of ['en', 'zh']) {
      const text = zcopy(['compare', '--nic', 'nosg', '--lang', lang], { NO_COLOR: '1' }).stdout;
      const marked = text.split('\n').filter((l) => /^\S+ \*\s/.test(l)).map((l) => l.split(' ')[0]);
      expect(marked.sort()).toEqual(['fbufs', 'msg-zerocopy', 'sendfile-sg', 'splice']);
      expect(text).toMatch(lang === 'en' ? /\*: the what-if changed this\s+row's counts/ : /\*：这一行的数字因这个假如而不同/);
    }
    // Without a knob nothing is marked, and the legend does not mention the mark.
    const plainText = zcopy(['compare']).stdout;
    expect(plainText).not.toMatch(/\*/);
  });

  test('--json says which rows a knob changed, and only with a knob', () => {
    const changed = (args: string[]) => Object.fromEntries((JSON.parse(zcopy(['compare', ...args, '--json']).stdout) as { id: string; changed?: boolean }[]).map((r) => [r.id, r.changed]));
    // docs/MODEL.md ("Scale and what-if"): warm, the pages are cached: no disk DMA, so read + write and sendfile lose one.
    expect(changed(['traditional', 'sendfile', '--cache', 'warm'])).toEqual({ traditional: true, sendfile: true });
    // Without gather, sendfile-sg becomes sendfile; sendfile itself already copied.
    expect(changed(['sendfile', 'sendfile-sg', '--nic', 'nosg'])).toEqual({ sendfile: false, 'sendfile-sg': true });
    expect(changed(['sendfile'])).toEqual({ sendfile: undefined });
  });
});

describe("the app's compare keeps each table's legend in sight", () => {
  test.each([
    ['en', 80, 24],
    ['en', 72, 20],
    ['zh', 80, 24],
    ['zh', 72, 20],
  ] as const)('%s %sx%s: on every page, a table\'s rows come with its legend and header; the last line is reached', (lang, cols, rows) => {
    const app = driveApp({ screen: 'compare', back: null }, { lang, size: { cols, rows } });
    const bare = (t: string) => t.replace(/\s+/g, '');
    const counts = bare(lang === 'en' ? 'Desc: descriptor copies' : '描述符：描述符拷贝');
    const properties = bare(lang === 'en' ? 'No SG: copy: with a NIC that cannot gather' : '无SG则拷贝：网卡不支持 scatter-gather 时');
    // docs/MODEL.md: sendfile makes 1 CPU copy, 2 DMA copies, 2 mode switches and 1 call per chunk; and it cannot modify the bytes.
    const countRow = /^sendfile\s+1\s+2\s+2\s+1\s/m;
    const propertyRow = /^sendfile\s+-\s/m;
    let pages = 0;
    for (let guard = 0; guard < 200; guard++) {
      const frame = app.frame();
      expect(frame.split('\n').length).toBeLessThanOrEqual(rows - 1);
      if (countRow.test(frame)) expect({ frame, legend: bare(frame).includes(counts) }).toEqual({ frame, legend: true });
      if (propertyRow.test(frame)) expect({ frame, legend: bare(frame).includes(properties) }).toEqual({ frame, legend: true });
      pages++;
      const where = /(\d+)-(\d+)\D+(\d+)/.exec(frame.split('\n').at(-1)!.replace(/.*(lines|第)/, ''))!;
      if (where[2] === where[3]) break;
      app.type('j');
    }
    expect(pages).toBeGreaterThan(10);
    // The last row of the properties is in sight at the end.
    expect(app.frame()).toMatch(/^page-cache\s+(yes|是)\s/m);
  });
});
