import { HELP } from '../../i18n/help.js';
import { UI } from '../../i18n/strings.js';
import { json, type Command } from '../context.js';

export const listCommand: Command = {
  names: ['list'],
  register: (y, { lang, out, paint, lessons }) => {
    const H = HELP[lang];
    y.command(
      'list',
      H.list,
      (c) => c.option('json', { type: 'boolean', describe: H.listJson }),
      (args) => {
        const all = lessons().lessons;
        if (args.json) return out(json(all.map((l) => ({ id: l.id, aliases: l.aliases, title: l.title[lang] }))));
        const idWidth = Math.max(...all.map((l) => l.id.length));
        let group: string | undefined;
        for (const l of all) {
          if (l.group !== group) out(`${group === undefined ? '' : '\n'}${paint.underline(UI[lang].groups[l.group])}\n`);
          group = l.group;
          out(`  ${paint.bold(l.id.padEnd(idWidth))}  ${l.title[lang]}\n`);
        }
      },
    );
  },
};
