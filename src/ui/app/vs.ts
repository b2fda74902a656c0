import { LEARN, VS } from '../../i18n/strings.js';
import { HELP_KEYS, PLAY_CONTROLS, PLAY_SPEED, VS_KEYS, VS_PLAYING_KEYS, actionOf, footerOf, helpColumn, helpRows } from '../keys.js';
import { playRow, stepWords } from '../learn/frame.js';
import { holdMs, playKey, playStatus, stopped, type Playing } from '../play.js';
import { displayWidth } from '../../term/text.js';
import { layoutVs } from '../learn/vs.js';
import { scrollBy } from '../fit.js';
import type { More } from '../skeleton.js';
import type { LearnView } from '../learn/view.js';
import { fitWidth, wrap } from '../../term/text.js';
import { frameWidth } from '../skeleton.js';
import type { AppDeps, ScreenModule } from './route.js';

export interface VsState extends Playing {
  a: LearnView;
  b: LearnView;
  position: number;
  help: boolean;
  /** How many lines of the step's words are scrolled out of sight above. */
  scroll: number;
}

/** The frame and how far its words scroll; the footer offers ↓ and ↑ while there is more that way. */
function layoutOf(s: VsState, { size, paint, lang }: Pick<AppDeps, 'size' | 'paint' | 'lang'>) {
  const width = frameWidth(size) - 2;
  const footer = (more: More) => {
    const scroll = [...(more.below ? (['more'] as const) : []), ...(more.above ? (['less'] as const) : [])];
    if (!s.play) return footerOf(VS_KEYS, ['next', 'previous', ...scroll, 'first', 'last', 'help', 'back', 'play'], lang, width);
    // Lecture mode says first whether it plays and how fast.
    const status = `${playStatus(s, LEARN[lang])}   `;
    return status + footerOf({ ...VS_PLAYING_KEYS, speed: PLAY_SPEED }, ['pause', 'speed', 'stop', 'help', 'back', 'previous', 'next', ...scroll], lang, width - displayWidth(status));
  };
  return layoutVs(s.a, s.b, s.position, size, paint, footer, s.scroll);
}

/** Two lessons in lockstep: the same keys move both; q leaves. */
export const VS_SCREEN: ScreenModule<'vs', VsState> = {
  enter: (route, deps) => ({ a: deps.view(route.a), b: deps.view(route.b), position: 0, help: false, scroll: 0, ...route.play }),
  key: (s, key, _route, deps) => {
    if (key === 'ctrl-c') return { state: s, effects: [{ kind: 'quit' }] };
    if (s.help) return { state: { ...s, help: false } };
    // Lecture mode's keys first while it is on: Space pauses rather than steps.
    const playing = s.play ? actionOf(PLAY_CONTROLS, key) : undefined;
    if (playing) return { state: playKey(s, playing) };
    const last = lastOf(s);
    // A step's words start at their first line.
    const go = (position: number, from: VsState = s) => ({ state: { ...from, position, scroll: position === s.position ? s.scroll : 0 } });
    const scrollTo = (by: number) => ({ state: { ...s, scroll: scrollBy(s.scroll, by, layoutOf(s, deps).maxScroll) } });
    switch (s.play ? actionOf(VS_PLAYING_KEYS, key) : actionOf(VS_KEYS, key)) {
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
      case 'play':
        // At the end nothing is left to play: it plays again from the start.
        return s.position >= last ? go(0, playKey(s, 'play')) : { state: playKey(s, 'play') };
      case 'back':
        return { state: s, effects: [{ kind: 'back' }] };
      default:
        return { state: s };
    }
  },
  // Lecture mode: each step held for both sides' words, then the next; at the last, play stops.
  wait: (s) => (s.play === 'playing' && !s.help && s.position < lastOf(s) ? holdMs([s.a, s.b].map((v) => (s.position <= v.steps.length ? stepWords(v, s.position) : '')).join(' '), s.speed) : null),
  tick: (s) => {
    const position = s.position + 1;
    const next = { ...s, position, scroll: 0 };
    return { state: position >= lastOf(s) ? stopped(next) : next };
  },
  frame: (s, _route, { size, paint, lang }) => {
    if (!s.help) return layoutOf(s, { size, paint, lang }).lines;
    // The marks' legend too: on the smallest screen the frame may have had to leave it out.
    const lines = [paint.bold(` ${LEARN[lang].helpTitle}`), ...helpColumn([...helpRows(VS_KEYS, lang), playRow(lang)], '   '), '', ...wrap(VS[lang].legend, size.cols - 2).map((l) => ` ${l}`), '', paint.dim(` ${footerOf(HELP_KEYS, ['close', 'quit'], lang)}`)];
    return lines.slice(0, size.rows - 1).map((l) => fitWidth(l, size.cols));
  },
};

/** The lockstep's last position: the longer lesson's end. */
function lastOf(s: VsState): number {
  return Math.max(s.a.steps.length, s.b.steps.length);
}
