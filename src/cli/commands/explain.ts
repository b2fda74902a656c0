import { HELP } from '../../i18n/help.js';
import type { ChalkInstance } from 'chalk';
import { describeStep } from '../../i18n/describe.js';
import type { Lang } from '../../i18n/lang.js';
import { ACTIVITY_LABELS, COUNTER_LABELS, MESSAGES, UI } from '../../i18n/strings.js';
import type { Lesson } from '../../lessons/index.js';
import { COUNTER_KEYS, moverOf, run, type Actor, type Counters, type Event, type Mode, type Mover } from '../../model/index.js';
import { displayWidth, padEnd, padStart, wrap } from '../../term/text.js';
import { json, type Command } from '../context.js';
import { UsageError } from '../errors.js';

/** The `explain --json` shape; scripts and tests rely on it. */
export interface Explanation {
  id: string;
  aliases: string[];
  title: string;
  summary: string;
  since: string | null;
  api: { signature: string; since: string | null }[];
  counts: Counters;
  syscalls: string[];
  steps: {
    n: number;
    event: Event;
    actor: Actor;
    /** Who moves payload bytes in this step. */
    mover: Mover;
    mode: Mode;
    /** The mode before the step, where the step switched it. */
    modeBefore?: Mode;
    activity: string;
    does: string;
    narration: string;
    counts: Counters;
  }[];
  limits: string[];
  usedBy: string[];
  notes: string[];
}

export function explain(lesson: Lesson, lang: Lang): Explanation {
  const timeline = run(lesson);
  const end = timeline.at(-1)!;
  return {
    id: lesson.id,
    aliases: lesson.aliases,
    title: lesson.title[lang],
    summary: lesson.summary[lang],
    since: lesson.since,
    api: lesson.api,
    counts: end.counts,
    syscalls: end.syscallLog,
    steps: lesson.steps.map((s, i) => {
      const before = timeline[i];
      const after = timeline[i + 1];
      return {
        n: i + 1,
        event: s.event,
        actor: after.actor,
        mover: moverOf(after),
        mode: after.cpu.mode,
        ...(before.cpu.mode !== after.cpu.mode ? { modeBefore: before.cpu.mode } : {}),
        activity: ACTIVITY_LABELS[after.cpu.activity][lang],
        does: describeStep(before, after, s.event, lang),
        narration: s.text[lang],
        counts: after.counts,
      };
    }),
    limits: lesson.limits.map((t) => t[lang]),
    usedBy: lesson.usedBy.map((t) => t[lang]),
    notes: lesson.notes.map((t) => t[lang]),
  };
}

/** The explanation as text for a terminal or a pipe, `width` columns wide. */
export function renderExplanation(x: Explanation, lang: Lang, width: number, paint: ChalkInstance): string {
  const out: string[] = [];
  const h = UI.heading[lang];
  const body = Math.max(20, width - 6);
  const para = (text: string, indent: string) => wrap(text, Math.max(20, width - indent.length)).map((l) => indent + l);
  const section = (title: string) => out.push('', paint.bold(title));

  const titleLines = wrap(`${x.id} · ${x.title}`, width).map((l) => paint.bold(l));
  if (x.since) appendOrBreak(titleLines, ' · ', x.since, width, '', paint.dim);
  out.push(...titleLines);
  out.push('', ...para(x.summary, ''));

  if (x.api.length) {
    section(h.api);
    for (const a of x.api) {
      const lines = wrap(a.signature, width - 4).map((l, i) => (i === 0 ? '  ' : '      ') + paint.cyan(l));
      if (a.since) appendOrBreak(lines, '  ', `(${a.since})`, width, '      ', paint.dim);
      out.push(...lines);
    }
  }

  section(h.steps);
  const modeWidth = Math.max(...x.steps.map((s) => displayWidth(modeText(s, lang))));
  for (const s of x.steps) {
    const who = UI.actor[lang][s.actor];
    const head = `${padStart(String(s.n), 3)}  ${padEnd(modeText(s, lang), modeWidth)}  ${padEnd(who, 4)} `;
    const avail = Math.max(20, width - displayWidth(head));
    const lines = wrap(s.does, avail).map((l) => colourOf(s.mover, paint)(l));
    appendOrBreak(lines, ' ', `· ${s.activity}`, avail, '', paint.dim);
    lines.forEach((l, i) => out.push((i === 0 ? head : ' '.repeat(displayWidth(head))) + l));
    for (const line of wrap(s.narration, body)) out.push(`      ${line}`);
  }

  section(h.counts);
  const labelWidth = Math.max(...COUNTER_KEYS.map((k) => displayWidth(COUNTER_LABELS[k][lang])));
  for (const k of COUNTER_KEYS) {
    const extra = k === 'syscalls' && x.syscalls.length ? paint.dim(`  ${x.syscalls.join(', ')}`) : '';
    out.push(`  ${padEnd(COUNTER_LABELS[k][lang], labelWidth)}  ${padStart(String(x.counts[k]), 2)}${extra}`);
  }

  for (const [title, items] of [
    [h.limits, x.limits],
    [h.usedBy, x.usedBy],
    [h.notes, x.notes],
  ] as const) {
    if (!items.length) continue;
    section(title);
    for (const item of items) {
      const [first, ...rest] = wrap(item, Math.max(20, width - 4));
      out.push(`  • ${first}`, ...rest.map((l) => `    ${l}`));
    }
  }
  return out.join('\n') + '\n';
}

/**
 * Puts `text` after the last line, behind `separator`, where it fits in `width`;
 * otherwise on a line of its own after `indent`. `style` colours what is added.
 */
function appendOrBreak(lines: string[], separator: string, text: string, width: number, indent: string, style: (s: string) => string) {
  if (displayWidth(lines.at(-1)!) + displayWidth(separator + text) <= width) lines[lines.length - 1] += style(separator + text);
  else lines.push(indent + style(text));
}

function modeText(s: Explanation['steps'][number], lang: Lang): string {
  const m = UI.mode[lang];
  return s.modeBefore ? `${m[s.modeBefore]} → ${m[s.mode]}` : m[s.mode];
}

function colourOf(mover: Mover, paint: ChalkInstance) {
  if (mover === 'cpu') return paint.red;
  if (mover === 'dma') return paint.green;
  return paint.reset;
}

export const explainCommand: Command = {
  names: ['explain'],
  register: (y, { lang, out, paint, width, lessons, lessonArg }) => {
    const H = HELP[lang];
    y.command(
      'explain [scenario]',
      H.explain,
      (c) =>
        c
          .positional('scenario', { type: 'string', describe: H.scenario })
          .option('file', { type: 'string', describe: H.explainFile })
          .option('json', { type: 'boolean', describe: H.explainJson }),
      (args) => {
        const lesson = lessonArg(args.scenario, args.file);
        if (!lesson) throw new UsageError(MESSAGES.needScenario[lang](lessons().lessons.map((l) => l.id)));
        const x = explain(lesson, lang);
        out(args.json ? json(x) : renderExplanation(x, lang, width, paint));
      },
    );
  },
};
