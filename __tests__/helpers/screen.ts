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

/** Polls `done` every few milliseconds until it holds or `ms` have passed; says whether it held. */
async function until(done: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; !done(); ) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return true;
}

/**
 * How long a key read by a live app may take to draw: far more than it ever
 * does (a few milliseconds), so that a loaded machine cannot make a test fail.
 */
const DRAWN_WITHIN = 5_000;

export interface Screen {
  frame: () => string;
  /** Every frame drawn so far. */
  frames: () => string[];
  /** Writes each key on its own, waiting for the screen to draw before the next. */
  type: (...keys: string[]) => Promise<void>;
  /** Writes all the keys in one write, as a slow link or a held key delivers them, and waits for the screen to draw. */
  burst: (...keys: string[]) => Promise<void>;
  /** Waits until the frame satisfies `ready` (at most two seconds), and returns it. */
  waitFor: (ready: (frame: string) => boolean) => Promise<string>;
  unmount: () => void;
}

/**
 * Renders an ink app the way tests drive screens, and waits until it reads keys.
 *
 * ink-testing-library renders in ink's debug mode: every render writes a frame,
 * even one that looks the same as the last, so a write counted in `frames`
 * tells "drawn again, unchanged" from "not drawn yet". A zcopy app renders
 * after every read (its key reducer returns a new state), so a key is taken
 * once a frame is written after it, or once the app stops listening (a key
 * that ended it). An app that has ended reads nothing: ink no longer listens
 * to stdin, so a key written then is not waited for.
 */
export async function mount(app: ReactElement): Promise<Screen> {
  const r = render(app);
  const frame = () => r.lastFrame() ?? '';
  const listening = () => r.stdin.listenerCount('readable') > 0;
  const write = async (data: string) => {
    if (!listening()) return void r.stdin.write(data);
    const drawn = r.frames.length;
    r.stdin.write(data);
    // A key that ends the app (q, Ctrl-C) stops it listening instead.
    if (!(await until(() => r.frames.length > drawn || !listening(), DRAWN_WITHIN))) throw new Error(`no frame drawn after ${JSON.stringify(data)}`);
  };
  const screen: Screen = {
    frame,
    frames: () => r.frames,
    async type(...keys) {
      for (const k of keys) await write(k);
    },
    burst: (...keys) => write(keys.join('')),
    async waitFor(ready) {
      await until(() => ready(frame()), 2000);
      return frame();
    },
    unmount: () => r.unmount(),
  };
  // A screen subscribes to keys in an effect after its first frame.
  if (!(await until(() => frame() !== '' && listening(), DRAWN_WITHIN))) throw new Error('the app never read keys');
  return screen;
}
