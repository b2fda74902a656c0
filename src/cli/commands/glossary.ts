import { HELP } from '../../i18n/help.js';
import type { ChalkInstance } from 'chalk';
import { TERMS, findTerm, suggestTerm, type Term } from '../../glossary/index.js';
import type { Lang } from '../../i18n/lang.js';
import { MESSAGES } from '../../i18n/strings.js';
import type { Lesson } from '../../lessons/index.js';
import { countsByPhase, run } from '../../model/index.js';
import { displayWidth, padEnd, wrap } from '../../term/text.js';
import { json, type Command } from '../context.js';
import { UsageError } from '../errors.js';

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
    name: term.name[lang],
    definition: term.definition[lang],
    lessons: lessons
      .filter((l) => term.taughtIn({ events: l.steps.map((s) => s.event), group: l.group, perTransfer: countsByPhase(l, run(l)).perTransfer }))
      .map((l) => l.id),
  };
}

const LESSONS_LABEL = { en: 'Lessons', zh: '相关课程' };
const MORE = { en: 'zcopy glossary <term> for the definition', zh: 'zcopy glossary <术语> 查看释义' };

export function renderEntry(e: GlossaryEntry, lang: Lang, width: number, paint: ChalkInstance): string {
  const lines = [paint.bold(e.name), ...wrap(e.definition, width)];
  if (e.lessons.length) {
    lines.push('', ...wrap(`${LESSONS_LABEL[lang]}: ${e.lessons.map((id) => `zcopy explain ${id}`).join(', ')}`, width));
  }
  return lines.join('\n') + '\n';
}

export function renderIndex(entries: GlossaryEntry[], lang: Lang, paint: ChalkInstance): string {
  const idWidth = Math.max(...entries.map((e) => displayWidth(e.id)));
  const rows = entries.map((e) => `${paint.bold(padEnd(e.id, idWidth))}  ${e.name}`);
  return [...rows, '', paint.dim(MORE[lang])].join('\n') + '\n';
}

export const glossaryCommand: Command = {
  names: ['glossary'],
  register: (y, { lang, out, paint, width, lessons }) => {
    const H = HELP[lang];
    y.command(
      'glossary [term]',
      H.glossary,
      (c) =>
        c
          .positional('term', { type: 'string', describe: H.term })
          .option('json', { type: 'boolean', describe: H.glossaryJson }),
      (args) => {
        const all = lessons().lessons;
        if (!args.term) {
          const entries = TERMS.map((t) => glossaryEntry(t, all, lang));
          return out(args.json ? json(entries) : renderIndex(entries, lang, paint));
        }
        const term = findTerm(args.term);
        if (!term) {
          const guess = suggestTerm(args.term);
          throw new UsageError(`${MESSAGES.unknownTerm[lang](args.term)}; ${guess ? MESSAGES.didYouMean[lang](guess) : MESSAGES.seeGlossary[lang]}`);
        }
        const entry = glossaryEntry(term, all, lang);
        out(args.json ? json(entry) : renderEntry(entry, lang, width, paint));
      },
    );
  },
};
