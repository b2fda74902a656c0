import { HELP } from '../../i18n/help.js';
import { createInterface } from 'node:readline';
import type { Lang } from '../../i18n/lang.js';
import { PROGRESS, deleteProgress, openStore, weakestTopics, type ProgressData } from '../../progress/index.js';
import { KIND_LABELS, KINDS, type Kind } from '../../quiz/index.js';
import { displayWidth, padEnd, padStart } from '../../term/text.js';
import { json, type Command } from '../context.js';
import { UsageError } from '../errors.js';

const day = (iso: string) => iso.slice(0, 10);
const kindLabel = (k: string, lang: Lang) => ((KINDS as readonly string[]).includes(k) ? KIND_LABELS[lang][k as Kind] : k);

/** The progress as text, at most 80 columns wide. */
export function renderProgress(data: ProgressData, path: string, lang: Lang): string {
  const out = [PROGRESS.title[lang](path), ''];
  const lessons = Object.entries(data.lessons);
  const topics = Object.entries(data.quiz).flatMap(([s, kinds]) => Object.entries(kinds).map(([k, t]) => ({ s, k, ...t })));
  if (!lessons.length && !topics.length) return [...out, PROGRESS.empty[lang]].join('\n') + '\n';
  if (lessons.length) {
    out.push(PROGRESS.lessons[lang]);
    const w = Math.max(...lessons.map(([id]) => id.length));
    for (const [id, l] of lessons) {
      const predicted = l.predicted ? `  ${PROGRESS.predicted[lang](l.predicted.right, l.predicted.asked)}` : '';
      out.push(`  ${padEnd(id, w)}  ${padEnd(PROGRESS.times[lang](l.finished), 9)}  ${PROGRESS.last[lang]} ${day(l.lastAt)}${predicted}`);
    }
    out.push('');
  }
  if (topics.length) {
    const h = PROGRESS.head[lang];
    out.push(PROGRESS.quiz[lang]);
    const ws = Math.max(...[h.scenario, ...topics.map((t) => t.s)].map(displayWidth));
    const wk = Math.max(...[h.kind, ...topics.map((t) => kindLabel(t.k, lang))].map(displayWidth));
    const row = (a: string, b: string, c: string, d: string, e: string) => `  ${padEnd(a, ws)}  ${padEnd(b, wk)}  ${padStart(c, 5)}  ${padStart(d, 5)}  ${e}`.trimEnd();
    out.push(row(h.scenario, h.kind, h.right, h.wrong, h.last));
    for (const t of topics.sort((a, b) => a.s.localeCompare(b.s) || a.k.localeCompare(b.k))) {
      out.push(row(t.s, kindLabel(t.k, lang), String(t.right), String(t.wrong), day(t.lastAt)));
    }
    const weak = weakestTopics(data, 3);
    if (weak.length) out.push('', PROGRESS.weakest[lang], ...weak.map((t) => `  ${t.scenario} · ${kindLabel(t.kind, lang)}`));
  }
  return out.join('\n') + '\n';
}

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
  register: (y, { io, lang, out }) => {
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
          if (store.newerVersion !== null) throw new UsageError(PROGRESS.newerReset[lang]);
          if (!store.path || !Object.keys(store.data.quiz).length && !Object.keys(store.data.lessons).length) {
            // An empty record may still be a file: delete it quietly.
            if (store.path) deleteProgress(store);
            return out(PROGRESS.nothing[lang] + '\n');
          }
          if (!args.yes) {
            out(PROGRESS.confirm[lang](store.path));
            const reply = await readOneLine(io.stdin);
            if (!/^(y|yes|是)$/i.test((reply ?? '').trim())) return out(`${reply === undefined ? '\n' : ''}${PROGRESS.kept[lang]}\n`);
          }
          deleteProgress(store);
          return out(PROGRESS.deleted[lang] + '\n');
        }
        if (args.json) {
          return out(json({ path: store.path, ...store.data, weakest: weakestTopics(store.data) }));
        }
        out(renderProgress(store.data, store.path, lang));
      },
    );
  },
};
