import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REFUSALS, refusalText } from '../src/i18n/refusals.js';
import type { Refusal } from '../src/model/index.js';
import { ROOT } from './helpers/cli.js';

/** A value for every parameter a refusal takes, by its name, so each saying can be rendered. */
const SAMPLE: Record<string, unknown> = {
  place: 'pageCache', referrer: 'socket', holder: 'socket', device: 'nic', expected: 'ctrl', target: 'user',
  places: ['pageCache', 'user'], block: 'B', call: 'write', open: 'read', action: 'pin', source: 'nic',
  max: 3, count: 5, event: '{"type":"jump"}', change: 'map', way: 'direct', need: 'pipe', from: 'pageCache', to: 'nic',
};
const PARAMS_BY_CODE: Record<string, string[]> = {};
const render = (code: string, lang: 'en' | 'zh') => {
  // Rendering with a recording proxy shows which parameters a saying reads.
  const read: string[] = [];
  const params = new Proxy({}, { get: (_, key) => (read.push(String(key)), SAMPLE[String(key)]) });
  const text = refusalText({ code, params } as unknown as Refusal, lang);
  PARAMS_BY_CODE[`${lang}:${code}`] = read;
  return text;
};

describe("the model's refusals", () => {
  const codes = Object.keys(REFUSALS.en);

  test('every code is said in both languages, the Chinese in Chinese, with the same parameters', () => {
    expect(Object.keys(REFUSALS.zh).sort()).toEqual([...codes].sort());
    expect(codes.length).toBeGreaterThan(50);
    for (const code of codes) {
      const en = render(code, 'en');
      const zh = render(code, 'zh');
      expect({ code, en }).toEqual({ code, en: expect.stringMatching(/^[a-zA-Z]/) });
      expect({ code, zh }).toEqual({ code, zh: expect.stringMatching(/[\u4e00-\u9fff]/) });
      expect({ code, zh }).not.toEqual({ code, zh: expect.stringMatching(/undefined/) });
      // A reason that names a block or a call in one language names it in the other.
      expect({ code, zh: [...new Set(PARAMS_BY_CODE[`zh:${code}`])].sort() }).toEqual({ code, zh: [...new Set(PARAMS_BY_CODE[`en:${code}`])].sort() });
    }
  });

  test('the model refuses with a code and parameters, never with words', () => {
    const dir = join(ROOT, 'src', 'model');
    for (const name of readdirSync(dir)) {
      const source = readFileSync(join(dir, name), 'utf8');
      expect({ name, worded: source.match(/(new IllegalEvent|refuse)\(\s*[`'"][^`'"]*\s[^`'"]*[`'"]/g) }).toEqual({ name, worded: null });
      expect({ name, imports: source.match(/from '\.\.\/[^']+'/g) }).toEqual({ name, imports: null });
      // A refusal is an answer (tryStep's), not control flow: nothing in the model catches one.
      expect({ name, catches: source.match(/\bcatch\b/g) }).toEqual({ name, catches: null });
    }
  });

  test('the English wording names places with their article', () => {
    expect(render('userCannotTouch', 'en')).toBe('user mode cannot touch the page cache: it is kernel memory not mapped into the process');
    expect(render('userCannotTouch', 'zh')).toBe('用户态访问不了页缓存：它是内核内存，没有映射到进程里');
    expect(render('mixedOrigins', 'en')).toBe("these blocks' bytes are in the page cache and the user buffer: one copy reads from one place, so move them in separate steps");
  });
});
