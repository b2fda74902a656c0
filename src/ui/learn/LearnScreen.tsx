import type { ChalkInstance } from 'chalk';
import { Text, useApp, useInput, useStdin } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { useTerminalSize } from '../terminal-size.js';
import { onKey, type Judge, type Leaving } from './controller.js';
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

export function LearnScreen({ view, paint, predict, judge, onFinish, onQuit }: LearnScreenProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const size = useTerminalSize();
  // Keys can arrive faster than React renders; each must see the state the last one left.
  const current = useRef(initialScreen(predict));
  const [ui, setUi] = useState(current.current);
  const finished = useRef(false);

  useInput(
    (input, key) => {
      const outcome = onKey(current.current, input, key, view, judge);
      if (outcome.quit) return onQuit ? onQuit(outcome.quit) : exit();
      current.current = outcome.ui;
      setUi(outcome.ui);
    },
    { isActive: isRawModeSupported === true },
  );

  useEffect(() => {
    if (ui.position === view.steps.length && !finished.current) {
      finished.current = true;
      onFinish?.();
    }
  }, [ui.position, view.steps.length, onFinish]);

  // One Text for the whole frame: the lines are already laid out, so ink need not measure each.
  return <Text>{renderFrame(view, ui, size, paint).join('\n')}</Text>;
}
