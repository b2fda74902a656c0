import type { ChalkInstance } from 'chalk';
import type { Lang } from '../../i18n/lang.js';
import { LEARN } from '../../i18n/strings.js';
import { fitWidth } from '../../term/text.js';
import { HELP_KEYS, actionOf, footerOf, helpColumn, helpRows, type Keymap } from '../keys.js';
import type { Size } from '../size.js';
import { frameWidth } from '../skeleton.js';
import type { AppDeps, LabEvent, RouteName, RouteOf, ScreenModule } from './route.js';

/** A screen's state with its help page open or not. */
export interface Helped {
  help: boolean;
}

/**
 * The help page of a keymap: every action's keys and what it does, as the lesson's
 * help lists them, but `?` (the help is open). These keymaps are short enough to
 * list Ctrl-C too, where the lesson's leaves it to the last line.
 */
export function helpPage(map: Keymap<string>, lang: Lang, paint: ChalkInstance, size: Size): string[] {
  const { help: _help, ...listed } = map;
  const width = frameWidth(size);
  const lines = [paint.bold(` ${LEARN[lang].helpTitle}`), ...helpColumn(helpRows(listed, lang), '   '), '', paint.dim(` ${footerOf(HELP_KEYS, ['close'], lang, width - 1)}`)];
  return lines.slice(0, Math.max(1, size.rows - 1)).map((l) => fitWidth(l, width));
}

/**
 * A screen whose keymap has `help` (`?`), given its help page: `?` opens it, and
 * the next key closes it and does nothing else, so the screen is as it was left
 * (cursor, scroll, the question and what was typed). Ctrl-C still quits.
 */
export function withHelp<N extends RouteName, S extends object>(
  screen: ScreenModule<N, S>,
  keymapOf: (state: S, route: RouteOf<N>, deps: AppDeps) => Keymap<string>,
): ScreenModule<N, S & Helped> {
  return {
    enter: (route, deps) => ({ ...screen.enter(route, deps), help: false }),
    key: (s, key, route, deps) => {
      if (s.help && key !== 'ctrl-c') return { state: { ...s, help: false } };
      if (!s.help && actionOf(keymapOf(s, route, deps), key) === 'help') return { state: { ...s, help: true } };
      const step = screen.key(s, key, route, deps);
      return { ...step, state: { ...step.state, help: false } };
    },
    frame: (s, route, deps) => (s.help ? helpPage(keymapOf(s, route, deps), deps.lang, deps.paint, deps.size) : screen.frame(s, route, deps)),
    // A report from the world changes the screen beneath the help, which stays open.
    ...(screen.event ? { event: (s: S & Helped, e: LabEvent, route: RouteOf<N>, deps: AppDeps) => {
      const step = screen.event!(s, e, route, deps);
      return { ...step, state: { ...step.state, help: s.help } };
    } } : {}),
  };
}
