import { scrollBy } from '../fit.js';
import { AIM, KINDS, KIND_LABELS, type Kind } from '../../quiz/index.js';
import type { Keypress } from '../keypress.js';
import { FILTER_KEYS, HOME_KEYS, MENU_KEYS, actionOf, footerOf } from '../keys.js';
import { filtered, layoutMenu, namedExactly, type MenuItem } from '../menu-lines.js';
import { frameWidth } from '../skeleton.js';
import type { KeyResult } from '../use-keys.js';
import { withHelp, type Helped } from './help.js';
import { backOf, type AppDeps, type HomeChoice, type Route, type RouteOf, type ScreenEffect, type ScreenModule } from './route.js';

export interface MenuState {
  /** The item under the cursor, by its index among all the items. */
  cursor: number;
  /** There is a level behind this menu; without one, q quits. */
  behind: boolean;
  /** What is typed after `/`; null while no filter is open. */
  filter: string | null;
}

export type MenuEffect = { kind: 'choose'; index: number } | { kind: 'back' } | { kind: 'quit' };

export function menuKeymap(behind: boolean) {
  return behind ? MENU_KEYS : HOME_KEYS;
}

/** The keys in force: the filter's while one is open (every printable key is text), else the menu's. */
function keymapOf(m: MenuState) {
  return m.filter === null ? menuKeymap(m.behind) : FILTER_KEYS;
}

/** A key typed into the filter: one character, not a named key (names are longer) and not a control key. */
const printable = (key: Keypress) => [...key].length === 1 && key >= ' ';

/**
 * Up/down (or j/k) to move, PgDn/PgUp a page (as many items as `page` says are in sight), Enter (or →, l)
 * to choose, q or Esc to go back; `/` opens a filter that narrows the items by
 * name and words as it is typed. Pure.
 */
export function menuKey<T>(m: MenuState, key: Keypress, items: readonly MenuItem<T>[], page: () => number): KeyResult<MenuState, MenuEffect> {
  const kept = filtered(items, m.filter);
  const at = Math.max(0, kept.indexOf(m.cursor));
  // Among the items the filter keeps; with none kept, the cursor stays where it was, out of sight.
  const move = (to: (at: number, last: number) => number) => ({ state: kept.length ? { ...m, cursor: kept[to(at, kept.length - 1)] } : m });
  // A new filter: the cursor on the item it names exactly (an id or an alias typed whole), else on the first it keeps.
  // With nothing typed, every item is kept and the cursor stays.
  const typed = (filter: string) => {
    const now = filtered(items, filter);
    const cursor = filter ? (namedExactly(items, now, filter) ?? now[0] ?? m.cursor) : m.cursor;
    return { state: { ...m, filter, cursor } };
  };
  const action = actionOf<string>(keymapOf(m), key);
  if (m.filter !== null && action === undefined) return printable(key) ? typed(m.filter + key) : { state: m };
  switch (action) {
    case 'up':
      return move((a, last) => (a === 0 ? last : a - 1));
    case 'down':
      return move((a, last) => (a === last ? 0 : a + 1));
    case 'pageDown':
      return move((a, last) => scrollBy(a, page(), last));
    case 'pageUp':
      return move((a, last) => scrollBy(a, -page(), last));
    case 'first':
      return move(() => 0);
    case 'last':
      return move((_, last) => last);
    case 'filter':
      return { state: { ...m, filter: '' } };
    case 'erase':
      // Backspace with nothing left to erase closes the filter, as it leaves a search in less or vim.
      return m.filter ? typed([...m.filter].slice(0, -1).join('')) : { state: { ...m, filter: null } };
    case 'clear':
      // The cursor stays on the item it was on, now among them all.
      return { state: { ...m, filter: null } };
    case 'choose':
    case 'open':
      // A filter that keeps nothing has nothing to open.
      return kept.includes(m.cursor) ? { state: m, effects: [{ kind: 'choose', index: m.cursor }] } : { state: m };
    case 'back':
      return { state: m, effects: [{ kind: 'back' }] };
    case 'quit':
      return { state: m, effects: [{ kind: 'quit' }] };
    default:
      return { state: m };
  }
}

/** A menu screen: `menu` gives its words and items, `choose` where an item leads (with the route to come back to). */
function menuScreen<N extends 'home' | 'picker' | 'levels' | 'terms' | 'quizAim', T>(
  menu: (deps: AppDeps, route: RouteOf<N>) => { title: string; note: string; items: () => MenuItem<T>[] },
  choose: (value: T, route: RouteOf<N>, deps: AppDeps) => ScreenEffect,
): ScreenModule<N, MenuState & { title: string; note: string; items: MenuItem<T>[] } & Helped> {
  // The frame, and what a page is on it: both read the same layout.
  const layout = (s: MenuState & { title: string; note: string; items: MenuItem<T>[] }, route: RouteOf<N>, deps: AppDeps) => {
    const { title, note } = s;
    const { lang, paint, size } = deps;
    // The lists offer their filter; the home menu's ten items need none said (its help tells it).
    const offered = (route as Route).screen === 'home' ? (['down', 'up', 'choose', 'help', 'back'] as const) : (['down', 'up', 'choose', 'filter', 'help', 'back'] as const);
    const keys =
      s.filter === null
        ? footerOf(menuKeymap(s.behind), offered, lang, frameWidth(size) - 1)
        : footerOf(FILTER_KEYS, ['open', 'clear', 'erase', 'down', 'up'], lang, frameWidth(size) - 1);
    return layoutMenu(title, s.items, s.cursor, keys, size, paint, lang, note, s.filter);
  };
  return withHelp<N, MenuState & { title: string; note: string; items: MenuItem<T>[] }>({
    // The menu is read once, as it opens: a frame only draws it.
    enter: (menuRoute, deps) => {
      const route = menuRoute as RouteOf<'home' | 'picker' | 'levels' | 'terms' | 'quizAim'>;
      const { title, note, items: itemsOf } = menu(deps, menuRoute);
      const items = itemsOf();
      // Back from a screen, the cursor is on the item that opened it.
      const at = items.findIndex((i) => i.value === route.at);
      return { title, note, items, cursor: Math.max(0, at), behind: backOf(route) !== null, filter: null };
    },
    key: (s, key, route, deps) => {
      // A page: as many items as are in sight (laid out only for the keys that page).
      const step = menuKey(s, key, s.items, () => Math.max(1, layout(s, route, deps).inSight.length));
      const effects = (step.effects ?? []).map((e): ScreenEffect => (e.kind === 'choose' ? choose(s.items[e.index].value, route, deps) : e));
      return { state: { ...s, ...step.state }, effects };
    },
    frame: (s, route, deps) => layout(s, route, deps).lines,
  }, (s) => keymapOf(s));
}

/** The home menu: learning and the reading views through the picker, the rest (the lab too) straight to their screen. */
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
      case 'challenge':
        return { kind: 'go', to: { screen: 'levels', back: route } };
      case 'glossary':
        return { kind: 'go', to: { screen: 'terms', back: route } };
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
    return { kind: 'go', to: { screen: 'learn', id, predict: route.then === 'predict', back, ...(route.play ? { play: route.play } : {}) } };
  },
);

/** The challenge levels in their climbing order, solved ones marked; the chosen one opens, and q comes back to it. */
export const LEVELS = menuScreen<'levels', string>(
  (deps) => deps.challenges,
  (id, route): ScreenEffect => ({ kind: 'go', to: { screen: 'challenge', id, back: { ...route, at: id } } }),
);

/** The glossary's terms; the chosen one opens the glossary at it, and q comes back to it. */
export const TERMS = menuScreen<'terms', string>(
  (deps) => deps.terms,
  (term, route): ScreenEffect => ({ kind: 'go', to: { screen: 'glossary', term, back: { ...route, at: term } } }),
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
