// Stand-in for wrap-ansi inside yargs's help layout (cliui) only; see string-width.js.
import { displayWidth } from '../../src/term/text.ts';

/** Hard-wraps each line at `columns`, breaking at spaces where it can. */
export default function wrapAnsi(text, columns) {
  return String(text)
    .split('\n')
    .map((line) => {
      const out = [];
      let current = '';
      for (const word of line.split(' ')) {
        const candidate = current ? `${current} ${word}` : word;
        if (displayWidth(candidate) <= columns) {
          current = candidate;
          continue;
        }
        if (current) out.push(current);
        current = word;
        while (displayWidth(current) > columns) {
          out.push(current.slice(0, columns));
          current = current.slice(columns);
        }
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}
