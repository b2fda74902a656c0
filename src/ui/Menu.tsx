import type { ChalkInstance } from 'chalk';
import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { useState } from 'react';
import { actionOf } from './keys.js';
import { renderMenu, type MenuItem } from './menu-lines.js';
import { useTerminalSize } from './terminal-size.js';

export interface MenuProps<T> {
  title: string;
  items: MenuItem<T>[];
  footer: string;
  paint: ChalkInstance;
  onChoose: (value: T | null) => void;
}

/** Up/down (or j/k) to move, Enter (or →, l) to choose, q or Esc to leave with nothing. */
export function Menu<T>({ title, items, footer, paint, onChoose }: MenuProps<T>) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const size = useTerminalSize();
  const [cursor, setCursor] = useState(0);

  useInput(
    (input, key) => {
      const action = actionOf(input, key);
      if (action === 'up') setCursor((c) => (c - 1 + items.length) % items.length);
      else if (action === 'down') setCursor((c) => (c + 1) % items.length);
      else if (action === 'first') setCursor(0);
      else if (action === 'last') setCursor(items.length - 1);
      else if (action === 'next') {
        onChoose(items[cursor].value);
        exit();
      } else if (action === 'quit' || action === 'interrupt') {
        onChoose(null);
        exit();
      }
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
