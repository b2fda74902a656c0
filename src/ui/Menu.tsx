import type { ChalkInstance } from 'chalk';
import { Box, Text, useInput, useStdin } from 'ink';
import { useState } from 'react';
import { actionOf } from './keys.js';
import type { Leaving } from './learn/controller.js';
import { renderMenu, type MenuItem } from './menu-lines.js';
import { useTerminalSize } from './terminal-size.js';

export interface MenuProps<T> {
  title: string;
  items: MenuItem<T>[];
  footer: string;
  paint: ChalkInstance;
  /** The item the cursor starts on (the lesson just left, say). */
  initial?: T;
  onChoose: (value: T) => void;
  /** The learner leaves: q or Esc ('screen'), Ctrl-C ('all'). */
  onQuit: (leaving: Leaving) => void;
}

/** Up/down (or j/k) to move, Enter (or →, l) to choose, q or Esc to leave with nothing. */
export function Menu<T>({ title, items, footer, paint, initial, onChoose, onQuit }: MenuProps<T>) {
  const { isRawModeSupported } = useStdin();
  const size = useTerminalSize();
  const [cursor, setCursor] = useState(() => Math.max(0, items.findIndex((i) => i.value === initial)));

  useInput(
    (input, key) => {
      const action = actionOf(input, key);
      if (action === 'up') setCursor((c) => (c - 1 + items.length) % items.length);
      else if (action === 'down') setCursor((c) => (c + 1) % items.length);
      else if (action === 'first') setCursor(0);
      else if (action === 'last') setCursor(items.length - 1);
      else if (action === 'next') onChoose(items[cursor].value);
      else if (action === 'quit') onQuit('screen');
      else if (action === 'interrupt') onQuit('all');
    },
    { isActive: isRawModeSupported === true },
  );

  return (
    <Box flexDirection="column">
      {renderMenu(title, items, cursor, footer, size, paint).map((line, i) => (
        <Text key={i} wrap="truncate">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}
