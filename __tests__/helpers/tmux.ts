import { expect } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/** A private tmux server (its own socket) with one session, for driving zcopy in a real terminal. */
export interface Tmux {
  /** Runs a tmux command against this server. */
  run: (...args: string[]) => string;
  /** The visible screen, without trailing blank lines. */
  screen: () => string;
  /** Sends keys to the session (tmux key names or text). */
  keys: (...keys: string[]) => string;
  /** Polls the screen until `predicate` holds, or fails naming `what` and showing the screen. */
  waitFor: (predicate: (text: string) => boolean, what: string, ms?: number) => Promise<string>;
  /** Ends the server and everything in it; the next server starts on a socket of its own. */
  kill: () => void;
  /** At a shell prompt after a program: it exited 0 and left the terminal in canonical mode with echo on. */
  expectExitedCleanly: () => Promise<void>;
}

export function tmuxServer(name: string, session: string): Tmux {
  // A killed server exits after kill-server returns: one started on its socket meanwhile fails ("server exited unexpectedly").
  let servers = 0;
  let socket = name;
  const run = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const screen = () => run('capture-pane', '-p', '-t', session).trimEnd();
  const keys = (...keys: string[]) => run('send-keys', '-t', session, ...keys);
  const tmux: Tmux = {
    run,
    screen,
    keys,
    async waitFor(predicate, what, ms = 10_000) {
      const deadline = Date.now() + ms;
      let text = '';
      while (Date.now() < deadline) {
        text = screen();
        if (predicate(text)) return text;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
    },
    kill() {
      try {
        // The server leaves its socket behind: removed, so that a test leaves nothing in the temporary folder.
        const path = run('display-message', '-p', '#{socket_path}').trim();
        run('kill-server');
        rmSync(path, { force: true });
      } catch {
        // already gone
      }
      socket = `${name}-${++servers}`;
    },
    async expectExitedCleanly() {
      keys('clear; echo "exit=$?"; stty -a | tr " " "\\n" | grep -E "^-?(icanon|echo)$"', 'Enter');
      const after = await tmux.waitFor((s) => /exit=\d+[\s\S]*echo\s*$/m.test(s), 'the exit status and stty');
      expect(after).toMatch(/exit=0/);
      expect(after).toMatch(/^icanon$/m);
      expect(after).toMatch(/^echo$/m);
    },
  };
  return tmux;
}
