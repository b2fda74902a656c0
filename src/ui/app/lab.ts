import { LAB_SCREEN } from '../../i18n/screens.js';
import { displayWidth, fitWidth, padEnd, wrap } from '../../term/text.js';
import type { Keypress } from '../keypress.js';
import { LAB_KEYS, LAB_RUN_KEYS, TEXT_KEYS, actionOf, footerOf } from '../keys.js';
import { frameWidth } from '../skeleton.js';
import type { KeyResult } from '../use-keys.js';
import { withHelp } from './help.js';
import type { AppDeps, LabEvent, LabTechniqueProgress, ScreenEffect } from './route.js';
import { textFrame, textKey, type TextState } from './text-view.js';

/** Where the lab screen is: saying what a run will do, running one, its report, or why it cannot run. */
export type LabPhase =
  | { at: 'intro'; stopped: boolean }
  | { at: 'running'; building: boolean; techniques: LabTechniqueProgress[]; label: string; stopping: boolean }
  | { at: 'failed'; message: string }
  | { at: 'report'; page: TextState };

export interface LabState {
  phase: LabPhase;
}

const intro = (stopped = false): LabState => ({ phase: { at: 'intro', stopped } });

/** Which keys the screen takes now: a page's once the report is in, a run's while it runs, the lab's before. */
function keymapOf(s: LabState) {
  return s.phase.at === 'report' ? TEXT_KEYS : s.phase.at === 'running' ? LAB_RUN_KEYS : LAB_KEYS;
}

function key(s: LabState, key: Keypress, deps: AppDeps): KeyResult<LabState, ScreenEffect> {
  const { phase } = s;
  if (phase.at === 'report') {
    const step = textKey(phase.page, key, deps.size);
    return { state: { phase: { ...phase, page: step.state } }, effects: step.effects };
  }
  if (phase.at === 'running') {
    const action = actionOf(LAB_RUN_KEYS, key);
    // Ctrl-C stops the run as q does, and leaves zcopy (the helper goes on removing its files until it is done).
    if (action === 'quit') return { state: { phase: { ...phase, stopping: true } }, effects: [{ kind: 'lab', act: 'stop' }, { kind: 'quit' }] };
    if (action === 'back' && !phase.stopping) return { state: { phase: { ...phase, stopping: true } }, effects: [{ kind: 'lab', act: 'stop' }] };
    return { state: s };
  }
  switch (actionOf(LAB_KEYS, key)) {
    case 'start':
      if (phase.at === 'failed' || !deps.lab) return { state: s };
      return { state: { phase: { at: 'running', building: false, techniques: [], label: '', stopping: false } }, effects: [{ kind: 'lab', act: 'start' }] };
    case 'back':
      return { state: s, effects: [{ kind: 'back' }] };
    case 'quit':
      return { state: s, effects: [{ kind: 'quit' }] };
    default:
      return { state: s };
  }
}

/** What a report from the run does: the progress shown, then the report as a page, a failure's line, or the start again. */
function event(s: LabState, e: LabEvent): KeyResult<LabState, ScreenEffect> {
  const { phase } = s;
  if (phase.at !== 'running') return { state: s };
  switch (e.kind) {
    case 'building':
      return { state: { phase: { ...phase, building: true } } };
    case 'progress':
      return { state: { phase: { ...phase, building: false, techniques: e.techniques, label: e.label } } };
    case 'done':
      return { state: { phase: { at: 'report', page: { top: 0, source: e.report } } } };
    case 'failed':
      return { state: { phase: { at: 'failed', message: e.message } } };
    case 'stopped':
      return { state: intro(true) };
  }
}

/** One line per technique: ✓ measured, ▸ being measured, · waiting; marks, not only colour. */
function techniqueLines(techniques: LabTechniqueProgress[], deps: AppDeps, width: number): string[] {
  const t = LAB_SCREEN[deps.lang];
  const nameWidth = Math.max(0, ...techniques.map((x) => displayWidth(x.technique)));
  return techniques.map((x) => {
    const state = x.done >= x.of ? t.measured : x.done > 0 ? t.measuring : t.waiting;
    const mark = x.done >= x.of ? '✓' : x.done > 0 ? '▸' : '·';
    const line = fitWidth(`   ${mark} ${padEnd(x.technique, nameWidth)}  ${x.done}/${x.of}  ${state}`, width);
    return x.done >= x.of ? deps.paint.green(line) : x.done > 0 ? deps.paint.bold(line) : deps.paint.dim(line);
  });
}

function frame(s: LabState, deps: AppDeps): string[] {
  const { phase } = s;
  if (phase.at === 'report') return textFrame(phase.page, deps);
  const { lang, paint, size } = deps;
  const t = LAB_SCREEN[lang];
  const width = frameWidth(size);
  const text = (line: string) => wrap(line, width - 2).map((l) => ` ${l}`);
  const out = [paint.bold(` ${t.title}`), ''];
  let footer = footerOf(LAB_KEYS, ['back', 'help'], lang, width - 2);
  if (phase.at === 'failed' || !deps.lab) {
    out.push(...text(`${t.failed} ${phase.at === 'failed' ? phase.message : ''}`.trim()).map((l) => paint.yellow(l)));
  } else if (phase.at === 'intro') {
    out.push(...deps.lab.describe(width - 2).map((l) => ` ${l}`), '');
    if (phase.stopped) out.push(...text(t.stopped).map((l) => paint.cyan(l)), '');
    out.push(...text(t.start));
    footer = footerOf(LAB_KEYS, ['start', 'back', 'help'], lang, width - 2);
  } else {
    if (phase.building) out.push(...text(t.building));
    out.push(...techniqueLines(phase.techniques, deps, width));
    if (phase.label) out.push('', ...text(phase.label));
    if (phase.stopping) out.push('', ...text(t.stopping).map((l) => paint.yellow(l)));
    footer = phase.stopping ? '' : footerOf(LAB_RUN_KEYS, ['back', 'help'], lang, width - 2);
  }
  const room = Math.max(1, size.rows - 2);
  const shown = out.slice(0, room);
  while (shown.length < room) shown.push('');
  return [...shown, paint.dim(` ${footer}`)].map((l) => fitWidth(l, size.cols));
}

/** The lab in the app: what a run does and how long, a start key, a line per technique as it runs, the report as a page. */
export const LAB = withHelp<'lab', LabState>(
  {
    enter: () => intro(),
    key: (s, k, _route, deps) => key(s, k, deps),
    frame: (s, _route, deps) => frame(s, deps),
    event: (s, e) => event(s, e),
  },
  (s) => keymapOf(s),
);
