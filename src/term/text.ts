/** Columns a string takes in a terminal: CJK and full-width forms take two; colour codes none. */
export function displayWidth(s: string): number {
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x1b && s[i + 1] === '[') {
      // Skip an SGR sequence: ESC [ digits/semicolons m.
      let j = i + 2;
      while (j < s.length && /[0-9;]/.test(s[j])) j++;
      if (s[j] === 'm') {
        i = j;
        continue;
      }
    }
    if (c < 0x1100) {
      width += 1;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) || // pictographs and emoticons
    (cp >= 0x1f680 && cp <= 0x1f6ff) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/**
 * Punctuation that must not begin a line: it stays with the character before. Chinese full-width
 * comma, full stop, semicolon, colon, enumeration comma, exclamation and question marks, closing
 * brackets and quotation marks (written as escapes: the words and their characters live in src/i18n).
 */
const NO_BREAK_BEFORE = new Set('\uff0c\u3002\uff1b\uff1a\u3001\uff01\uff1f\uff09\u300b\u300d\u300f\u201d\u2019'.split(''));

/** Punctuation that must not end a line: it stays with what follows. Chinese full-width opening brackets and quotation marks. */
const NO_BREAK_AFTER = new Set('\uff08\u300a\u300c\u300e\u201c\u2018'.split(''));

/**
 * Wraps plain text to `width` columns: English breaks at spaces, Chinese
 * between any two wide characters; a word longer than the line is split.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const flush = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    lineWidth = 0;
  };
  // Opening punctuation waiting for what follows it, to go on the same line.
  let opening = '';
  let openingWidth = 0;
  const place = (placed: string, placedWidth: number) => {
    if (!placed) return;
    const token = opening + placed;
    const tokenWidth = openingWidth + placedWidth;
    opening = '';
    openingWidth = 0;
    if (lineWidth + tokenWidth > width) flush();
    let rest = token;
    let restWidth = tokenWidth;
    while (restWidth > width) {
      let cut = '';
      let cutWidth = 0;
      const restChars = [...rest];
      let taken = 0;
      for (const ch of restChars) {
        const w = displayWidth(ch);
        if (cutWidth + w > width) break;
        cut += ch;
        cutWidth += w;
        taken++;
      }
      // Closing punctuation must not begin the next line: the character before it goes down with it.
      while (taken > 1 && NO_BREAK_BEFORE.has(restChars[taken])) {
        const last = restChars[--taken];
        cut = cut.slice(0, -last.length);
        cutWidth -= displayWidth(last);
      }
      lines.push(cut);
      rest = rest.slice(cut.length);
      restWidth -= cutWidth;
    }
    line += rest;
    lineWidth += restWidth;
  };
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  let word = '';
  let wordWidth = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === ' ') {
      place(word, wordWidth);
      word = '';
      wordWidth = 0;
      if (line && lineWidth < width) {
        line += ' ';
        lineWidth += 1;
      }
      continue;
    }
    const w = displayWidth(ch);
    if (NO_BREAK_AFTER.has(ch)) {
      place(word, wordWidth);
      word = '';
      wordWidth = 0;
      opening += ch;
      openingWidth += w;
      continue;
    }
    if (word && NO_BREAK_BEFORE.has(ch)) {
      // Closing punctuation after a Latin word (a full-width comma after "schedstat") stays with it.
      word += ch;
      wordWidth += w;
      continue;
    }
    if (w === 2) {
      // A wide character is a word of its own, with any closing punctuation after it.
      place(word, wordWidth);
      let token = ch;
      let tokenWidth = 2;
      while (i + 1 < chars.length && NO_BREAK_BEFORE.has(chars[i + 1])) {
        token += chars[++i];
        tokenWidth += displayWidth(chars[i]);
      }
      place(token, tokenWidth);
      word = '';
      wordWidth = 0;
      continue;
    }
    word += ch;
    wordWidth += w;
  }
  place(word, wordWidth);
  // Opening punctuation at the very end has nothing to wait for.
  if (opening) {
    const [last, lastWidth] = [opening, openingWidth];
    opening = '';
    openingWidth = 0;
    place(last, lastWidth);
  }
  flush();
  return lines;
}

/** Items side by side, `separator` between them, as many to a line as fit in `width` (an item is never split). */
export function flow(items: string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && displayWidth(`${line}${separator}${item}`) > width) {
      lines.push(line);
      line = item;
    } else line = line ? `${line}${separator}${item}` : item;
  }
  return [...lines, line];
}

/** At most `width` columns of `s`; colour is dropped from a line that must be cut. */
export function fitWidth(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s.replace(/\u001b\[[0-9;]*m/g, '')) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}
