import { describe, expect, test } from '@jest/globals';
import { MIN_TEXT_WIDTH, bullet, columns, paragraph } from '../src/term/layout.js';
import { displayWidth } from '../src/term/text.js';

describe('the shared text layout', () => {
  const text = 'The DMA controller moves the blocks from the disk into the page cache while WC counts down.';

  test('a paragraph keeps every line, indent included, within the width', () => {
    const lines = paragraph(text, 30, '    ');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      expect(l.startsWith('    ')).toBe(true);
      expect(displayWidth(l)).toBeLessThanOrEqual(30);
    }
    expect(lines.map((l) => l.trim()).join(' ')).toBe(text);
  });

  test('an indent deeper than the width still leaves room for the text', () => {
    const lines = paragraph(text, 10, '      ');
    for (const l of lines) expect(displayWidth(l.trim())).toBeLessThanOrEqual(MIN_TEXT_WIDTH);
  });

  test('a bullet hangs its later lines under its text', () => {
    const [first, ...rest] = bullet(text, 32);
    expect(first.startsWith('  • The')).toBe(true);
    expect(rest.length).toBeGreaterThan(0);
    for (const l of rest) expect(l).toMatch(/^ {4}\S/);
    for (const l of [first, ...rest]) expect(displayWidth(l)).toBeLessThanOrEqual(32);
  });

  test('columns align by display width: wide characters count twice', () => {
    const lines = columns([
      ['场景', 'CPU', '切换'],
      ['splice', '0', '6 (4)'],
    ]);
    expect(lines).toEqual(['场景    CPU   切换', 'splice    0  6 (4)']);
    expect(displayWidth(lines[0])).toBe(displayWidth(lines[1]));
  });
});
