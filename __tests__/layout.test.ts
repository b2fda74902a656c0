import { describe, expect, test } from '@jest/globals';
import { MIN_TEXT_WIDTH, bullet, columns, paragraph } from '../src/term/layout.js';
import { displayWidth, wrap } from '../src/term/text.js';
import { lastTop, scrollBy, scrollWindow } from '../src/ui/fit.js';

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

describe('a window of lines that scrolls (every screen that scrolls moves its window with it)', () => {
  const lines = ['a', 'b', 'c', 'd', 'e'];

  test('the window from a line, what is out of sight above and below, and how far it can go', () => {
    expect(scrollWindow(lines, 2, 0)).toEqual({ shown: ['a', 'b'], top: 0, maxTop: 3, above: false, below: true });
    expect(scrollWindow(lines, 2, 1)).toEqual({ shown: ['b', 'c'], top: 1, maxTop: 3, above: true, below: true });
    expect(scrollWindow(lines, 2, 3)).toEqual({ shown: ['d', 'e'], top: 3, maxTop: 3, above: true, below: false });
    // All of it fits: nothing scrolls.
    expect(scrollWindow(lines, 9, 4)).toEqual({ shown: lines, top: 0, maxTop: 0, above: false, below: false });
  });

  test('a window never starts before the first line, and past the end it shows the last full window', () => {
    expect(scrollWindow(lines, 2, -3).top).toBe(0);
    expect(scrollWindow(lines, 2, 9)).toMatchObject({ shown: ['d', 'e'], top: 3 });
    expect(lastTop(5, 2)).toBe(3);
    expect(lastTop(1, 2)).toBe(0);
  });

  test('moving counts from where the window is shown: after a resize left it past its end, one up is one up from the end', () => {
    expect(scrollBy(0, 1, 3)).toBe(1);
    expect(scrollBy(3, 1, 3)).toBe(3);
    expect(scrollBy(0, -1, 3)).toBe(0);
    expect(scrollBy(7, -1, 3)).toBe(2);
    expect(scrollBy(1, 20, 3)).toBe(3);
  });
});

describe('wrapping Chinese text (src/term/text.ts wrap)', () => {
  // The lab's note on CPU time, which once broke after its opening bracket at 80 columns.
  const note = 'CPU 时间是调度器自己的时钟记下的发送方从创建到退出占用 CPU 的时间（/proc/PID/schedstat，纳秒），用户态和内核态合在一起；“模式切换”不是《进程上下文切换》。';
  const OPENING = ['（', '《', '「', '『', '“', '‘'];
  const CLOSING = ['，', '。', '；', '：', '、', '！', '？', '）', '》', '」', '』', '”', '’'];

  test('no line ends with an opening bracket or quote, none begins with closing punctuation, and no character is lost', () => {
    for (let width = 8; width <= 80; width++) {
      const lines = wrap(note, width);
      for (const line of lines) {
        expect({ width, line, endsOpen: OPENING.includes([...line].at(-1)!), startsClosed: CLOSING.includes([...line][0]) }).toEqual({ width, line, endsOpen: false, startsClosed: false });
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }
      expect(lines.join('').replace(/ /g, '')).toBe(note.replace(/ /g, ''));
    }
  });

  test('an opening bracket at the very end is kept', () => {
    expect(wrap('末尾（', 20)).toEqual(['末尾（']);
  });
});
