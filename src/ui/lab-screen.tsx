import { Box, Text, render } from 'ink';

export interface ProgressState {
  done: number;
  total: number;
  label: string;
}

/** One line: a bar, the runs done of the runs planned, and what is being measured. */
export function ProgressLine({ done, total, label, width }: ProgressState & { width: number }) {
  const room = Math.max(10, Math.min(40, width - 20));
  const filled = total ? Math.round((done / total) * room) : 0;
  return (
    <Box width={width}>
      <Box flexShrink={0}>
        <Text color="cyan">{'█'.repeat(filled)}</Text>
        <Text dimColor>{'░'.repeat(room - filled)}</Text>
      </Box>
      <Box marginLeft={1} marginRight={1} flexShrink={0}>
        <Text>{`${done}/${total}`}</Text>
      </Box>
      <Text dimColor wrap="truncate-end">
        {label}
      </Text>
    </Box>
  );
}

export interface Progress {
  update: (state: ProgressState) => void;
  /** Removes the bar and gives the terminal back. */
  stop: () => Promise<void>;
}

/**
 * A progress bar drawn by ink while the lab runs. It reads no keys, so Ctrl-C
 * stays a signal that reaches the lab (which then cleans up) and the helper.
 */
export function startProgress(stdout: NodeJS.WriteStream, first: ProgressState): Progress {
  const width = Math.min(stdout.columns || 80, 80);
  const app = render(<ProgressLine {...first} width={width} />, { stdout, patchConsole: false, exitOnCtrlC: false });
  return {
    update: (state) => app.rerender(<ProgressLine {...state} width={width} />),
    stop: async () => {
      app.clear();
      app.unmount();
      await app.waitUntilExit();
    },
  };
}
