import type { Key } from 'ink';

/**
 * One key the learner pressed: a printable character as itself ('l', ' ', or a Chinese character),
 * or a name for the rest ('enter', 'esc', 'up', 'backspace', 'ctrl-c'). Names are
 * longer than one character, so they never clash with a printable key.
 */
export type Keypress = string;

const NAMED: [keyof Key, Keypress][] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageup'],
  ['pageDown', 'pagedown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'enter'],
  ['escape', 'esc'],
  ['tab', 'tab'],
  ['backspace', 'backspace'],
  ['delete', 'backspace'],
];

/** A control character's name: the ones a terminal sends for Enter, Backspace, Tab, Esc, Ctrl-letter. */
function controlName(ch: string): Keypress | undefined {
  const code = ch.codePointAt(0)!;
  if (ch === '\r' || ch === '\n') return 'enter';
  if (ch === '\u007f' || ch === '\b') return 'backspace';
  if (ch === '\t') return 'tab';
  if (ch === '\u001b') return 'esc';
  if (code < 0x20) return `ctrl-${String.fromCharCode(code + 96)}`;
  return undefined;
}

/** CSI and SS3 final bytes that name a key; the parameters (modifiers) are read but not kept. */
const FINAL: Record<string, Keypress> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const TILDE: Record<string, Keypress> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '5': 'pageup', '6': 'pagedown', '3': 'backspace' };

/**
 * Splits one read of the terminal into keypresses, in order. A terminal (or ssh,
 * or a held key) can deliver several keys in one read: `lll`, `j\r`, `\u001b[B\r`.
 * An escape sequence stays one key; a lone Esc is Esc.
 */
export function splitKeys(raw: string): Keypress[] {
  const out: Keypress[] = [];
  const chars = [...raw];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\u001b' && (chars[i + 1] === '[' || chars[i + 1] === 'O')) {
      let j = i + 2;
      while (j < chars.length && /[0-9;?[]/.test(chars[j])) j++;
      if (j < chars.length) {
        const final = chars[j];
        const params = chars.slice(i + 2, j).join('');
        out.push(final === '~' ? (TILDE[params.split(';')[0]] ?? 'unknown') : (FINAL[final] ?? 'unknown'));
        i = j;
        continue;
      }
    }
    out.push(controlName(ch) ?? ch);
  }
  return out;
}

/**
 * The keypresses of one ink input event. ink has already cut escape sequences
 * out of the read and names them in `key` (with `input` left empty); runs of
 * plain text and control characters arrive together and are split here.
 */
export function keypresses(input: string, key: Key): Keypress[] {
  if (key.ctrl && input.length === 1 && /[a-z]/.test(input)) return [`ctrl-${input}`];
  if (input === '' || input === '\u001b') {
    const named = NAMED.find(([flag]) => key[flag] === true);
    return named ? [named[1]] : [];
  }
  // ink strips the Esc of an event it could not name (Alt-x); what is left is text.
  return splitKeys(input);
}
