import type { ChalkInstance } from 'chalk';
import { BUILD, EVENT_GLOSS, PALETTE_ORDER, PHASE_LABELS, PLACE_WORDS } from '../../i18n/build.js';
import { PUNCTUATION } from '../../i18n/punctuation.js';
import type { Lang } from '../../i18n/lang.js';
import { MACHINE } from '../../i18n/machine.js';
import { EVENT_FIELDS, LOCATIONS, contractName, type Counters, type EventType, type Location } from '../../model/index.js';
import { CALL_GLOSS } from '../../i18n/syscalls.js';
import { displayWidth, wrap } from '../../term/text.js';
import { BUILD_KEYS, CONFIRM_KEYS, HELP_KEYS, LONE_BUILD_KEYS, PALETTE_KEYS, footerOf, helpColumn, helpRows, keyLabel } from '../keys.js';
import { ALWAYS, countersLine, machineLines } from '../machine.js';
import { scrollWindow } from '../fit.js';
import type { Size } from '../size.js';
import { MAX_COLS, layoutScreen, titleLine, type Layout, type More, type Parts } from '../skeleton.js';
import { current, fieldChoices, placesOf, type BuildState, type Palette, type PaletteChoice, type Workbench } from './state.js';

/** One value of a field as the palette writes it, by the field's kind in the event schema. */
export function valueLabel(type: EventType, field: string, value: unknown, lang: Lang): string {
  const t = BUILD[lang];
  const spec = EVENT_FIELDS[type][field];
  switch (spec?.kind) {
    case 'place':
      return MACHINE[lang].place[value as Location];
    case 'blocks':
      return value === undefined ? t.all : (value as string[]).join(' ');
    case 'count':
      return value === undefined ? t.allBlocks : String(value);
    case 'irqSource':
      return value === 'dma' ? 'DMA' : MACHINE[lang].place[value as Location];
    case 'flag':
      // A flag left out is its default, said as the learner would answer the question.
      return (value ?? spec.default) ? t.yes : t.no;
    default:
      return value === undefined ? '—' : String(value);
  }
}

/** The palette's choices now: the kinds, or the values of the field being chosen. */
export function paletteChoices(p: Palette, bench: Workbench, lang: Lang): PaletteChoice[] {
  if (p.type === null) return PALETTE_ORDER.map((type, i) => ({ label: type, off: !p.legal[i] || bench.banned.includes(type) }));
  const type = p.type;
  const choices = fieldChoices(p)!;
  return choices.values.map((v) => ({ label: valueLabel(type, choices.field, v, lang), off: false }));
}

/** The choices flowed into rows of `width`: each row the indices it holds. */
export function chipRows(labels: readonly string[], width: number): number[][] {
  const rows: number[][] = [[]];
  let used = 0;
  labels.forEach((label, i) => {
    const w = displayWidth(label) + 2;
    if (used > 0 && used + w > width) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)!.push(i);
    used += w + 1;
  });
  return rows;
}

/**
 * The places a text names, by the words levels use for them (PLACE_WORDS): whole words in
 * English, anywhere in Chinese, each at least once without a word ruling it out before it.
 */
export function placesNamed(text: string, lang: Lang): Location[] {
  return LOCATIONS.filter((p) => PLACE_WORDS[lang][p].some((w) => BUILD[lang].names(text, w)));
}

/** What the task talks about so far: the level's summary, what its machine lacks, and the hints revealed. */
const taskText = (b: BuildState, bench: Workbench): string =>
  bench.level ? [bench.level.summary, bench.level.machineNote ?? '', ...bench.level.hints.slice(0, b.hints)].join(' ') : '';

/** The width the palette's choices are flowed in, the same for the frame and for moving up and down. */
export const paletteWidth = (cols: number) => Math.min(cols, MAX_COLS) - 3;

/** The frame of the builder, at most `rows - 1` lines of at most `cols` columns. */
export function renderBuild(b: BuildState, bench: Workbench, behind: boolean, size: Size, paint: ChalkInstance, lang: Lang): string[] {
  return layoutBuild(b, bench, behind, size, paint, lang).lines;
}

export function layoutBuild(b: BuildState, bench: Workbench, behind: boolean, size: Size, paint: ChalkInstance, lang: Lang): Layout {
  const state = current(b);
  const before = b.timeline.at(-2) ?? state;
  const fixed = (width: number) => {
    const places = placesOf(b, bench, placesNamed(taskText(b, bench), lang));
    const keys: (keyof Counters)[] = [...ALWAYS, ...(['interrupts', 'pageFaults', 'descriptorCopies'] as const).filter((k) => state.counts[k] > 0 || bench.level?.limits[k])];
    const limits = bench.level?.limits ?? {};
    return [
      ...machineLines({ state, before, places, usesPageTable: b.timeline.some((s) => s.pageTable.length > 0) }, lang, width, paint),
      ...countersLine(state, before, keys, lang, width, paint, (k) => limits[k] ?? ''),
    ];
  };
  const parts = {
    title: (width: number) => header(b, bench, width, paint, lang),
    help: b.help ? (width: number, room: number) => helpLines(bench, behind, width, room, paint, lang) : null,
    fixed,
  };
  // The palette keeps the row with the cursor in sight itself; the text below the counters scrolls.
  const body: Pick<Parts, 'body' | 'scroll' | 'footer'> = b.palette
    ? {
        body: (width, room) => paletteLines(b, bench, width, room, paint, lang),
        footer: (_more, width) => footerOf(PALETTE_KEYS, ['choose', 'right', 'left', 'down', 'up', 'back'], lang, width),
      }
    : {
        body: (width) => lower(b, bench, width, paint, lang),
        scroll: b.scroll,
        footer: (more, width) => (b.confirm ? footerOf(CONFIRM_KEYS, ['yes', 'back'], lang, width) : footer(b, bench, behind, more, width, lang)),
      };
  return layoutScreen({ ...parts, ...body }, size, paint);
}

function header(b: BuildState, bench: Workbench, width: number, paint: ChalkInstance, lang: Lang): string {
  const t = BUILD[lang];
  const kind = bench.level ? t.challenge : t.sandbox;
  // Phases matter to what a chunk costs: shown where a level limits that, in the sandbox (its lesson keeps them), or once used.
  const phased = !bench.level || bench.level.perChunk || b.phase !== 'transfer' || b.steps.some((s) => s.phase !== 'transfer');
  return titleLine(` zcopy · ${kind}${bench.level ? ` · ${bench.name}` : ''}`, `${phased ? `${t.phase(PHASE_LABELS[lang][b.phase])} · ` : ''}${t.step(b.steps.length)} `, width, paint);
}

/** The keys that do something now, the most needed first. */
function footer(b: BuildState, bench: Workbench, behind: boolean, more: More, width: number, lang: Lang): string {
  const solved = b.judged?.solved === true;
  const actions = [
    ...(solved && bench.level?.next ? (['open'] as const) : []),
    'add' as const,
    'undo' as const,
    ...(b.redo.length ? (['redo'] as const) : []),
    ...(more.below ? (['more'] as const) : []),
    ...(more.above ? (['less'] as const) : []),
    ...(bench.level && b.hints < bench.level.hints.length ? (['hint'] as const) : []),
    ...(bench.write ? (['write'] as const) : []),
    'phase' as const,
    'help' as const,
    'back' as const,
  ];
  return footerOf(behind ? BUILD_KEYS : LONE_BUILD_KEYS, actions, lang, width);
}

/** Below the counters: what the last key did, then the level's goal, hints and verdict. */
function lower(b: BuildState, bench: Workbench, width: number, paint: ChalkInstance, lang: Lang): string[] {
  const t = BUILD[lang];
  const text = (s: string) => wrap(s, width - 2).map((l) => ` ${l}`);
  const tone = (s: string, how: 'info' | 'bad' | 'good') => (how === 'bad' ? paint.red(s) : how === 'good' ? paint.green(s) : paint.bold(s));
  const out: string[] = [];
  if (b.note) out.push(...text(`${b.note.tone === 'info' ? '▶ ' : ''}${b.note.text}`).map((l) => tone(l, b.note!.tone)));
  const level = bench.level;
  if (!level) {
    if (!b.steps.length) out.push(...text(t.startHint));
    return out;
  }
  const judged = b.judged!;
  if (judged.solved) {
    out.push(...text(`${t.solved} ${judged.solvedLines[0] ?? ''}`).map((l) => paint.green.bold(l)));
    for (const line of judged.solvedLines.slice(1)) out.push(...text(line));
  } else {
    out.push(...text(level.summary));
    if (level.machineNote) out.push(...text(level.machineNote).map((l) => paint.yellow(l)));
    const marks = judged.checks.map((c) => `${c.met ? paint.green('✓') : paint.red('✗')} ${c.text}`);
    out.push(...wrapItems(`${t.goal}${PUNCTUATION[lang].colonEnd}`, marks, width));
  }
  for (let i = 0; i < b.hints; i++) out.push(...text(t.hint(i + 1, level.hints.length, level.hints[i])).map((l) => paint.cyan(l)));
  return out;
}

/** `Goal: ✓ a   ✗ b ...` flowed under its label. */
function wrapItems(label: string, items: string[], width: number): string[] {
  const out: string[] = [];
  let line = ` ${label}`;
  for (const item of items) {
    if (displayWidth(line) + 3 + displayWidth(item) > width - 1 && line.trim() !== label) {
      out.push(line);
      line = `   ${item}`;
    } else line = `${line}   ${item}`;
  }
  out.push(line);
  return out;
}

/** The palette: what is being chosen, the choices with the cursor on one, and what the kind under it does. */
function paletteLines(b: BuildState, bench: Workbench, width: number, room: number, paint: ChalkInstance, lang: Lang): string[] {
  const t = BUILD[lang];
  const p = b.palette!;
  const choices = paletteChoices(p, bench, lang);
  const field = fieldChoices(p);
  const written = p.type === null ? '' : ` {type: ${p.type}${p.picks.map((x) => (x.value === undefined ? '' : `, ${x.field}: ${JSON.stringify(x.value).replace(/"/g, '')}`)).join('')}${field ? ', …' : ''}}`;
  const question = field ? t.field(p.type!, field.field) : '';
  const head = paint.bold(` ${t.palette}${p.type ? `${PUNCTUATION[lang].colon}${question}` : ''}`) + paint.dim(written);
  const rows = chipRows(choices.map((c) => c.label), paletteWidth(width));
  // The cursor is marked in the text as well as in colour, so that it shows with NO_COLOR.
  const chip = (i: number) => {
    const c = choices[i];
    if (i === p.cursor) return paint.inverse.bold(`›${c.label}‹`);
    const text = ` ${c.label} `;
    return c.off ? paint.dim(text) : text;
  };
  const chipLines = rows.map((row) => `  ${row.map(chip).join(' ')}`);
  const under: string[] = [];
  if (p.type === null) under.push(...wrap(EVENT_GLOSS[lang][PALETTE_ORDER[p.cursor]], width - 4).map((l) => `   ${paint.dim(l)}`));
  // A system call is its contract: the one under the cursor says what it may do.
  const call = field?.field === 'name' ? contractName(String(field.values[p.cursor])) : null;
  if (call) under.push(...wrap(CALL_GLOSS[lang][call], width - 4).map((l) => `   ${paint.dim(l)}`));
  if (b.note) under.push(...wrap(b.note.text, width - 2).map((l) => ` ${b.note!.tone === 'bad' ? paint.red(l) : l}`));
  // Where the rows do not all fit, the row with the cursor is shown, with the ones after it.
  const at = rows.findIndex((r) => r.includes(p.cursor));
  return [head, ...scrollWindow(chipLines, Math.max(1, room - 1 - under.length), at).shown, ...under];
}

function helpLines(bench: Workbench, behind: boolean, width: number, budget: number, paint: ChalkInstance, lang: Lang): string[] {
  const t = BUILD[lang];
  const { help: _help, quit: _quit, more: _more, less: _less, ...keys } = behind ? BUILD_KEYS : LONE_BUILD_KEYS;
  const listed = Object.fromEntries(
    Object.entries(keys).filter(([action]) => (action !== 'hint' && action !== 'open') || bench.level !== null).filter(([action]) => action !== 'write' || bench.write !== undefined),
  ) as typeof keys;
  const { quit: _q, ...palette } = PALETTE_KEYS;
  // The question before a path is discarded, where this screen asks it (asksBeforeLeaving): one row, its keys and its answers.
  const asks = !bench.level || !behind;
  const confirm: [string, string][] = asks ? [[(['yes', 'back'] as const).flatMap((a) => CONFIRM_KEYS[a].keys.map((k) => keyLabel(k, lang))).join(' '), `${t.confirmHelp}${PUNCTUATION[lang].colon}${CONFIRM_KEYS.yes.says(lang).brief} / ${CONFIRM_KEYS.back.says(lang).brief}`]] : [];
  const keysPart = [paint.bold(` ${t.helpTitle}`), ...helpColumn([...helpRows(listed, lang), ...confirm], '   '), paint.bold(` ${t.paletteHelp}`), ...helpColumn(helpRows(palette, lang), '   ')];
  const legend = wrap(t.legend, width - 4).map((l) => `   ${l}`);
  const close = paint.dim(` ${footerOf(HELP_KEYS, ['close', 'quit'], lang, width - 1)}`);
  // Where the screen is short the legend goes first: the keys are what help is for.
  const fits = keysPart.length + legend.length + 1 <= budget;
  return [...keysPart, ...(fits ? legend : []), close];
}
