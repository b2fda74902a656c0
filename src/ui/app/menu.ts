import { AIM, KINDS, KIND_LABELS, type Kind } from '../../quiz/index.js';
import type { Keypress } from '../keypress.js';
import { HOME_KEYS, MENU_KEYS, actionOf, footerOf } from '../keys.js';
import { renderMenu, type MenuItem } from '../menu-lines.js';
import { frameWidth } from '../skeleton.js';
import type { KeyResult } from '../use-keys.js';
import { withHelp, type Helped } from './help.js';
import { backOf, type AppDeps, type HomeChoice, type Route, type RouteOf, type ScreenEffect, type ScreenModule } from './route.js';

export interface MenuState {
  cursor: number;
  count: number;
  /** There is a level behind this menu; without one, q quits. */
  behind: boolean;
}

export type MenuEffect = { kind: 'choose'; index: number } | { kind: 'back' } | { kind: 'quit' };

export function menuKeymap(behind: boolean) {
  return behind ? MENU_KEYS : HOME_KEYS;
}

/** Up/down (or j/k) to move, Enter (or →, l) to choose, q or Esc to go back. Pure. */
export function menuKey(m: MenuState, key: Keypress): KeyResult<MenuState, MenuEffect> {
  const move = (cursor: number) => ({ state: { ...m, cursor } });
  switch (actionOf(menuKeymap(m.behind), key)) {
    case 'up':
      return move((m.cursor - 1 + m.count) % m.count);
    case 'down':
      return move((m.cursor + 1) % m.count);
    case 'first':
      return move(0);
    case 'last':
      return move(m.count - 1);
    case 'choose':
      return { state: m, effects: [{ kind: 'choose', index: m.cursor }] };
    case 'back':
      return { state: m, effects: [{ kind: 'back' }] };
    case 'quit':
      return { state: m, effects: [{ kind: 'quit' }] };
    default:
      return { state: m };
  }
}

/** A menu screen: `menu` gives its words and items, `choose` where an item leads (with the route to come back to). */
function menuScreen<N extends 'home' | 'picker' | 'levels' | 'quizAim', T>(
  menu: (deps: AppDeps, route: RouteOf<N>) => { title: string; note: string; items: () => MenuItem<T>[] },
  choose: (value: T, route: RouteOf<N>, deps: AppDeps) => ScreenEffect,
): ScreenModule<N, MenuState & { title: string; note: string; items: MenuItem<T>[] } & Helped> {
  return withHelp<N, MenuState & { title: string; note: string; items: MenuItem<T>[] }>({
    // The menu is read once, as it opens: a frame only draws it.
    enter: (menuRoute, deps) => {
      const route = menuRoute as RouteOf<'home' | 'picker' | 'levels' | 'quizAim'>;
      const { title, note, items: itemsOf } = menu(deps, menuRoute);
      const items = itemsOf();
      // Back from a screen, the cursor is on the item that opened it.
      const at = items.findIndex((i) => i.value === route.at);
      return { title, note, items, cursor: Math.max(0, at), count: items.length, behind: backOf(route) !== null };
    },
    key: (s, key, route, deps) => {
      const step = menuKey(s, key);
      const effects = (step.effects ?? []).map((e): ScreenEffect => (e.kind === 'choose' ? choose(s.items[e.index].value, route, deps) : e));
      return { state: { ...s, ...step.state }, effects };
    },
    frame: (s, _route, deps) => {
      const { title, note } = s;
      const { lang, paint, size } = deps;
      const keys = footerOf(menuKeymap(s.behind), ['down', 'up', 'choose', 'help', 'back'], lang, frameWidth(size) - 1);
      return renderMenu(title, s.items, s.cursor, keys, size, paint, lang, note);
    },
  }, (s) => menuKeymap(s.behind));
}

/** The home menu: learning and the reading views through the picker, the rest straight to their screen; only the lab leaves. */
export const HOME = menuScreen<'home', HomeChoice>(
  (deps) => {
    const home = deps.home();
    return { ...home, items: () => home.items };
  },
  (choice, here): ScreenEffect => {
    const route: Route = { ...here, at: choice };
    switch (choice) {
      case 'learn':
      case 'predict':
      case 'explain':
        return { kind: 'go', to: { screen: 'picker', then: choice, back: route } };
      case 'lab':
        return { kind: 'end', outcome: { kind: 'lab' } };
      case 'challenge':
        return { kind: 'go', to: { screen: 'levels', back: route } };
      case 'quiz':
        return { kind: 'go', to: { screen: 'quizAim', pick: 'how', back: route } };
      default:
        return { kind: 'go', to: { screen: choice, back: route } };
    }
  },
);

/** The scenario picker: the chosen one opens as a lesson or as its explanation; q comes back here, to it. */
export const PICKER = menuScreen<'picker', string>(
  (deps, route) => (route.then === 'explain' ? deps.explainPicker : deps.picker),
  (id, route): ScreenEffect => {
    const back: Route = { ...route, at: id };
    if (route.then === 'explain') return { kind: 'go', to: { screen: 'explain', id, back } };
    // A lesson left part-way reopens where it was left (the lesson screen asks progress, however it is opened).
    return { kind: 'go', to: { screen: 'learn', id, predict: route.then === 'predict', back } };
  },
);

/** The challenge levels in their climbing order, solved ones marked; the chosen one opens, and q comes back to it. */
export const LEVELS = menuScreen<'levels', string>(
  (deps) => deps.challenges,
  (id, route): ScreenEffect => ({ kind: 'go', to: { screen: 'challenge', id, back: { ...route, at: id } } }),
);

type AimChoice = 'all' | 'lesson' | 'kind' | 'review';

/**
 * The home menu's quiz: everything, one lesson, one kind, or a review of the
 * weakest topics (`zcopy quiz`, `--scenario`, `--kind`, `--review`); then the
 * lesson or the kind. q from the quiz comes back here, to the item chosen.
 */
export const QUIZ_AIM = menuScreen<'quizAim', string>(
  (deps, route) => {
    const t = AIM[deps.lang];
    if (route.pick === 'lesson') return { ...deps.explainPicker, title: t.lessonTitle, note: t.note };
    if (route.pick === 'kind') return { title: t.kindTitle, note: t.note, items: () => KINDS.map((k) => ({ value: k, label: k, hint: KIND_LABELS[deps.lang][k] })) };
    const items = (['all', 'lesson', 'kind', 'review'] as const).map((value) => ({ value, label: t.items[value][0], hint: t.items[value][1] }));
    return { title: t.title, note: t.note, items: () => items };
  },
  (value, route): ScreenEffect => {
    const back: Route = { ...route, at: value };
    if (route.pick === 'lesson') return { kind: 'go', to: { screen: 'quiz', aim: { scenario: value }, back } };
    if (route.pick === 'kind') return { kind: 'go', to: { screen: 'quiz', aim: { kind: value as Kind }, back } };
    switch (value as AimChoice) {
      case 'lesson':
      case 'kind':
        return { kind: 'go', to: { screen: 'quizAim', pick: value as 'lesson' | 'kind', back } };
      case 'review':
        return { kind: 'go', to: { screen: 'quiz', aim: { review: true }, back } };
      default:
        // No aim: the quiz `zcopy quiz` alone draws.
        return { kind: 'go', to: { screen: 'quiz', back } };
    }
  },
);
