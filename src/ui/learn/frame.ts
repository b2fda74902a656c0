import type { ChalkInstance } from 'chalk';
import type { Lang } from '../../i18n/lang.js';
import { ACTIVITY_LABELS, COUNTER_LABELS, LEARN, PLACE_LABELS, TRANSFER_LABELS } from '../../i18n/strings.js';
import { HARDWARE, KERNEL_MEMORY, type Counters, type Location, type Mover, type State, type Transfer } from '../../model/index.js';
import { displayWidth, fitWidth, flow, padEnd, wrap } from '../../term/text.js';
import { HELP_KEYS, LESSON_KEYS, LONE_LESSON_KEYS, MODE_KEYS, MOVER_KEYS, footerOf, helpColumn, helpRows, keyLabel, type Keymap } from '../keys.js';
import type { LearnView } from './view.js';

/** Below this the three bands and the narration cannot both fit. */
export const MIN_COLS = 72;
export const MIN_ROWS = 20;
const MAX_COLS = 100;

export interface Verdict {
  said: { mover: Mover; switches: boolean };
  moverRight: boolean;
  modeRight: boolean;
  /** What each wrong answer reveals, in the learner's language. */
  mistakes: string[];
}

/** Everything the screen shows besides the model's state: where the learner is and what they are doing. */
export interface ScreenState {
  /** 0 is the start, before step 1; i is the machine after step i. */
  position: number;
  help: boolean;
  predict: boolean;
  /** Predict mode is asking about this step; `mover` is set once the first answer is in. */
  asking: { step: number; mover?: Mover } | null;
  verdicts: Record<number, Verdict>;
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
}

/** The screen as a lesson opens: at the start, or at `at` (`--step`, a resumed lesson) with the steps already `seen`. */
export function initialScreen(predict: boolean, behind = false, at = 0, seen: number[] = []): ScreenState {
  const all = at > 0 && !seen.includes(at) ? [...seen, at].sort((a, b) => a - b) : [...seen];
  return { position: at, help: false, predict, asking: null, verdicts: {}, scroll: 0, seen: all, finished: false, count: '', behind };
}

export interface Size {
  cols: number;
  rows: number;
}

/**
 * The whole screen as lines, each at most `cols` wide and at most `rows - 1` of
 * them (ink clears the terminal to redraw a taller frame). Pure: the same
 * arguments always give the same lines, on a terminal or in a transcript.
 */
export function renderFrame(view: LearnView, ui: ScreenState, size: Size, paint: ChalkInstance): string[] {
  return layoutFrame(view, ui, size, paint).lines;
}

export interface Layout {
  lines: string[];
  /** How far the text below the counters can scroll: 0 when all of it fits. */
  maxScroll: number;
}

/** The frame, and how much of the step's text it had to leave out of sight. */
export function layoutFrame(view: LearnView, ui: ScreenState, size: Size, paint: ChalkInstance): Layout {
  const t = LEARN[view.lang];
  if (size.cols < MIN_COLS || size.rows < MIN_ROWS) {
    return { lines: wrap(t.tooSmall(MIN_COLS, MIN_ROWS, size.cols, size.rows), Math.max(10, size.cols - 1)).slice(0, Math.max(1, size.rows - 1)), maxScroll: 0 };
  }
  const width = Math.min(size.cols, MAX_COLS);
  const budget = size.rows - 1;
  const lines = [header(view, ui, width, paint)];
  if (ui.help) {
    lines.push(...helpLines(view.lang, ui.behind, width, budget - 1, paint));
    return { lines: lines.map((l) => fitWidth(l, width)), maxScroll: 0 };
  }
  lines.push(...machine(view, ui.position, width, paint));
  const counters = counterLines(view, ui.position, width, paint);
  const room = Math.max(1, budget - lines.length - counters.length - 1);
  const body = lower(view, ui, width, paint);
  const maxScroll = Math.max(0, body.length - room);
  const scroll = Math.min(ui.scroll, maxScroll);
  const more = { above: scroll > 0, below: scroll < maxScroll };
  const openable = ui.position === view.steps.length && view.nextId !== null;
  lines.push(...counters, ...body.slice(scroll, scroll + room), paint.dim(` ${footerLine(view.lang, ui, more, width - 1, openable)}`));
  return { lines: lines.map((l) => fitWidth(l, width)), maxScroll };
}

/** The footer of the lesson as it stands: the keys that do something now, the most needed first. */
export function footerLine(lang: Lang, ui: ScreenState, more: { above: boolean; below: boolean }, width: number, openable = false): string {
  if (ui.count) return LEARN[lang].counting(Number(ui.count));
  if (ui.asking) return ui.asking.mover === undefined ? footerOf(MOVER_KEYS, ['cpu', 'dma', 'none', 'back'], lang, width) : footerOf(MODE_KEYS, ['yes', 'no', 'back'], lang, width);
  const scroll = [...(more.below ? (['more'] as const) : []), ...(more.above ? (['less'] as const) : [])];
  const open = openable ? (['open'] as const) : [];
  return footerOf(ui.behind ? LESSON_KEYS : LONE_LESSON_KEYS, [...open, 'next', 'previous', ...scroll, 'help', 'back', 'predict', 'first', 'last'], lang, width);
}

/** A plain transcript of every step from `from` (0, the start, unless `--step` says), for a pipe: the same frames, without keys. */
export function transcript(view: LearnView, paint: ChalkInstance, cols = 80, from = 0): string {
  const size = { cols: Math.max(cols, MIN_COLS), rows: 200 };
  const blocks: string[] = [];
  for (let position = from; position <= view.steps.length; position++) {
    const frame = renderFrame(view, { ...initialScreen(false), position }, size, paint);
    blocks.push(frame.slice(0, -1).join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}

function header(view: LearnView, ui: ScreenState, width: number, paint: ChalkInstance): string {
  const t = LEARN[view.lang];
  const left = ` zcopy · ${view.id}${view.since ? ` · ${view.since}` : ''}`;
  const where = ui.position === 0 ? t.start : t.step(ui.position, view.steps.length);
  const right = `${ui.predict ? `${t.predictOn} · ` : ''}${where} `;
  const gap = Math.max(1, width - displayWidth(left) - displayWidth(right));
  return paint.bold(left) + ' '.repeat(gap) + right;
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

/** A machine to draw: its state, the state before (to mark what changed), and which places and rows to show. */
export interface MachinePicture {
  state: State;
  before: State;
  places: readonly Location[];
  usesPageTable: boolean;
}

/** The machine as the learn screen draws it, for any screen that shows one (the sandbox, a challenge). */
export function machineLines({ state, before, places, usesPageTable }: MachinePicture, lang: Lang, width: number, paint: ChalkInstance): string[] {
  const t = LEARN[lang];
  const cpu = paint.bold(t.cpu(state.cpu.mode, ACTIVITY_LABELS[state.cpu.activity][lang]));
  const inner = width - 4;
  const labels = [t.app, t.pageTable, state.machine.dma ? t.dma : t.irq, ...places.map((p) => PLACE_LABELS[p][lang])];
  const labelWidth = Math.max(...labels.map(displayWidth));
  const row = (label: string, content: string) => `│ ${padEnd(`${padEnd(label, labelWidth)}  ${content}`, inner)} │`;
  const placeRow = (place: Location) => {
    // The NIC drains as it transmits: what it has put on the wire is said beside its (empty) slots.
    const onWire = place === 'nic' && state.sent.length ? `  ${paint.green(t.sent(state.sent.join(' ')))}` : '';
    const extra = place === 'ctrl' && state.deviceReady ? `  ${paint.yellow(t.ready)}` : onWire;
    return row(PLACE_LABELS[place][lang], cells(state, before, place, paint) + extra + arrow(state.transfer, place, lang, paint));
  };

  const out = [border('┌', '┐', t.user, state.cpu.mode === 'user' ? cpu : '', width)];
  out.push(row(t.app, appStatus(state, lang)));
  out.push(placeRow('user'));
  if (usesPageTable) pageTableLines(state, lang, inner - labelWidth - 2).forEach((l, i) => out.push(row(i === 0 ? t.pageTable : '', l)));
  out.push(border('├', '┤', t.kernel, state.cpu.mode === 'kernel' ? cpu : '', width));
  for (const place of places.filter((p) => KERNEL_MEMORY.includes(p))) out.push(placeRow(place));
  out.push(border('├', '┤', t.hardware, '', width));
  for (const place of places.filter((p) => HARDWARE.includes(p))) out.push(placeRow(place));
  // A machine without a DMA controller has no registers to draw; its devices still raise interrupts.
  out.push(state.machine.dma ? row(t.dma, dmaStatus(state, before, lang, paint)) : row(t.irq, irqStatus(state, lang, paint)));
  out.push(`└${'─'.repeat(width - 2)}┘`);
  return out;
}

function border(left: string, right: string, title: string, label: string, width: number): string {
  const head = `${left} ${title} `;
  const tail = label ? ` ${label} ──${right}` : `${right}`;
  const fill = Math.max(1, width - displayWidth(head) - displayWidth(tail));
  return head + '─'.repeat(fill) + tail;
}

function appStatus(state: State, lang: Lang): string {
  const t = LEARN[lang];
  if (state.faultReturn !== null) return t.inFault;
  if (state.openSyscall) return `${t.inside(state.openSyscall)}${state.process === 'blocked' ? ` · ${t.blocked}` : ''}`;
  return t.running;
}

/** One slot per payload block: [A] bytes, <A> a reference, {A} a mapping, · nothing. */
function cells(state: State, before: State, place: Location, paint: ChalkInstance): string {
  const slot = Math.max(...state.payload.map((b) => b.length)) + 2;
  return state.payload
    .map((block) => {
      const h = state.places[place].find((x) => x.block === block);
      const was = before.places[place].find((x) => x.block === block);
      const changed = JSON.stringify(h) !== JSON.stringify(was);
      if (!h) return padEnd(' ·', slot);
      const text = h.as === 'data' ? `[${block}]` : h.as === 'ref' ? `<${block}>` : `{${block}}`;
      const styled = h.as === 'data' ? paint.bold(text) : h.as === 'ref' ? paint.cyan(text) : paint.magenta(text);
      return changed ? paint.inverse(styled) : styled;
    })
    .join('');
}

const ARROW_SHAPES: Record<Transfer['kind'], [string, string]> = {
  'cpu-copy': ['◀══ ', ' ══'],
  'dma-copy': ['◀══ ', ' ══'],
  descriptor: ['◀── ', ' ──'],
  reference: ['◀── ', ' ──'],
  mapping: ['◀┄┄ ', ' ┄┄'],
  device: ['◀── ', ' ──'],
};

/** This step's transfer, drawn on the row of the place it arrives at, labelled as well as coloured. */
function arrow(transfer: Transfer | null, place: Location, lang: Lang, paint: ChalkInstance): string {
  if (!transfer || transfer.to !== place) return '';
  const [head, tail] = ARROW_SHAPES[transfer.kind];
  const via = transfer.via ? LEARN[lang].via(FRAME_SHORT[lang][transfer.via] ?? transfer.via) : '';
  const text = `  ${head}${TRANSFER_LABELS[transfer.kind][lang]}${tail} ${PLACE_LABELS[transfer.from][lang]}${via}`;
  return colourOfTransfer(transfer.kind, paint)(text);
}

export function colourOfTransfer(kind: Transfer['kind'], paint: ChalkInstance) {
  switch (kind) {
    case 'cpu-copy':
      return paint.red.bold;
    case 'dma-copy':
      return paint.green.bold;
    case 'descriptor':
    case 'reference':
      return paint.cyan;
    case 'mapping':
      return paint.magenta;
    case 'device':
      return paint.blue;
  }
}

const FRAME_SHORT: Record<Lang, Partial<Record<Location, string>>> = {
  en: { pageCache: 'cache', user: 'user', fbuf: 'fbuf', nic: 'NIC', socket: 'sock', ctrl: 'ctrl', pipe: 'pipe' },
  zh: { pageCache: '页缓存', user: '用户', fbuf: 'fbuf', nic: '网卡', socket: 'sock', ctrl: '控制器', pipe: '管道' },
};

/** `A→cache(p r cow)`: the frame behind each page, then present, read/write, copy-on-write, pinned. */
function pageTableLines(state: State, lang: Lang, width: number): string[] {
  if (state.pageTable.length === 0) return ['—'];
  const entries = state.pageTable.map((p) => {
    const flags = [p.present ? 'p' : '-', p.writable ? 'w' : 'r', p.cow ? 'cow' : '', p.pinned ? 'pin' : ''].filter(Boolean).join(' ');
    return `${p.block}→${FRAME_SHORT[lang][p.frame] ?? p.frame}(${flags})`;
  });
  return flow(entries, '  ', width);
}

const DMA_STATUS: Record<Lang, Record<State['dma']['status'], string>> = {
  en: { idle: 'idle', programmed: 'programmed', done: 'done' },
  zh: { idle: '空闲', programmed: '已设置', done: '完成' },
};

function dmaStatus(state: State, before: State, lang: Lang, paint: ChalkInstance): string {
  const t = LEARN[lang];
  const d = state.dma;
  const mark = (text: string, changed: boolean) => (changed ? paint.yellow.bold(text) : text);
  const name = (l: Location | null) => (l ? PLACE_LABELS[l][lang] : '—');
  const regs = [
    mark(`MAR=${name(d.mar)}`, d.mar !== before.dma.mar),
    mark(`ADR=${name(d.adr)}`, d.adr !== before.dma.adr),
    mark(`WC=${d.wc}`, d.wc !== before.dma.wc),
    mark(DMA_STATUS[lang][d.status], d.status !== before.dma.status),
  ].join('  ');
  return `${regs}   ${t.irq}${lang === 'zh' ? '：' : ': '}${irqStatus(state, lang, paint)}`;
}

/** The interrupt line: the device whose interrupt waits for the CPU, or a dash. */
function irqStatus(state: State, lang: Lang, paint: ChalkInstance): string {
  const source = state.interruptLine ? { dma: 'DMA', disk: PLACE_LABELS.disk[lang], nic: PLACE_LABELS.nic[lang] }[state.interruptLine] : null;
  return source ? paint.yellow.bold(LEARN[lang].pending(source)) : '—';
}

/** The four counters the articles use, always shown. */
export const ALWAYS: (keyof Counters)[] = ['cpuCopies', 'dmaCopies', 'modeSwitches', 'syscalls'];

/** The counters, labelled exactly as the articles' figures are; ▲ marks one this step changed. */
function counterLines(view: LearnView, position: number, width: number, paint: ChalkInstance): string[] {
  const { state, before } = stateAt(view, position);
  return countersLine(state, before, [...ALWAYS, ...view.extraCounters], view.lang, width, paint);
}

/** `keys` of the counters as one flowed line (or more); `after` adds to a counter's text (a challenge's limit). */
export function countersLine(
  state: State,
  before: State,
  keys: readonly (keyof Counters)[],
  lang: Lang,
  width: number,
  paint: ChalkInstance,
  after: (k: keyof Counters) => string = () => '',
): string[] {
  const items = keys.map((k) => {
    const changed = state.counts[k] !== before.counts[k];
    const text = `${COUNTER_LABELS[k][lang]} ${state.counts[k]}${after(k)}${changed ? '▲' : ''}`;
    return changed ? paint.yellow.bold(text) : text;
  });
  return flow(items, '   ', width - 1).map((l) => ` ${l}`);
}

/** Below the counters: the step's transfer and narration, predict mode's questions, or the end. */
function lower(view: LearnView, ui: ScreenState, width: number, paint: ChalkInstance): string[] {
  const t = LEARN[view.lang];
  const text = (s: string) => wrap(s, width - 2).map((l) => ` ${l}`);
  const out: string[] = [];
  if (ui.asking) {
    const step = view.steps[ui.asking.step - 1];
    out.push(...text(t.predictPrompt(ui.asking.step, step.tease)).map((l) => paint.bold(l)));
    if (ui.asking.mover === undefined) out.push(...text(`${t.askMover}   ${options(MOVER_KEYS, ['cpu', 'dma', 'none'], view.lang)}`));
    else out.push(...text(`${t.whoLabel}: ${t.mover[ui.asking.mover]}`), ...text(`${t.askMode}   ${options(MODE_KEYS, ['yes', 'no'], view.lang)}`));
    return out;
  }
  if (ui.position === 0) return [...text(t.startHint(view.initial.places.pageCache.length > 0)), ...(view.whatIf ? text(view.whatIf).map((l) => paint.yellow(l)) : [])];

  const step = view.steps[ui.position - 1];
  if (step.repeats) out.push(...text(t.repeats(step.repeats.chunks, step.repeats.rounds)).map((l) => paint.cyan(l)));
  const mover = step.summary ? paint.bold : step.state.transfer ? colourOfTransfer(step.state.transfer.kind, paint) : paint.bold;
  out.push(...wrap(`${step.summary ? '' : '▶ '}${step.does}`, width - 2).map((l) => ` ${mover(l)}`));
  if (step.summary) out.push(...step.summary.map((l) => `   ${l}`));
  const verdict = ui.verdicts[ui.position];
  if (verdict) out.push(...verdictLines(verdict, view.lang, width, paint));
  const ending: string[] = [];
  if (ui.position === view.steps.length) {
    const quiz = `zcopy quiz --scenario ${view.id}`;
    ending.push(...text(`${t.done} ${t.next(quiz, view.nextId ? `zcopy learn ${view.nextId}` : null)}`).map((l) => paint.green(l)));
    for (const line of view.saved) ending.push(...text(line).map((l) => paint.bold(l)));
    const asked = Object.values(ui.verdicts);
    if (asked.length) {
      const right = asked.filter((v) => v.moverRight && v.modeRight).length;
      ending.push(...text(t.score(right, asked.length)));
    }
  }
  return [...out, ...(step.narration ? text(step.narration) : []), ...ending];
}

/** A question's answers as `[c] CPU   [d] DMA`, read off its keymap. */
function options<A extends string>(map: Keymap<A>, actions: A[], lang: Lang): string {
  return actions.map((a) => `[${map[a].keys.map((k) => keyLabel(k, lang)).join('/')}] ${map[a].brief[lang]}`).join('   ');
}

function verdictLines(v: Verdict, lang: Lang, width: number, paint: ChalkInstance): string[] {
  const t = LEARN[lang];
  const mark = (ok: boolean) => (ok ? paint.green('✓') : paint.red('✗'));
  const head =
    ` ${mark(v.moverRight)} ${t.whoLabel}: ${t.mover[v.said.mover]}` +
    `   ${mark(v.modeRight)} ${t.modeLabel}: ${v.said.switches ? t.yesNo.yes : t.yesNo.no}`;
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
  const predict = helpColumn(predictRows(lang), '   ');
  const legend = t.legend.flatMap((l) => wrap(l, width - 4).map((x) => `   ${x}`));
  const close = paint.dim(` ${footerOf(HELP_KEYS, ['close', 'quit'], lang, width - 1)}`);
  const full = [paint.bold(` ${t.helpTitle}`), ...keyLines, ...predict, '', paint.bold(` ${t.legendTitle}`), ...legend, '', close];
  // Where the screen is short the blank lines go first.
  return full.length <= budget ? full : full.filter((l) => l !== '');
}

/** Predict mode's two questions, one help row each: their keys and their answers. */
function predictRows(lang: Lang): [string, string][] {
  const t = LEARN[lang];
  const row = <A extends string>(map: Keymap<A>, actions: A[], question: string): [string, string] => [
    actions.map((a) => map[a].keys.map((k) => keyLabel(k, lang)).join(' ')).join(' '),
    `${question}: ${actions.map((a) => map[a].brief[lang]).join(' / ')}`,
  ];
  return [row(MOVER_KEYS, ['cpu', 'dma', 'none'], t.whoLabel), row(MODE_KEYS, ['yes', 'no'], t.modeLabel)];
}
