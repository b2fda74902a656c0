import type { ChalkInstance } from 'chalk';
import { Text } from 'ink';
import type { Lang } from '../i18n/lang.js';
import type { Keypress } from './keypress.js';
import { HOME_KEYS, MENU_KEYS, actionOf, footerOf } from './keys.js';
import type { Leaving } from './learn/controller.js';
import { renderMenu, type MenuItem } from './menu-lines.js';
import type { Step } from './use-keys.js';

export interface MenuState {
  cursor: number;
  count: number;
  /** There is a level behind this menu; without one, q quits. */
  behind: boolean;
}

export type MenuEffect = { kind: 'choose'; index: number } | { kind: 'leave'; leaving: Leaving };

export function menuKeymap(behind: boolean) {
  return behind ? MENU_KEYS : HOME_KEYS;
}

/** Up/down (or j/k) to move, Enter (or →, l) to choose, q or Esc to go back. Pure. */
export function menuKey(m: MenuState, key: Keypress): Step<MenuState, MenuEffect> {
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
      return { state: m, effects: [{ kind: 'leave', leaving: 'screen' }] };
    case 'quit':
      return { state: m, effects: [{ kind: 'leave', leaving: 'all' }] };
    default:
      return { state: m };
  }
}

export interface MenuViewProps<T> {
  title: string;
  items: MenuItem<T>[];
  /** Words after the keys in the footer (what ✓ means, say). */
  note: string;
  state: MenuState;
  lang: Lang;
  paint: ChalkInstance;
  size: { cols: number; rows: number };
}

export function MenuView<T>({ title, items, note, state, lang, paint, size }: MenuViewProps<T>) {
  const keys = footerOf(menuKeymap(state.behind), ['down', 'up', 'choose', 'back'], lang);
  return <Text>{renderMenu(title, items, state.cursor, note ? `${keys}   ${note}` : keys, size, paint, lang).join('\n')}</Text>;
}
