import type { Lang } from '../i18n/lang.js';
import { PROGRESS, weakestTopics, type ProgressData } from '../progress/index.js';
import { KIND_LABELS, KINDS, type Kind } from '../quiz/index.js';
import { displayWidth, padEnd, padStart } from '../term/text.js';

const day = (iso: string) => iso.slice(0, 10);
const kindLabel = (k: string, lang: Lang) => ((KINDS as readonly string[]).includes(k) ? KIND_LABELS[lang][k as Kind] : k);

/** The progress as lines, at most 80 columns wide (the path in the title aside). */
export function renderProgress(data: ProgressData, path: string, lang: Lang): string[] {
  const out = [PROGRESS.title[lang](path), ''];
  const lessons = Object.entries(data.lessons);
  const topics = Object.entries(data.quiz).flatMap(([s, kinds]) => Object.entries(kinds).map(([k, t]) => ({ s, k, ...t })));
  if (!lessons.length && !topics.length) return [...out, PROGRESS.empty[lang]];
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
  return out;
}
