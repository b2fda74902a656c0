import type { ChalkInstance } from 'chalk';
import { Text, useApp } from 'ink';
import { useTerminalSize } from '../terminal-size.js';
import { useKeys } from '../use-keys.js';
import { learnKey, type Judge, type LearnEffect, type Leaving } from './controller.js';
import { initialScreen, renderFrame } from './frame.js';
import type { LearnView } from './view.js';

export interface LearnScreenProps {
  view: LearnView;
  paint: ChalkInstance;
  predict: boolean;
  judge: Judge;
  /** Called once, the first time the learner reaches the last step. */
  onFinish?: () => void;
  /** The learner leaves: q or Esc ('screen'), Ctrl-C ('all'). Without it, the app ends. */
  onQuit?: (leaving: Leaving) => void;
}

/** One lesson as an app of its own, reading its keys at its root. */
export function LearnScreen({ view, paint, predict, judge, onFinish, onQuit }: LearnScreenProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const ui = useKeys(
    () => initialScreen(predict, onQuit !== undefined),
    (state, key) => learnKey(state, key, { view, judge, size }),
    (e: LearnEffect) => {
      if (e.kind === 'finished') onFinish?.();
      // Alone, a lesson has no other to open and no progress to keep.
      else if (e.kind !== 'leave') return;
      else if (onQuit) onQuit(e.leaving);
      else exit();
    },
  );
  // One Text for the whole frame: the lines are already laid out, so ink need not measure each.
  return <Text>{renderFrame(view, ui, size, paint).join('\n')}</Text>;
}
