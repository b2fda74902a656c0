import type { ChalkInstance } from 'chalk';
import type { Term } from '../glossary/index.js';
import { GLOSSARY } from '../i18n/glossary.js';
import type { Lang } from '../i18n/lang.js';
import { PUNCTUATION } from '../i18n/punctuation.js';
import type { Lesson } from '../lessons/index.js';
import { traceOf } from '../model/index.js';
import { displayWidth, padEnd, wrap } from '../term/text.js';

/** One `glossary --json` entry; scripts and tests rely on it (docs/REFERENCE.md, "JSON"). */
export interface GlossaryEntry {
  id: string;
  aliases: string[];
  name: string;
  definition: string;
  lessons: string[];
}

export function glossaryEntry(term: Term, lessons: Lesson[], lang: Lang): GlossaryEntry {
  return {
    id: term.id,
    aliases: term.aliases,
    name: GLOSSARY[lang].terms[term.id].name,
    definition: GLOSSARY[lang].terms[term.id].definition,
    lessons: lessons
      .filter((l) => term.taughtIn({ events: l.steps.map((s) => s.event), group: l.group, perTransfer: traceOf(l).phases.perTransfer }))
      .map((l) => l.id),
  };
}

/** One term: its name, its definition, and the lessons that use it. */
export function renderEntry(e: GlossaryEntry, lang: Lang, width: number, paint: ChalkInstance): string[] {
  const lines = [paint.bold(e.name), ...wrap(e.definition, width)];
  if (e.lessons.length) {
    const p = PUNCTUATION[lang];
    // The lessons by id, and once how to read one: "zcopy explain" beside each of thirteen ids is noise.
    lines.push('', ...wrap(`${GLOSSARY[lang].lessons}${p.colon}${p.list(e.lessons)}`, width), ...wrap(GLOSSARY[lang].readOne, width));
  }
  return lines;
}

/** The terms by id and name, for a pipe: the definitions are one command away. */
export function renderIndex(entries: GlossaryEntry[], lang: Lang, paint: ChalkInstance): string[] {
  const idWidth = Math.max(...entries.map((e) => displayWidth(e.id)));
  const rows = entries.map((e) => `${paint.bold(padEnd(e.id, idWidth))}  ${e.name}`);
  return [...rows, '', paint.dim(GLOSSARY[lang].more)];
}

/** Every term in full, one after another: on a screen that scrolls, the index would only send the reader elsewhere. */
export function renderGlossary(entries: GlossaryEntry[], lang: Lang, width: number, paint: ChalkInstance): string[] {
  return entries.flatMap((e, i) => [...(i ? [''] : []), ...renderEntry(e, lang, width, paint)]);
}
