import { TRACE_SCREEN } from '../../i18n/screens.js';
import { displayWidth, fitWidth } from '../../term/text.js';
import type { Keypress } from '../keypress.js';
import { TRACE_KEYS, actionOf, footerOf } from '../keys.js';
import type { Size } from '../size.js';
import { titleLine } from '../skeleton.js';
import type { KeyResult } from '../use-keys.js';
import { withHelp } from './help.js';
import type { AppDeps, RouteOf, ScreenEffect, TracePage } from './route.js';
import { fold, lastTopOf, textFrame, textKey, textWidth, type TextState } from './text-view.js';

/** The page's lines at a width with the marked flow's beside a bar, and where each flow starts among them (one more: where they end). */
type Marked = (width: number) => { lines: string[]; flowAt: number[] };

export interface TraceState {
  page: TextState;
  /** The flow marked: Enter opens its lesson. */
  at: number;
  /** The report laid out, once per width. */
  layout: Layout;
  marked: Marked;
  /** A line said in place of the keys until the next key (a flow without a lesson). */
  said: string | null;
}

type Layout = TracePage['layout'];

/** The report is laid out once per width: a mark moving only changes the gutter. */
function laidOut(trace: TracePage | undefined): Layout {
  if (!trace) return () => ({ lines: [], flowAt: [] });
  let last: { width: number; at: ReturnType<Layout> } | null = null;
  return (width) => (last?.width === width ? last : (last = { width, at: trace.layout(width) })).at;
}

/**
 * The report two columns narrower, each line in a gutter: ▸ beside the marked flow's first line
 * and │ beside its others, so that the mark reads without colour (NO_COLOR). A line wider than the
 * page (a command is never wrapped) is folded here, so that the flows' starts are lines shown.
 */
function marking(layout: Layout, at: number, deps: Pick<AppDeps, 'paint'>): Marked {
  let last: { width: number; at: ReturnType<Marked> } | null = null;
  return (width) => {
    if (last?.width === width) return last.at;
    const { lines, flowAt } = layout(Math.max(20, width - 2));
    const out: string[] = [];
    const starts: number[] = [];
    lines.forEach((line, i) => {
      if (i === flowAt[starts.length]) starts.push(out.length);
      const mine = i >= flowAt[at] && i < flowAt[at + 1];
      fold(line, Math.max(1, width - 2)).forEach((piece, j) => {
        const gutter = !mine ? '  ' : i === flowAt[at] && j === 0 ? deps.paint.cyan.bold('▸ ') : deps.paint.cyan('│ ');
        out.push(gutter + piece);
      });
    });
    return (last = { width, at: { lines: out, flowAt: starts } }).at;
  };
}

/** The page under the title: a row less than the screen. */
const bodyOf = (size: Size): Size => ({ cols: size.cols, rows: Math.max(1, size.rows - 1) });

const flowsOf = (deps: AppDeps) => deps.trace?.flows ?? [];

function withMark(s: TraceState, at: number, deps: AppDeps): TraceState {
  const marked = marking(s.layout, at, deps);
  return { ...s, at, marked, page: { ...s.page, source: (width) => marked(width).lines } };
}

/** Where the flows start on the page as it is shown at `size`, and where they end. */
const startsOf = (s: TraceState, size: Size) => s.marked(textWidth(size)).flowAt;

/**
 * The flow marked once the learner has scrolled: the one marked while its first line is in
 * sight, else the first whose first line is, else the one the window starts in.
 */
function followed(s: TraceState, deps: AppDeps): TraceState {
  const size = bodyOf(deps.size);
  const flowAt = startsOf(s, size);
  const flows = flowAt.length - 1;
  if (flows < 2) return s;
  const top = Math.min(s.page.top, lastTopOf(s.page, size));
  const end = top + Math.max(1, size.rows - 2);
  const seen = (i: number) => flowAt[i] >= top && flowAt[i] < end;
  if (seen(s.at)) return s;
  const all = [...Array(flows).keys()];
  const at = all.find(seen) ?? all.find((i) => flowAt[i] <= top && top < flowAt[i + 1]);
  return at === undefined || at === s.at ? s : withMark(s, at, deps);
}

function enter(route: RouteOf<'trace'>, deps: AppDeps): TraceState {
  const at = Math.max(0, Math.min(route.at ?? 0, flowsOf(deps).length - 1));
  const empty = () => ({ lines: [], flowAt: [] });
  return withMark({ page: { top: route.top ?? 0, source: () => [] }, at, layout: laidOut(deps.trace), marked: empty, said: null }, at, deps);
}

function key(s: TraceState, k: Keypress, route: RouteOf<'trace'>, deps: AppDeps): KeyResult<TraceState, ScreenEffect> {
  const flows = flowsOf(deps);
  const t = TRACE_SCREEN[deps.lang];
  const size = bodyOf(deps.size);
  const quiet = { ...s, said: null };
  const action = actionOf(TRACE_KEYS, k);
  switch (action) {
    case 'next':
    case 'previous': {
      if (flows.length < 2) return { state: quiet };
      // Round, as less's n goes on from the last match to the first.
      const marked = withMark(quiet, (s.at + (action === 'next' ? 1 : flows.length - 1)) % flows.length, deps);
      // The flow's first line at the top, as far as the page scrolls.
      const top = Math.min(startsOf(marked, size)[marked.at] ?? 0, lastTopOf(marked.page, size));
      return { state: { ...marked, page: { ...marked.page, top } } };
    }
    case 'open': {
      const flow = flows[s.at];
      if (!flow) return { state: { ...s, said: t.noFlows } };
      if (!flow.lesson) return { state: { ...s, said: t.noLesson(s.at + 1, flow.technique) } };
      // q from the lesson comes back to this flow, scrolled as it was.
      const back: RouteOf<'trace'> = { ...route, at: s.at, top: Math.min(s.page.top, lastTopOf(s.page, size)) };
      return { state: quiet, effects: [{ kind: 'go', to: { screen: 'learn', id: flow.lesson, predict: false, back, ...(flow.scale ? { scale: flow.scale } : {}) } }] };
    }
    default: {
      const step = textKey(quiet.page, k, size);
      return { state: followed({ ...quiet, page: step.state }, deps), effects: step.effects };
    }
  }
}

function frame(s: TraceState, deps: AppDeps): string[] {
  const { lang, paint, size } = deps;
  const t = TRACE_SCREEN[lang];
  const flows = flowsOf(deps);
  const right = flows.length ? `${t.flowOf(s.at + 1, flows.length)} ` : '';
  const left = fitWidth(` ${t.title(deps.trace?.source ?? '')}`, Math.max(1, size.cols - displayWidth(right) - 1));
  const title = fitWidth(titleLine(left, right, size.cols, paint), size.cols);
  // n and N only where there is another flow to mark.
  const actions = flows.length > 1 ? (['open', 'next', 'down', 'pageDown', 'help', 'back', 'previous', 'up', 'first', 'last'] as const) : (['open', 'down', 'up', 'pageDown', 'help', 'back', 'first', 'last'] as const);
  const body = textFrame(s.page, { lang, paint, size: bodyOf(size) }, (width) => footerOf(TRACE_KEYS, actions, lang, width));
  if (s.said) body[body.length - 1] = fitWidth(paint.yellow(` ${s.said}`), size.cols);
  return [title, ...body];
}

/** `zcopy trace`'s report on a terminal: a page that scrolls, a flow marked, and the marked flow's lesson opened at its scale. */
export const TRACE = withHelp<'trace', TraceState>(
  {
    enter: (route, deps) => enter(route, deps),
    key: (s, k, route, deps) => key(s, k, route, deps),
    frame: (s, _route, deps) => frame(s, deps),
  },
  () => TRACE_KEYS,
);
