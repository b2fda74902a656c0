import { escapeMarkup } from '../../term/markup.js';
import { displayWidth } from '../../term/text.js';

/*
 * A terminal frame as HTML: the SGR codes chalk writes (bold, dim, italic, underline, inverse,
 * strikethrough, the 16 colours, 256 colours and true colour) become spans with classes, so a
 * page's stylesheet gives them the terminal's palette; every other escape is dropped.
 */

/** A colour: one of the terminal's 16 (a class, so a page's palette and its print palette apply) or an exact one. */
type Colour = number | string;

interface Style {
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
  strike: boolean;
  fg: Colour | null;
  bg: Colour | null;
}

const PLAIN: Style = { bold: false, dim: false, italic: false, underline: false, inverse: false, strike: false, fg: null, bg: null };

/** Text made safe anywhere in HTML: between tags and inside a quoted attribute. */
export const escapeHtml = escapeMarkup;

/** The xterm colour cube and grey ramp, for a 256-colour code above the first 16. */
function xterm256(n: number): string {
  const hex = (v: number) => v.toString(16).padStart(2, '0');
  if (n >= 232) {
    const g = 8 + (n - 232) * 10;
    return `#${hex(g)}${hex(g)}${hex(g)}`;
  }
  const i = n - 16;
  const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
  return `#${hex(level(Math.floor(i / 36)))}${hex(level(Math.floor(i / 6) % 6))}${hex(level(i % 6))}`;
}

/** Reads an extended colour (`38;5;n` or `38;2;r;g;b`) at `codes[i]`: the colour and how many codes it took. */
function extended(codes: number[], i: number): { colour: Colour | null; used: number } {
  if (codes[i + 1] === 5 && codes[i + 2] !== undefined) {
    const n = codes[i + 2];
    return { colour: n < 16 ? n : n <= 255 ? xterm256(n) : null, used: 3 };
  }
  if (codes[i + 1] === 2 && codes.length >= i + 5) {
    const [r, g, b] = codes.slice(i + 2, i + 5).map((v) => Math.max(0, Math.min(255, v)));
    return { colour: `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`, used: 5 };
  }
  return { colour: null, used: 1 };
}

/** The style after one SGR sequence's codes. */
function apply(style: Style, codes: number[]): Style {
  let s = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0) s = { ...PLAIN };
    else if (c === 1) s.bold = true;
    else if (c === 2) s.dim = true;
    else if (c === 3) s.italic = true;
    else if (c === 4) s.underline = true;
    else if (c === 7) s.inverse = true;
    else if (c === 9) s.strike = true;
    else if (c === 22) s = { ...s, bold: false, dim: false };
    else if (c === 23) s.italic = false;
    else if (c === 24) s.underline = false;
    else if (c === 27) s.inverse = false;
    else if (c === 29) s.strike = false;
    else if (c >= 30 && c <= 37) s.fg = c - 30;
    else if (c >= 90 && c <= 97) s.fg = c - 90 + 8;
    else if (c === 39) s.fg = null;
    else if (c >= 40 && c <= 47) s.bg = c - 40;
    else if (c >= 100 && c <= 107) s.bg = c - 100 + 8;
    else if (c === 49) s.bg = null;
    else if (c === 38 || c === 48) {
      const { colour, used } = extended(codes, i);
      if (colour !== null) s[c === 38 ? 'fg' : 'bg'] = colour;
      i += used - 1;
    }
  }
  return s;
}

/**
 * A style's opening tag, or '' for plain text. Classes: b d i u s for the attributes, f0-f15 and
 * g0-g15 for a colour in front and behind, fb (the background's colour in front) and gf (the
 * foreground's behind) for inverse video in the default colours.
 */
function open(s: Style): string {
  const [fg, bg] = s.inverse ? [s.bg ?? 'bg', s.fg ?? 'fg'] : [s.fg, s.bg];
  const classes = [s.bold && 'b', s.dim && 'd', s.italic && 'i', s.underline && 'u', s.strike && 's'].filter((c): c is string => typeof c === 'string');
  const styles: string[] = [];
  if (fg === 'bg') classes.push('fb');
  else if (typeof fg === 'number') classes.push(`f${fg}`);
  else if (fg !== null) styles.push(`color:${fg}`);
  if (bg === 'fg') classes.push('gf');
  else if (typeof bg === 'number') classes.push(`g${bg}`);
  else if (bg !== null) styles.push(`background:${bg}`);
  if (!classes.length && !styles.length) return '';
  return `<span${classes.length ? ` class="${classes.join(' ')}"` : ''}${styles.length ? ` style="${styles.join(';')}"` : ''}>`;
}

/**
 * Plain text as HTML, each double-width character (CJK) in a span two columns wide, so that
 * a frame's columns line up in a browser's monospace font as in a terminal's.
 */
function cells(text: string): string {
  let out = '';
  for (const ch of text) out += displayWidth(ch) === 2 ? `<span class="w">${escapeHtml(ch)}</span>` : escapeHtml(ch);
  return out;
}

/** Escape sequences: SGR (kept as style), any other CSI, and OSC (hyperlinks, titles), both dropped. */
const SEQUENCE = /\x1b\[([0-9;:]*)([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

/**
 * Lines a terminal would show (with chalk's codes) as HTML for a `<pre>`: the same text,
 * escaped, in spans whose classes say its style; every span closes at its line's end.
 */
export function ansiToHtml(lines: readonly string[]): string {
  let style = { ...PLAIN };
  return lines
    .map((line) => {
      let out = '';
      let span = '';
      let last = 0;
      const flush = (text: string) => {
        if (!text) return;
        const tag = open(style);
        if (tag !== span) {
          if (span) out += '</span>';
          out += tag;
          span = tag;
        }
        out += cells(text);
      };
      for (const m of line.matchAll(SEQUENCE)) {
        flush(line.slice(last, m.index));
        last = m.index + m[0].length;
        if (m[2] === 'm') style = apply(style, (m[1] || '0').split(/[;:]/).map((v) => (v === '' ? 0 : Number(v))));
      }
      flush(line.slice(last));
      return span ? `${out}</span>` : out;
    })
    .join('\n');
}
