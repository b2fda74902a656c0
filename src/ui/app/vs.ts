import { LEARN } from '../../i18n/strings.js';
import { HELP_KEYS, VS_KEYS, actionOf, footerOf, helpColumn, helpRows } from '../keys.js';
import { renderVs } from '../learn/vs.js';
import type { LearnView } from '../learn/view.js';
import { fitWidth } from '../../term/text.js';
import { frameWidth } from '../skeleton.js';
import type { ScreenModule } from './route.js';

export interface VsState {
  a: LearnView;
  b: LearnView;
  position: number;
  help: boolean;
}

/** Two lessons in lockstep: the same keys move both; q leaves. */
export const VS_SCREEN: ScreenModule<'vs', VsState> = {
  enter: (route, deps) => ({ a: deps.view(route.a), b: deps.view(route.b), position: 0, help: false }),
  key: (s, key) => {
    if (key === 'ctrl-c') return { state: s, effects: [{ kind: 'quit' }] };
    if (s.help) return { state: { ...s, help: false } };
    const last = Math.max(s.a.steps.length, s.b.steps.length);
    const go = (position: number) => ({ state: { ...s, position } });
    switch (actionOf(VS_KEYS, key)) {
      case 'next':
        return go(Math.min(last, s.position + 1));
      case 'previous':
        return go(Math.max(0, s.position - 1));
      case 'first':
        return go(0);
      case 'last':
        return go(last);
      case 'help':
        return { state: { ...s, help: true } };
      case 'back':
        return { state: s, effects: [{ kind: 'back' }] };
      default:
        return { state: s };
    }
  },
  frame: (s, _route, { size, paint, lang }) => {
    if (!s.help) return renderVs(s.a, s.b, s.position, size, paint, footerOf(VS_KEYS, ['next', 'previous', 'first', 'last', 'help', 'back'], lang, frameWidth(size) - 2));
    const lines = [paint.bold(` ${LEARN[lang].helpTitle}`), ...helpColumn(helpRows(VS_KEYS, lang), '   '), '', paint.dim(` ${footerOf(HELP_KEYS, ['close', 'quit'], lang)}`)];
    return lines.slice(0, size.rows - 1).map((l) => fitWidth(l, size.cols));
  },
};
