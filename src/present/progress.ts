import type { Par } from '../challenge/index.js';
import type { Lang } from '../i18n/lang.js';
import { PROGRESS, weakestTopics, type ProgressData } from '../progress/index.js';
import { KIND_LABELS, KINDS, type Kind } from '../quiz/index.js';
import { PUNCTUATION } from '../i18n/punctuation.js';
import { displayWidth, padEnd, padStart } from '../term/text.js';

const day = (iso: string) => iso.slice(0, 10);
const kindLabel = (k: string, lang: Lang) => ((KINDS as readonly string[]).includes(k) ? KIND_LABELS[lang][k as Kind] : k);

/**
 * The progress as lines, at most 80 columns wide (the path in the title
 * aside). `levels`, in climbing order, gives each solved level its par and
 * its place in the list; a solved level not among them is shown last, without a par.
 * `stepsOf` gives a lesson's step count, for a lesson in progress ("5/11 seen").
 */
export function renderProgress(
  data: ProgressData,
  path: string,
  lang: Lang,
  levels: readonly { id: string; par: Par }[] = [],
  stepsOf: (id: string) => number | undefined = () => undefined,
): string[] {
  const out = [PROGRESS[lang].title(path), ''];
  const lessons = Object.entries(data.lessons);
  const topics = Object.entries(data.quiz).flatMap(([s, kinds]) => Object.entries(kinds).map(([k, t]) => ({ s, k, ...t })));
  const solved = Object.entries(data.challenges ?? {}).filter(([, c]) => c.solved > 0);
  if (!lessons.length && !topics.length && !solved.length) return [...out, PROGRESS[lang].empty];
  if (lessons.length) {
    out.push(PROGRESS[lang].lessons);
    const w = Math.max(...lessons.map(([id]) => id.length));
    // A lesson finished, or left part-way with steps seen in this pass: said as what it is, never "finished 0 times".
    const said = lessons.map(([id, l]) => {
      const parts = [...(l.finished ? [PROGRESS[lang].times(l.finished)] : []), ...(l.seen?.length || !l.finished ? [PROGRESS[lang].inProgress(l.seen?.length ?? 0, stepsOf(id))] : [])];
      return PUNCTUATION[lang].clauses(parts);
    });
    const sw = Math.max(...said.map(displayWidth));
    lessons.forEach(([id, l], i) => {
      const predicted = l.predicted ? `  ${PROGRESS[lang].predicted(l.predicted.right, l.predicted.asked)}` : '';
      out.push(`  ${padEnd(id, w)}  ${padEnd(said[i], sw)}  ${PROGRESS[lang].last} ${day(l.lastAt)}${predicted}`);
    });
    out.push('');
  }
  if (solved.length) {
    const h = PROGRESS[lang].levelHead;
    const vs = PROGRESS[lang].vsPar;
    const place = (id: string) => {
      const i = levels.findIndex((l) => l.id === id);
      return i < 0 ? levels.length : i;
    };
    const rows = solved
      .sort(([a], [b]) => place(a) - place(b) || a.localeCompare(b))
      .map(([id, c]) => {
        const par = levels.find((l) => l.id === id)?.par;
        return [id, String(c.solved), vs(c.best.modeSwitches, par?.modeSwitches), vs(c.best.steps, par?.steps), day(c.lastAt)];
      });
    const head = [h.level, h.solved, h.switches, h.steps, h.last];
    const w = head.map((_, i) => Math.max(...[head, ...rows].map((r) => displayWidth(r[i]))));
    const row = (r: string[]) => `  ${padEnd(r[0], w[0])}  ${padStart(r[1], w[1])}  ${padEnd(r[2], w[2])}  ${padEnd(r[3], w[3])}  ${r[4]}`.trimEnd();
    out.push(PROGRESS[lang].challenges, row(head), ...rows.map(row), '');
  }
  if (topics.length) {
    const h = PROGRESS[lang].head;
    out.push(PROGRESS[lang].quiz);
    const ws = Math.max(...[h.scenario, ...topics.map((t) => t.s)].map(displayWidth));
    const wk = Math.max(...[h.kind, ...topics.map((t) => kindLabel(t.k, lang))].map(displayWidth));
    const row = (a: string, b: string, c: string, d: string, e: string) => `  ${padEnd(a, ws)}  ${padEnd(b, wk)}  ${padStart(c, 5)}  ${padStart(d, 5)}  ${e}`.trimEnd();
    out.push(row(h.scenario, h.kind, h.right, h.wrong, h.last));
    for (const t of topics.sort((a, b) => a.s.localeCompare(b.s) || a.k.localeCompare(b.k))) {
      out.push(row(t.s, kindLabel(t.k, lang), String(t.right), String(t.wrong), day(t.lastAt)));
    }
    const weak = weakestTopics(data, 3);
    if (weak.length) out.push('', PROGRESS[lang].weakest, ...weak.map((t) => `  ${t.scenario} · ${kindLabel(t.kind, lang)}`));
  }
  // Each section ends in a blank line to part it from the next; the last has none.
  while (out.at(-1) === '') out.pop();
  return out;
}
