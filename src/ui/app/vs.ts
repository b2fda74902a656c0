import { LEARN, VS } from '../../i18n/strings.js';
import { HELP_KEYS, VS_KEYS, actionOf, footerOf, helpColumn, helpRows } from '../keys.js';
import { layoutVs } from '../learn/vs.js';
import { scrollBy } from '../fit.js';
import type { More } from '../skeleton.js';
import type { LearnView } from '../learn/view.js';
import { fitWidth, wrap } from '../../term/text.js';
import { frameWidth } from '../skeleton.js';
import type { AppDeps, ScreenModule } from './route.js';

export interface VsState {
  a: LearnView;
  b: LearnView;
  position: number;
  help: boolean;
  /** How many lines of the step's words are scrolled out of sight above. */
  scroll: number;
}

/** The frame and how far its words scroll; the footer offers ↓ and ↑ while there is more that way. */
function layoutOf(s: VsState, { size, paint, lang }: Pick<AppDeps, 'size' | 'paint' | 'lang'>) {
  const footer = (more: More) =>
    footerOf(VS_KEYS, ['next', 'previous', ...(more.below ? (['more'] as const) : []), ...(more.above ? (['less'] as const) : []), 'first', 'last', 'help', 'back'], lang, frameWidth(size) - 2);
  return layoutVs(s.a, s.b, s.position, size, paint, footer, s.scroll);
}

/** Two lessons in lockstep: the same keys move both; q leaves. */
export const VS_SCREEN: ScreenModule<'vs', VsState> = {
  enter: (route, deps) => ({ a: deps.view(route.a), b: deps.view(route.b), position: 0, help: false, scroll: 0 }),
  key: (s, key, _route, deps) => {
    if (key === 'ctrl-c') return { state: s, effects: [{ kind: 'quit' }] };
    if (s.help) return { state: { ...s, help: false } };
    const last = Math.max(s.a.steps.length, s.b.steps.length);
    // A step's words start at their first line.
    const go = (position: number) => ({ state: { ...s, position, scroll: position === s.position ? s.scroll : 0 } });
    const scrollTo = (by: number) => ({ state: { ...s, scroll: scrollBy(s.scroll, by, layoutOf(s, deps).maxScroll) } });
    switch (actionOf(VS_KEYS, key)) {
      case 'next':
        return go(Math.min(last, s.position + 1));
      case 'previous':
        return go(Math.max(0, s.position - 1));
      case 'first':
        return go(0);
      case 'last':
        return go(last);
      case 'more':
        return scrollTo(1);
      case 'less':
        return scrollTo(-1);
      case 'help':
        return { state: { ...s, help: true } };
      case 'back':
        return { state: s, effects: [{ kind: 'back' }] };
      default:
        return { state: s };
    }
  },
  frame: (s, _route, { size, paint, lang }) => {
    if (!s.help) return layoutOf(s, { size, paint, lang }).lines;
    // The marks' legend too: on the smallest screen the frame may have had to leave it out.
    const lines = [paint.bold(` ${LEARN[lang].helpTitle}`), ...helpColumn(helpRows(VS_KEYS, lang), '   '), '', ...wrap(VS[lang].legend, size.cols - 2).map((l) => ` ${l}`), '', paint.dim(` ${footerOf(HELP_KEYS, ['close', 'quit'], lang)}`)];
    return lines.slice(0, size.rows - 1).map((l) => fitWidth(l, size.cols));
  },
};
