import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/lang.js';
import { MACHINE } from '../i18n/machine.js';
import { PUNCTUATION } from '../i18n/punctuation.js';
import { LEARN, UI } from '../i18n/strings.js';
import { HARDWARE, KERNEL_MEMORY, type Counters, type Location, type State, type Transfer } from '../model/index.js';
import { displayWidth, fitWidth, flow, padEnd } from '../term/text.js';

// The machine widget every screen that shows the machine draws (the lesson, a challenge, the sandbox):
// the three bands, the DMA and interrupt rows, and the counters line.

/** A machine to draw: its state, the state before (to mark what changed), and which places and rows to show. */
export interface MachinePicture {
  state: State;
  before: State;
  places: readonly Location[];
  usesPageTable: boolean;
  /** Half a screen's width (two machines side by side): the DMA controller's registers give way to its interrupt line. */
  compact?: boolean;
}

/** The machine as the learn screen draws it, for any screen that shows one (the sandbox, a challenge). */
export function machineLines({ state, before, places, usesPageTable, compact = false }: MachinePicture, lang: Lang, width: number, paint: ChalkInstance): string[] {
  const t = LEARN[lang];
  // Compact, the band the CPU is in says only that it is there: the narration says what it does.
  const cpu = paint.bold(compact ? UI[lang].actor.cpu : t.cpu(state.cpu.mode, MACHINE[lang].activity[state.cpu.activity]));
  const inner = width - 4;
  const labels = [t.app, t.pageTable, state.machine.dma ? t.dma : t.irq, ...places.map((p) => MACHINE[lang].place[p])];
  const labelWidth = Math.max(...labels.map(displayWidth));
  const room = inner - labelWidth - 2;
  /**
   * A row: its label, then its pieces. Pieces that do not fit beside each other
   * go on to lines of their own under the first, so that a narrow screen keeps
   * the border and every piece whole (a register set beside the interrupt line,
   * a transfer's arrow beside the slots); only a piece wider than the row alone is cut.
   */
  const row = (label: string, pieces: string[], separator = '  ') =>
    flow(pieces.filter(Boolean), separator, room).map((content, i) => `│ ${padEnd(i === 0 ? label : '', labelWidth)}  ${padEnd(fitWidth(content, room), room)} │`);
  const placeRow = (place: Location) => {
    // The NIC drains as it transmits: what it has put on the wire is said beside its (empty) slots.
    const onWire = place === 'nic' && state.sent.length ? paint.green(t.sent(state.sent.join(' '))) : '';
    const extra = place === 'ctrl' && state.deviceReady ? paint.yellow(t.ready) : onWire;
    return row(MACHINE[lang].place[place], [cells(state, before, place, paint), extra, arrow(state.transfer, place, lang, paint)]);
  };

  const out = [border('┌', '┐', t.user, state.cpu.mode === 'user' ? cpu : '', width)];
  out.push(...row(t.app, [appStatus(state, lang)]));
  out.push(...placeRow('user'));
  if (usesPageTable) pageTableLines(state, lang, room, compact).forEach((l, i) => out.push(...row(i === 0 ? t.pageTable : '', [l])));
  out.push(border('├', '┤', t.kernel, state.cpu.mode === 'kernel' ? cpu : '', width));
  for (const place of places.filter((p) => KERNEL_MEMORY.includes(p))) out.push(...placeRow(place));
  // Compact, a waiting interrupt is said on the hardware band's border, as the CPU is on its band's: a row less.
  out.push(border('├', '┤', t.hardware, compact && state.interruptLine ? irqStatus(state, lang, paint) : '', width));
  for (const place of places.filter((p) => HARDWARE.includes(p))) out.push(...placeRow(place));
  // A machine without a DMA controller has no registers to draw; its devices still raise interrupts.
  const irq = `${t.irq}${PUNCTUATION[lang].colon}${irqStatus(state, lang, paint)}`;
  if (!compact) out.push(...(state.machine.dma ? row(t.dma, [dmaRegisters(state, before, lang, paint), irq], '   ') : row(t.irq, [irqStatus(state, lang, paint)])));
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
  if (state.call) return `${t.inside(state.call.name)}${state.process === 'blocked' ? ` · ${t.blocked}` : ''}`;
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
  const via = transfer.via ? LEARN[lang].via(MACHINE[lang].frameShort[transfer.via] ?? transfer.via) : '';
  const text = `${head}${MACHINE[lang].transfer[transfer.kind]}${tail} ${MACHINE[lang].place[transfer.from]}${via}`;
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

/**
 * `A→cache(p r cow)`: the frame behind each page, then present, read/write, copy-on-write, pinned.
 * Compact, pages mapped alike share one entry: `ABCD→cache(p r)`.
 */
function pageTableLines(state: State, lang: Lang, width: number, compact = false): string[] {
  if (state.pageTable.length === 0) return ['—'];
  const entries = state.pageTable.map((p) => {
    const flags = [p.present ? 'p' : '-', p.writable ? 'w' : 'r', p.cow ? 'cow' : '', p.pinned ? 'pin' : ''].filter(Boolean).join(' ');
    return { block: p.block, to: `→${MACHINE[lang].frameShort[p.frame] ?? p.frame}(${flags})` };
  });
  if (!compact) return flow(entries.map((e) => e.block + e.to), '  ', width);
  const alike = new Map<string, string>();
  for (const e of entries) alike.set(e.to, (alike.get(e.to) ?? '') + e.block);
  return flow([...alike].map(([to, blocks]) => blocks + to), '  ', width);
}

/** The DMA controller's registers and status, a changed one marked. */
function dmaRegisters(state: State, before: State, lang: Lang, paint: ChalkInstance): string {
  const d = state.dma;
  const mark = (text: string, changed: boolean) => (changed ? paint.yellow.bold(text) : text);
  const name = (l: Location | null) => (l ? MACHINE[lang].place[l] : '—');
  return [
    mark(`MAR=${name(d.mar)}`, d.mar !== before.dma.mar),
    mark(`ADR=${name(d.adr)}`, d.adr !== before.dma.adr),
    mark(`WC=${d.wc}`, d.wc !== before.dma.wc),
    mark(MACHINE[lang].dmaStatus[d.status], d.status !== before.dma.status),
  ].join('  ');
}

/** The interrupt line: the device whose interrupt waits for the CPU, or a dash. */
function irqStatus(state: State, lang: Lang, paint: ChalkInstance): string {
  const source = state.interruptLine ? { dma: 'DMA', disk: MACHINE[lang].place.disk, nic: MACHINE[lang].place.nic }[state.interruptLine] : null;
  return source ? paint.yellow.bold(LEARN[lang].pending(source)) : '—';
}

/** The four counters the articles use, always shown. */
export const ALWAYS: (keyof Counters)[] = ['cpuCopies', 'dmaCopies', 'modeSwitches', 'syscalls'];

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
    const text = `${MACHINE[lang].counter[k]} ${state.counts[k]}${after(k)}${changed ? '▲' : ''}`;
    return changed ? paint.yellow.bold(text) : text;
  });
  return flow(items, '   ', width - 1).map((l) => ` ${l}`);
}
