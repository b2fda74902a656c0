import { escapeMarkup } from '../term/markup.js';
import { HTML_LANG, type Lang } from '../i18n/lang.js';
import { SHEET } from '../i18n/grade.js';
import { answerText } from './check.js';
import { letter, type Question } from './generate.js';

/** What a printed worksheet shows: its questions, the seed that draws them again, and whose it is. */
export interface Sheet {
  questions: Question[];
  seed: number;
  /** The name the seed came from (`--student`), as given. */
  student: string | null;
  lang: Lang;
  /** The answer key: every question's answer and explanation; else the worksheet, with room to answer. */
  key: boolean;
}

export type SheetFormat = 'md' | 'html';
export const SHEET_FORMATS: readonly SheetFormat[] = ['md', 'html'];

/** The header's second line: seed, student, how many questions. */
const subtitle = (s: Sheet) => [SHEET[s.lang].seed(s.seed), ...(s.student !== null ? [SHEET[s.lang].student(s.student)] : []), SHEET[s.lang].questions(s.questions.length)].join(' · ');

/** The worksheet or key as Markdown, which reads as plain text too. */
export function sheetMarkdown(s: Sheet): string {
  const t = SHEET[s.lang];
  const out = [`# ${s.key ? t.keyTitle : t.sheetTitle}`, '', subtitle(s), ''];
  if (!s.key && s.student === null) out.push(t.nameLine, '');
  s.questions.forEach((q, i) => {
    out.push(`## ${mdText(t.question(i + 1, q.heading, q.kind))}`, '', mdText(q.prompt), '');
    if (q.choices.length) out.push(...q.choices.map((c, k) => `- ${letter(k)}) ${mdText(c)}`), '');
    if (s.key) out.push(`**${t.answer}${mdText(answerText(q))}**`, '', mdText(q.explanation), '');
    else out.push(q.choices.length ? t.answerLine : t.numberLine, '');
  });
  return out.join('\n');
}

/** Characters Markdown would read as markup anywhere in a line (emphasis, code, html), escaped; brackets and intraword underscores it leaves alone, so the text still reads plainly. */
const mdText = (text: string) => text.replace(/([\\`*<])/g, '\\$1');

const html = escapeMarkup;

/**
 * One self-contained page (no network: its style is inline, its fonts the
 * reader's own), printed one worksheet per student; a question is never split
 * across pages.
 */
export function sheetHtml(s: Sheet): string {
  const t = SHEET[s.lang];
  const title = s.key ? t.keyTitle : t.sheetTitle;
  const questions = s.questions.map((q, i) => {
    const choices = q.choices.length ? `<ol class="choices">${q.choices.map((c, k) => `<li><b>${letter(k)})</b> ${html(c)}</li>`).join('')}</ol>` : '';
    const end = s.key
      ? `<p class="answer">${html(t.answer + answerText(q))}</p><p class="why">${html(q.explanation)}</p>`
      : `<p class="blank">${html(q.choices.length ? t.answerLine : t.numberLine)}</p>`;
    return `<section class="q"><h2>${html(t.question(i + 1, q.heading, q.kind))}</h2><p>${html(q.prompt)}</p>${choices}${end}</section>`;
  });
  return [
    '<!doctype html>',
    `<html lang="${HTML_LANG[s.lang]}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(`${title} · ${subtitle(s)}`)}</title>`,
    '<style>',
    'body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.45;color:#000;background:#fff}',
    'header{border-bottom:2px solid #000;margin-bottom:1em}h1{margin:0 0 .2em;font-size:1.5em}h2{font-size:1.05em;margin:0 0 .4em}',
    '.q{margin:0 0 1.4em;break-inside:avoid;page-break-inside:avoid}.choices{list-style:none;padding-left:1em;margin:.4em 0}',
    '.blank{margin-top:.8em}.answer{font-weight:bold}.why{color:#333}',
    '@media print{body{margin:0;max-width:none}}',
    '</style>',
    '</head>',
    '<body>',
    `<header><h1>${html(title)}</h1><p>${html(subtitle(s))}</p>${!s.key && s.student === null ? `<p>${html(t.nameLine)}</p>` : ''}</header>`,
    ...questions,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function sheetText(s: Sheet, format: SheetFormat): string {
  return format === 'html' ? sheetHtml(s) : sheetMarkdown(s);
}
