import { HELP } from '../../i18n/help.js';
import { TERMS, findTerm, suggestTerm } from '../../glossary/index.js';
import { MESSAGES } from '../../i18n/strings.js';
import { glossaryEntry, renderEntry, renderIndex } from '../../present/glossary.js';
import { asText, json, type Command } from '../context.js';
import { UsageError } from '../errors.js';
import { pagerOption } from '../options.js';
import { paged } from '../pager.js';

export const glossaryCommand: Command = {
  names: ['glossary'],
  register: (y, ctx) => {
    const { lang, out, paint, width, lessons } = ctx;
    const H = HELP[lang];
    y.command(
      'glossary [term]',
      H.glossary,
      (c) =>
        pagerOption(c, lang)
          .positional('term', { type: 'string', describe: H.term })
          .option('json', { type: 'boolean', describe: H.glossaryJson }),
      async (args) => {
        const all = lessons().lessons;
        if (!args.term) {
          const entries = TERMS.map((t) => glossaryEntry(t, all, lang));
          if (args.json) return out(json(entries));
          return paged(ctx, asText(renderIndex(entries, lang, paint)), args.pager);
        }
        const term = findTerm(args.term);
        if (!term) {
          const guess = suggestTerm(args.term);
          throw new UsageError(MESSAGES[lang].then(MESSAGES[lang].unknownTerm(args.term), guess ? MESSAGES[lang].didYouMean(guess) : MESSAGES[lang].seeGlossary));
        }
        const entry = glossaryEntry(term, all, lang);
        if (args.json) return out(json(entry));
        await paged(ctx, asText(renderEntry(entry, lang, width, paint)), args.pager);
      },
    );
  },
};
