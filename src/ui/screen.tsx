import { render } from 'ink';
import type { ReactElement } from 'react';

export interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

const ALT_SCREEN_ON = '\u001b[?1049h\u001b[H';
const ALT_SCREEN_OFF = '\u001b[?1049l';

/**
 * Runs one full-screen ink app in the terminal's alternate screen, so the
 * learner's scrollback is left as it was, and always gives the terminal back:
 * on quit, Ctrl-C (read as a key), SIGTERM or SIGHUP, and on an error.
 */
export async function runFullScreen(app: ReactElement, { stdin, stdout }: Terminal): Promise<void> {
  stdout.write(ALT_SCREEN_ON);
  const instance = render(app, { stdin, stdout, exitOnCtrlC: false, patchConsole: false });
  const stop = () => instance.unmount();
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
    instance.cleanup();
    stdout.write(ALT_SCREEN_OFF);
  }
}
