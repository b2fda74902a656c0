import type { ChalkInstance } from 'chalk';
import { Menu } from '../Menu.js';
import type { MenuItem } from '../menu-lines.js';
import { runFullScreen, type Terminal } from '../screen.js';
import type { Judge } from './controller.js';
import { LearnScreen } from './LearnScreen.js';
import type { LearnView } from './view.js';

export interface LearnOptions extends Terminal {
  paint: ChalkInstance;
  predict: boolean;
  judge: Judge;
  onFinish?: () => void;
}

export async function runLearn(view: LearnView, { paint, predict, judge, onFinish, ...terminal }: LearnOptions): Promise<void> {
  await runFullScreen(<LearnScreen view={view} paint={paint} predict={predict} judge={judge} onFinish={onFinish} />, terminal);
}

/** Shows a menu full-screen and resolves with the chosen value, or null if the learner left. */
export async function chooseFromMenu<T>(title: string, items: MenuItem<T>[], footer: string, paint: ChalkInstance, terminal: Terminal): Promise<T | null> {
  let chosen: T | null = null;
  await runFullScreen(<Menu title={title} items={items} footer={footer} paint={paint} onChoose={(v) => (chosen = v)} />, terminal);
  return chosen;
}
