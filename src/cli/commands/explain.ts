import { HELP } from '../../i18n/help.js';
import { MESSAGES } from '../../i18n/strings.js';
import { explain, renderExplanation } from '../../present/explain.js';
import { asText, json, type Command } from '../context.js';
import { UsageError } from '../errors.js';
import { checkScale, knobsAsked, scaleOf, variedOrRefused } from '../../app/scale.js';
import { pagerOption, scaleOptions } from '../options.js';
import { paged } from '../pager.js';

export const explainCommand: Command = {
  names: ['explain'],
  register: (y, ctx) => {
    const { lang, out, paint, width, lessons, lessonArg } = ctx;
    const H = HELP[lang];
    y.command(
      'explain [scenario]',
      H.explain,
      (c) =>
        pagerOption(scaleOptions(c, lang), lang)
          .positional('scenario', { type: 'string', describe: H.scenario })
          .option('file', { type: 'string', describe: H.explainFile, requiresArg: true })
          .option('json', { type: 'boolean', describe: H.explainJson }),
      async (args) => {
        const scale = scaleOf(args);
        const written = lessonArg(args.scenario, args.file);
        if (!written) throw new UsageError(MESSAGES[lang].needScenario(lessons().lessons.map((l) => l.id)));
        const lesson = variedOrRefused(written, knobsAsked(args));
        checkScale(scale, [lesson]);
        const x = explain(lesson, lang, scale);
        if (args.json) return out(json(x));
        await paged(ctx, asText(renderExplanation(x, lang, width, paint)), args.pager);
      },
    );
  },
};
