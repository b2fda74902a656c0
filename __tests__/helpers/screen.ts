import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';

/** Keys as a terminal sends them. */
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  ctrlRight: '\u001B[1;5C',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
};

/** Long enough for ink to read a write, run its handlers and draw. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

export interface Screen {
  frame: () => string;
  /** Every frame drawn so far. */
  frames: () => string[];
  /** Writes each key on its own, letting the screen draw between them. */
  type: (...keys: string[]) => Promise<void>;
  /** Writes all the keys in one write, as a slow link or a held key delivers them. */
  burst: (...keys: string[]) => Promise<void>;
  /** Waits until the frame satisfies `ready` (at most two seconds), and returns it. */
  waitFor: (ready: (frame: string) => boolean) => Promise<string>;
  unmount: () => void;
}

/** Renders an ink app the way tests drive screens, and waits until it reads keys. */
export async function mount(app: ReactElement): Promise<Screen> {
  const r = render(app);
  const frame = () => r.lastFrame() ?? '';
  const screen: Screen = {
    frame,
    frames: () => r.frames,
    async type(...keys) {
      for (const k of keys) {
        r.stdin.write(k);
        await settle();
      }
    },
    async burst(...keys) {
      r.stdin.write(keys.join(''));
      await settle();
    },
    async waitFor(ready) {
      for (let waited = 0; !ready(frame()) && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      return frame();
    },
    unmount: () => r.unmount(),
  };
  // A screen subscribes to keys in an effect after its first frame.
  await screen.waitFor((f) => f !== '');
  await settle();
  return screen;
}
