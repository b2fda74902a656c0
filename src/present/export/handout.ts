import { EXPORT } from '../../i18n/export.js';
import type { Lang } from '../../i18n/lang.js';
import { MACHINE } from '../../i18n/machine.js';
import { PUNCTUATION } from '../../i18n/punctuation.js';
import { SCALE, UI } from '../../i18n/strings.js';
import { COUNTER_KEYS, type Counters } from '../../model/index.js';
import { KINDS, answerText, fnv1a32, letter, makeQuiz, type Question } from '../../quiz/index.js';
import { formatBytes, grouped } from '../../term/bytes.js';
import { explain, type Explanation } from '../explain.js';
import type { ExportInput } from './index.js';
import { mermaidOf } from './mermaid.js';

/* `zcopy export --format md`: a handout for a course page, in Markdown that GitHub, GitLab and pandoc read alike. */

/** How many check-yourself questions a handout ends with. */
export const HANDOUT_QUESTIONS = 3;

/** Every kind but those whose answer is the technique: on the technique's own handout they answer themselves. */
export const HANDOUT_KINDS = KINDS.filter((k) => k !== 'fits' && k !== 'reverse');

/**
 * A lesson's own seed for its questions (32-bit FNV-1a of its id): the same
 * handout every time it is exported, a different draw for each lesson.
 */
export function seedOf(id: string): number {
  return fnv1a32(id);
}

/**
 * Text that Markdown shows as written, line breaks folded. Only what would be
 * read as markup is escaped, so that the file reads as well as its rendering:
 * emphasis, tags, table cells, a link's bracket, a heading or quote at the start;
 * a lesson's `code` stays code.
 */
export function mdText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\*<|]|(?<!\w)_|_(?!\w)|\](?=[([:])/g, '\\$&')
    .replace(/^[#>+-]/, '\\$&');
}

export function handout({ lesson, lang, scale, catalog }: ExportInput): string {
  const x = explain(lesson, lang, scale);
  const questions = makeQuiz({ selected: [lesson], catalog: [...catalog], kinds: HANDOUT_KINDS, count: HANDOUT_QUESTIONS, seed: seedOf(lesson.id), lang, scale });
  return handoutOf(x, questions, lang);
}

/** The handout of an explanation and its questions. */
export function handoutOf(x: Explanation, questions: readonly Question[], lang: Lang): string {
  const W = EXPORT[lang].md;
  const h = UI[lang].heading;
  const out: string[] = [`# ${mdText(`${x.id} · ${x.title}`)}`, '', mdText(x.summary)];
  if (x.whatIf) out.push('', `> ${mdText(x.whatIf)}`);
  const section = (title: string) => out.push('', `## ${mdText(title)}`, '');

  if (x.api.length) {
    section(h.api);
    for (const a of x.api) out.push(`- \`${a.signature}\`${a.since ? ` (${mdText(a.since)})` : ''}`);
  }

  section(h.steps);
  const c = W.columns;
  out.push(row([c.n, c.mode, c.who, c.does, c.why]), row(['--:', '---', '---', '---', '---']));
  const m = UI[lang].mode;
  for (const s of x.steps) {
    const mode = s.modeBefore ? `${m[s.modeBefore]} → ${m[s.mode]}` : m[s.mode];
    out.push(row([String(s.n), mode, UI[lang].actor[s.actor], s.does, s.narration].map((t, i) => (i ? mdText(t) : t))));
  }

  section(h.counts);
  if (x.chunks !== undefined) out.push(`${mdText(`${W.scale}${PUNCTUATION[lang].colon}${SCALE[lang].heading(formatBytes(x.size!), formatBytes(x.chunk!), x.chunks)}`)}`, '');
  out.push(...countsTable(x, lang));
  if (x.syscalls.length) out.push('', mdText(`${MACHINE[lang].counter.syscalls}${PUNCTUATION[lang].colon}${PUNCTUATION[lang].list(x.syscalls)}`));

  for (const [title, items] of [
    [h.limits, x.limits],
    [h.usedBy, x.usedBy],
  ] as const) {
    if (!items.length) continue;
    section(title);
    for (const item of items) out.push(`- ${mdText(item)}`);
  }

  section(W.diagram);
  out.push('```mermaid', mermaidOf(x, lang, null).trimEnd(), '```');

  if (questions.length) {
    section(W.check);
    questions.forEach((q, i) => {
      out.push(`**${i + 1}.** ${mdText(q.prompt)}`, '');
      if (q.choices.length) out.push(...q.choices.map((choice, k) => `- ${letter(k)}) ${mdText(choice)}`), '');
      // Folded, so that a reader answers before reading: GitHub, GitLab and pandoc's HTML fold <details>.
      out.push(`<details><summary>${mdText(W.answer)}</summary>`, '', `**${mdText(answerText(q))}**`, '', mdText(q.explanation), '', '</details>', '');
    });
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A table row; its cells already escaped (a `|` inside one is `\|`). Unpadded: a space after a cell's last ideographic full stop would be a stray space in Chinese. */
function row(cells: string[]): string {
  return `|${cells.join('|')}|`;
}

/** The counters as a table: the total alone where every step is a transfer step, else beside its set-up and per-chunk shares, as explain shows them. */
function countsTable(x: Explanation, lang: Lang): string[] {
  const c = UI[lang].countColumns;
  const phased = x.steps.some((s) => s.phase !== 'transfer') || x.formula !== undefined;
  const heads = phased ? [c.total, c.setup, (x.callsPerChunk ?? 1) > 1 ? c.perRound : c.perChunk] : [c.total];
  const values = (k: keyof Counters) => (phased ? [x.counts[k], x.setup[k], x.perTransfer[k]] : [x.counts[k]]).map(grouped);
  return [
    row([EXPORT[lang].md.counter, ...heads].map(mdText)),
    row(['---', ...heads.map(() => '--:')]),
    ...COUNTER_KEYS.map((k) => row([mdText(MACHINE[lang].counter[k]), ...values(k)])),
  ];
}
