import { KEYS_HELP } from '../../i18n/keys.js';
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../../i18n/lang.js';
import { PUNCTUATION } from '../../i18n/punctuation.js';
import { LEARN } from '../../i18n/strings.js';
import type { Mover, State } from '../../model/index.js';
import { displayWidth, padEnd, wrap } from '../../term/text.js';
import { HELP_KEYS, LESSON_KEYS, LONE_LESSON_KEYS, LONE_PLAYING_KEYS, MODE_KEYS, MOVER_KEYS, PLAYING_KEYS, PLAY_CONTROLS, PLAY_SPEED, footerOf, helpColumn, helpRows, keyLabel, type Keymap } from '../keys.js';
import { holdMs, playStatus, type Playing } from '../play.js';
import { ALWAYS, colourOfTransfer, countersLine, machineLines } from '../machine.js';
import { MIN_COLS, type Size } from '../size.js';
import { layoutScreen, titleLine, type Layout, type More } from '../skeleton.js';
import type { LearnView } from './view.js';

export interface PredictionVerdict {
  said: { mover: Mover; switches: boolean };
  moverRight: boolean;
  modeRight: boolean;
  /** What each wrong answer reveals, in the learner's language. */
  mistakes: string[];
}

/** The lesson screen's state: everything it shows besides the model's, where the learner is and what they are doing. */
export interface LessonState extends Playing {
  /** 0 is the start, before step 1; i is the machine after step i. */
  position: number;
  help: boolean;
  predict: boolean;
  /** Predict mode is asking about this step; `mover` is set once the first answer is in. */
  asking: { step: number; mover?: Mover } | null;
  verdicts: Record<number, PredictionVerdict>;
  /** How many lines of this step's text are scrolled out of sight above. */
  scroll: number;
  /** The steps seen so far (1-based, ascending), this visit's and those progress remembered. */
  seen: number[];
  /** Every step has been seen (the lesson counts as finished). */
  finished: boolean;
  /** Digits typed before g, G or Enter: the step to go to. */
  count: string;
  /** There is a screen to go back to (the picker); without one, q quits. */
  behind: boolean;
  /** Opened where progress says the learner left it (not at a step they asked for): the first frame says so. */
  resumed: boolean;
  /** The learner has gone to a step since the lesson opened (progress keeps where they stopped only then). */
  moved: boolean;
  /** Printed to a pipe (no keys): what is next is said as commands. */
  piped?: boolean;
}

/** The screen as a lesson opens: at the start, or at `at` (`--step`, a `resumed` lesson) with the steps already `seen`. */
export function initialLesson(predict: boolean, behind = false, at = 0, seen: number[] = [], resumed = false): LessonState {
  const all = at > 0 && !seen.includes(at) ? [...seen, at].sort((a, b) => a - b) : [...seen];
  return { position: at, help: false, predict, asking: null, verdicts: {}, scroll: 0, seen: all, finished: false, count: '', behind, resumed: resumed && at > 0, moved: false };
}

/**
 * The whole screen as lines, each at most `cols` wide and at most `rows - 1` of
 * them (ink clears the terminal to redraw a taller frame). Pure: the same
 * arguments always give the same lines, on a terminal or in a transcript.
 */
export function renderLesson(view: LearnView, ui: LessonState, size: Size, paint: ChalkInstance): string[] {
  return layoutLesson(view, ui, size, paint).lines;
}

/** The frame, and how much of the step's text it had to leave out of sight. */
export function layoutLesson(view: LearnView, ui: LessonState, size: Size, paint: ChalkInstance): Layout {
  const atEnd = ui.position === view.steps.length;
  return layoutScreen(
    {
      title: (width) => header(view, ui, width, paint),
      help: ui.help ? (width, room) => helpLines(view.lang, ui.behind, width, room, paint) : null,
      fixed: (width) => [...machine(view, ui.position, width, paint), ...counterLines(view, ui.position, width, paint)],
      body: (width) => lower(view, ui, width, paint),
      scroll: ui.scroll,
      footer: (more, width) => footerLine(view.lang, ui, more, width, atEnd, atEnd && view.nextId !== null),
    },
    size,
    paint,
  );
}

/** The footer of the lesson as it stands: the keys that do something now, the most needed first (at the end, no step is next). */
export function footerLine(lang: Lang, ui: LessonState, more: More, width: number, atEnd = false, openable = false): string {
  if (ui.count) return LEARN[lang].counting(Number(ui.count));
  // Lecture mode says first whether it plays and how fast, before a question's keys too (a prediction pauses it).
  if (ui.play) {
    const status = `${playStatus(ui, LEARN[lang])}   `;
    const rest = width - displayWidth(status);
    if (ui.asking) return status + (ui.asking.mover === undefined ? footerOf(MOVER_KEYS, ['cpu', 'dma', 'none', 'back'], lang, rest) : footerOf(MODE_KEYS, ['yes', 'no', 'back'], lang, rest));
    return status + footerOf({ ...(ui.behind ? PLAYING_KEYS : LONE_PLAYING_KEYS), speed: PLAY_SPEED }, ['pause', 'speed', 'stop', 'help', 'back', 'previous', 'next'], lang, rest);
  }
  if (ui.asking) return ui.asking.mover === undefined ? footerOf(MOVER_KEYS, ['cpu', 'dma', 'none', 'back'], lang, width) : footerOf(MODE_KEYS, ['yes', 'no', 'back'], lang, width);
  const scroll = [...(more.below ? (['more'] as const) : []), ...(more.above ? (['less'] as const) : [])];
  const open = openable ? (['open'] as const) : [];
  const next = atEnd ? [] : (['next'] as const);
  const quiz = atEnd ? (['quiz'] as const) : [];
  return footerOf(ui.behind ? LESSON_KEYS : LONE_LESSON_KEYS, [...open, ...quiz, ...next, 'previous', ...scroll, 'help', 'back', 'predict', 'play', 'first', 'last'], lang, width);
}

/**
 * How long lecture mode holds the step in sight before the next, in ms; null
 * where it waits for nothing (paused, off, at the end, or the help, a question or
 * a count in the way). The words held for are the ones the step shows.
 */
export function lessonHold(view: LearnView, ui: LessonState): number | null {
  if (ui.play !== 'playing' || ui.help || ui.asking || ui.count || ui.position >= view.steps.length) return null;
  return holdMs(stepWords(view, ui.position, ui.verdicts[ui.position]), ui.speed);
}

/** The words a step shows, to be read: what it does and its narration (a prediction's verdict too); at the start, where the machine starts. */
export function stepWords(view: LearnView, position: number, verdict?: PredictionVerdict): string {
  if (position === 0) return [LEARN[view.lang].startHint(view.initial.places.pageCache.length > 0), view.whatIf ?? ''].join(' ');
  const step = view.steps[position - 1];
  return [step.does, ...(step.summary ?? []), step.narration, ...(verdict?.mistakes ?? [])].join(' ');
}

/** A plain transcript of every step from `from` (0, the start, unless `--step` says), for a pipe: the same frames, without keys. */
export function transcript(view: LearnView, paint: ChalkInstance, cols = 80, from = 0): string {
  const size = { cols: Math.max(cols, MIN_COLS), rows: 200 };
  const blocks: string[] = [];
  for (let position = from; position <= view.steps.length; position++) {
    const frame = renderLesson(view, { ...initialLesson(false), position, piped: true }, size, paint);
    blocks.push(frame.slice(0, -1).join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}

function header(view: LearnView, ui: LessonState, width: number, paint: ChalkInstance): string {
  const t = LEARN[view.lang];
  const where = ui.position === 0 ? t.start : t.step(ui.position, view.steps.length);
  const right = `${ui.predict ? `${t.predictOn} · ` : ''}${where} `;
  // A variant says so on every step (its words are at the start only); on a short line, the origin (`Linux 2.2`) gives way to it.
  const left = (since: boolean) => ` ${['zcopy', view.id, ...(since && view.since ? [view.since] : []), ...(view.variant ? [t.variant(view.variant)] : [])].join(' · ')}`;
  const whole = left(true);
  return titleLine(displayWidth(whole) + 1 + displayWidth(right) <= width ? whole : left(false), right, width, paint);
}

function stateAt(view: LearnView, position: number): { state: State; before: State } {
  if (position === 0) return { state: view.initial, before: view.initial };
  const step = view.steps[position - 1];
  return { state: step.state, before: step.before };
}

/** The three bands: user space, kernel space, hardware, with the CPU on the border of the band it is in. */
function machine(view: LearnView, position: number, width: number, paint: ChalkInstance): string[] {
  return machineLines({ ...stateAt(view, position), places: view.places, usesPageTable: view.usesPageTable }, view.lang, width, paint);
}

/** The counters, labelled exactly as the articles' figures are; ▲ marks one this step changed. */
function counterLines(view: LearnView, position: number, width: number, paint: ChalkInstance): string[] {
  const { state, before } = stateAt(view, position);
  return countersLine(state, before, [...ALWAYS, ...view.extraCounters], view.lang, width, paint);
}

/** Below the counters: the step's transfer and narration, predict mode's questions, or the end. */
function lower(view: LearnView, ui: LessonState, width: number, paint: ChalkInstance): string[] {
  const t = LEARN[view.lang];
  const text = (s: string) => wrap(s, width - 2).map((l) => ` ${l}`);
  const out: string[] = [];
  if (ui.asking) {
    const step = view.steps[ui.asking.step - 1];
    out.push(...text(t.predictPrompt(ui.asking.step, step.tease)).map((l) => paint.bold(l)));
    if (ui.asking.mover === undefined) out.push(...text(`${t.askMover}   ${options(MOVER_KEYS, ['cpu', 'dma', 'none'], view.lang)}`));
    else out.push(...text(`${t.whoLabel}${PUNCTUATION[view.lang].colon}${t.mover[ui.asking.mover]}`), ...text(`${t.askMode}   ${options(MODE_KEYS, ['yes', 'no'], view.lang)}`));
    return out;
  }
  if (ui.position === 0) return [...text(t.startHint(view.initial.places.pageCache.length > 0)), ...(view.whatIf ? text(view.whatIf).map((l) => paint.yellow(l)) : [])];

  const step = view.steps[ui.position - 1];
  if (ui.resumed && !ui.moved) out.push(...text(t.resumed(ui.position, view.steps.length, keyLabel(LESSON_KEYS.first.keys[0], view.lang))).map((l) => paint.cyan(l)));
  if (step.repeats) out.push(...text(t.repeats(step.repeats.chunks, step.repeats.rounds)).map((l) => paint.cyan(l)));
  const mover = step.summary ? paint.bold : step.state.transfer ? colourOfTransfer(step.state.transfer.kind, paint) : paint.bold;
  out.push(...wrap(`${step.summary ? '' : '▶ '}${step.does}`, width - 2).map((l) => ` ${mover(l)}`));
  if (step.summary) out.push(...step.summary.map((l) => `   ${l}`));
  const end = ui.position === view.steps.length;
  const asked = Object.values(ui.verdicts);
  // Predict mode's score comes first at the end, where the smallest screen still shows it: the step's text scrolls below it.
  if (end && asked.length) out.push(...text(t.score(asked.filter((v) => v.moverRight && v.modeRight).length, asked.length)).map((l) => paint.bold(l)));
  const verdict = ui.verdicts[ui.position];
  if (verdict) out.push(...verdictLines(verdict, view.lang, width, paint));
  const ending: string[] = [];
  if (end) {
    // On a screen, keys do what the commands would; a transcript says the commands.
    const key = (k: 'quiz' | 'open') => keyLabel(LESSON_KEYS[k].keys[0], view.lang);
    const next = ui.piped
      ? t.next(`zcopy quiz --scenario ${view.id}`, view.nextId ? `zcopy learn ${view.nextId}` : null)
      : t.nextKeys(key('quiz'), key('open'), view.nextId);
    ending.push(...text(`${t.done} ${next}`).map((l) => paint.green(l)));
    for (const line of view.saved) ending.push(...text(line).map((l) => paint.bold(l)));
  }
  return [...out, ...(step.narration ? text(step.narration) : []), ...ending];
}

/** A question's answers as `[c] CPU   [d] DMA`, read off its keymap. */
function options<A extends string>(map: Keymap<A>, actions: A[], lang: Lang): string {
  return actions.map((a) => `[${map[a].keys.map((k) => keyLabel(k, lang)).join('/')}] ${map[a].says(lang).brief}`).join('   ');
}

function verdictLines(v: PredictionVerdict, lang: Lang, width: number, paint: ChalkInstance): string[] {
  const t = LEARN[lang];
  const mark = (ok: boolean) => (ok ? paint.green('✓') : paint.red('✗'));
  const head =
    ` ${mark(v.moverRight)} ${t.whoLabel}${PUNCTUATION[lang].colon}${t.mover[v.said.mover]}` +
    `   ${mark(v.modeRight)} ${t.modeLabel}${PUNCTUATION[lang].colon}${v.said.switches ? t.yesNo.yes : t.yesNo.no}`;
  return [head, ...v.mistakes.flatMap((m) => wrap(m, width - 4).map((l) => `   ${paint.yellow(l)}`))];
}

/** The help: the lesson's keys and predict mode's, read off their keymaps, then the legend, in at most `budget` lines. */
function helpLines(lang: Lang, behind: boolean, width: number, budget: number, paint: ChalkInstance): string[] {
  const t = LEARN[lang];
  // Not `?` (the help is open) nor Ctrl-C (its last line says it): the smallest screen has room for no more.
  const { help: _help, quit: _quit, ...listed } = behind ? LESSON_KEYS : LONE_LESSON_KEYS;
  const lesson = helpRows(listed, lang);
  // Two keys to a line where they fit, each column aligned on its own, so that help and legend fit the smallest screen.
  const left = helpColumn(lesson.filter((_, i) => i % 2 === 0));
  const right = helpColumn(lesson.filter((_, i) => i % 2 === 1));
  const leftWidth = Math.max(...left.map(displayWidth)) + 3;
  const pairs = 3 + leftWidth + Math.max(...right.map(displayWidth)) <= width;
  const keyLines = pairs ? left.map((l, i) => `   ${padEnd(l, leftWidth)}${right[i] ?? ''}`) : helpColumn(lesson, '   ');
  const predict = helpColumn([...predictRows(lang), playRow(lang)], '   ');
  const legend = t.legend.flatMap((l) => wrap(l, width - 4).map((x) => `   ${x}`));
  const close = paint.dim(` ${footerOf(HELP_KEYS, ['close', 'quit'], lang, width - 1)}`);
  const full = [paint.bold(` ${t.helpTitle}`), ...keyLines, ...predict, '', paint.bold(` ${t.legendTitle}`), ...legend, '', close];
  // Where the screen is short the blank lines go first.
  return full.length <= budget ? full : full.filter((l) => l !== '');
}

/** Lecture mode's keys in one help row (its own keys besides p): the smallest screen has room for no more. */
export function playRow(lang: Lang): [string, string] {
  const { stop: _stop, ...keys } = PLAY_CONTROLS;
  const rows = helpRows(keys, lang);
  return [rows.map(([k]) => k).join(KEYS_HELP[lang].between), `${LEARN[lang].playing}${PUNCTUATION[lang].colon}${rows.map(([, does]) => does).join(' / ')}`];
}

/** Predict mode's two questions, one help row each: their keys and their answers. */
function predictRows(lang: Lang): [string, string][] {
  const t = LEARN[lang];
  const row = <A extends string>(map: Keymap<A>, actions: A[], question: string): [string, string] => [
    actions.map((a) => map[a].keys.map((k) => keyLabel(k, lang)).join(KEYS_HELP[lang].between)).join(KEYS_HELP[lang].between),
    `${question}${PUNCTUATION[lang].colon}${actions.map((a) => map[a].says(lang).brief).join(' / ')}`,
  ];
  return [row(MOVER_KEYS, ['cpu', 'dma', 'none'], t.whoLabel), row(MODE_KEYS, ['yes', 'no'], t.modeLabel)];
}
