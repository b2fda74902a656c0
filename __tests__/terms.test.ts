import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';

/*
 * One Chinese word per concept. The list lives in lessons/FORMAT.md ("Chinese terms"), where
 * lesson authors read it; this test parses that table rather than keeping a copy of its own.
 */

interface Variant {
  /** As written in FORMAT.md, for the report. */
  written: string;
  pattern: RegExp;
}

interface Row {
  concept: string;
  use: string;
  variants: Variant[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The rows of the "Chinese terms" table: the section after its heading, up to the next one. */
export function termRows(markdown: string): Row[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Chinese terms\n'));
  if (!section) throw new Error('lessons/FORMAT.md has no "## Chinese terms" section');
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[-| ]+\|$/.test(line))
    .slice(1); // the header
  return rows.map((line) => {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 3) throw new Error(`a "Chinese terms" row needs 3 cells (concept, use, not): ${line}`);
    const variants = [...cells[2].matchAll(/`([^`]+)`/g)].map(([, v]) => ({
      written: v,
      pattern: v.length > 2 && v.startsWith('/') && v.endsWith('/') ? new RegExp(v.slice(1, -1), 'g') : new RegExp(escape(v), 'g'),
    }));
    if (!variants.length) throw new Error(`a "Chinese terms" row names no variant to avoid: ${line}`);
    return { concept: cells[0], use: cells[1], variants };
  });
}

/** Where a row's losing variants occur in a text: `line: variant (context)`. Quoted words are the articles'. */
export function variantsIn(text: string, rows: Row[]): string[] {
  const found: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/"[^"\n]{0,40}"|“[^”\n]{0,40}”/g, (q) => ' '.repeat(q.length));
    for (const row of rows) {
      for (const v of row.variants) {
        for (const m of line.matchAll(v.pattern)) {
          const at = m.index;
          found.push(`${i + 1}: ${v.written} in "…${raw.slice(Math.max(0, at - 8), at + m[0].length + 8)}…" (use ${row.use})`);
        }
      }
    }
  });
  return found;
}

const rows = termRows(readFileSync(join(ROOT, 'lessons', 'FORMAT.md'), 'utf8'));

const files = [
  ...readdirSync(join(ROOT, 'lessons'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join('lessons', f)),
  'src/glossary/terms.ts',
  ...readdirSync(join(ROOT, 'src', 'i18n'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('src', 'i18n', f)),
  ...readdirSync(join(ROOT, 'challenges'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join('challenges', f)),
];

describe('the term list in lessons/FORMAT.md', () => {
  test('is there and covers the decided terms', () => {
    const uses = rows.map((r) => r.use).join(' ');
    for (const word of ['锁定', '绕过内核', '标记为最新', '缺页', '模式切换', '用户态']) expect(uses).toContain(word);
    const variants = rows.flatMap((r) => r.variants.map((v) => v.written));
    for (const word of ['钉住', '锁住', '内核旁路', '标记为有效', '有效载荷']) expect(variants).toContain(word);
  });

  test('flags a variant, honours a regular expression and spares quoted words', () => {
    const text = ['内核先钉住这些页。', '这是次缺页。', '第二次缺页；3 次缺页；这次缺页', '文章叫它"上下文切换"，这里是进程上下文切换', '它只是上下文切换', '写时复制时内核复制一页'].join('\n');
    expect(variantsIn(text, rows).map((f) => f.split(' in ')[0])).toEqual(['1: 钉住', '2: /(?<![\\d一二两三四五六七八九十这那每再首多几]\\s*)次缺页/', '5: /(?<!进程(?:之间的)?)(?<!自愿)上下文切换/', '6: /(?<!写时)复制/']);
  });

  test('no variant is also the word to use', () => {
    for (const row of rows) for (const v of row.variants) expect({ row: row.concept, clash: variantsIn(row.use.replace(/\(.*\)/, ''), [{ ...row, variants: [v] }]) }).toEqual({ row: row.concept, clash: [] });
  });
});

describe.each(files)('%s uses the decided Chinese words', (file) => {
  test('no losing variant', () => {
    expect(variantsIn(readFileSync(join(ROOT, file), 'utf8'), rows)).toEqual([]);
  });
});
