import { HELP } from '../../i18n/help.js';
import { LANGS } from '../../i18n/lang.js';
import { createInterface } from 'node:readline';
import { renderProgress } from '../../present/progress.js';
import { PROGRESS, deleteProgress, hasProgress, levelsSolved, openStore, weakestTopics } from '../../progress/index.js';
import { asText, json, type Command } from '../context.js';
import { UsageError } from '../errors.js';

async function readOneLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  const rl = createInterface({ input, terminal: false });
  try {
    const next = await rl[Symbol.asyncIterator]().next();
    return next.done ? undefined : String(next.value);
  } finally {
    rl.close();
  }
}

export const progressCommand: Command = {
  names: ['progress'],
  register: (y, { io, lang, out, levels, lessons }) => {
    const H = HELP[lang];
    y.command(
      'progress',
      H.progress,
      (c) =>
        c
          .option('json', { type: 'boolean', describe: H.progressJson })
          .option('reset', { type: 'boolean', describe: H.progressReset })
          .option('yes', { type: 'boolean', describe: H.progressYes }),
      async (args) => {
        const store = openStore({ env: io.env, lang, warn: (line) => void io.stderr.write(`zcopy: ${line}\n`) });
        if (args.reset) {
          if (store.newerVersion !== null) throw new UsageError(PROGRESS[lang].newerReset);
          if (!store.path || !hasProgress(store.data)) {
            // An empty record may still be a file: delete it quietly.
            if (store.path) deleteProgress(store);
            return out(PROGRESS[lang].nothing + '\n');
          }
          if (!args.yes) {
            out(PROGRESS[lang].confirm(store.path));
            const reply = await readOneLine(io.stdin);
            if (!LANGS.some((l) => PROGRESS[l].yes.includes((reply ?? '').trim().toLowerCase()))) return out(`${reply === undefined ? '\n' : ''}${PROGRESS[lang].kept}\n`);
          }
          deleteProgress(store);
          return out(PROGRESS[lang].deleted + '\n');
        }
        if (args.json) {
          return out(json({ path: store.path, ...store.data, challenges: store.data.challenges ?? {}, weakest: weakestTopics(store.data) }));
        }
        // The levels are read only for their pars, and only when one was solved: reading them is slow.
        out(asText(renderProgress(store.data, store.path, lang, levelsSolved(store.data) ? levels().levels : [], (id) => lessons().find(id)?.steps.length)));
      },
    );
  },
};
