import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';
import { tmuxServer } from './helpers/tmux.js';

// `zcopy trace` in a real 80x24 terminal, the built binary: the report is a page of the app (issue 23).
const SESSION = 'tracepage';
const term = tmuxServer(`zcopy-tracepage-${process.pid}`, SESSION);
const { keys, waitFor, expectExitedCleanly } = term;
let state = '';

/** The last line is a bare prompt: the program has ended and the alternate screen is gone. */
const atPrompt = (s: string) => /^\$\s*$/.test(s.split('\n').at(-1) ?? '');

beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'zcopy-tracepage-'));
  // ink draws only a final frame when CI is set: the program runs without it, as a learner's would.
  term.run('-u', 'new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', '-c', ROOT, 'env', '-u', 'CI', 'PS1=$ ', 'LANG=C.UTF-8', 'TERM=xterm-256color', `XDG_STATE_HOME=${state}`, 'HISTFILE=/dev/null', 'bash', '--norc', '--noprofile');
});

afterEach(() => {
  term.kill();
  rmSync(state, { recursive: true, force: true });
});

test('zcopy trace FILE: the page, Enter opens the lesson at the flow\'s scale, q comes back, q quits and the terminal is restored', async () => {
  keys('node bin/zcopy.js trace traces/http-server.trace', 'Enter');
  const page = await waitFor((s) => s.includes('zcopy trace · traces/http-server.trace') && s.includes('Enter open lesson'), 'the trace page');
  expect(page).toMatch(/^▸ Flow 1: /m);
  expect(page.split('\n').length).toBeLessThanOrEqual(23);
  keys('Enter');
  await waitFor((s) => s.includes('zcopy · traditional'), 'the lesson');
  keys('End');
  const end = await waitFor((s) => /step (\d+)\/\1/.test(s), "the lesson's last step");
  // docs/MODEL.md: read + write moves each chunk with 2 CPU copies, 2 DMA copies, 4 mode switches, 2 system calls; 200,000 B in 64 KiB chunks is 4 chunks.
  expect(end).toContain('200,000 B in 64 KiB chunks, 4 chunks');
  expect(end).toMatch(/CPU copies +8 = 4 x 2/);
  expect(end).toMatch(/DMA copies +8 = 4 x 2/);
  expect(end).toMatch(/Mode switches +16 = 4 x 4/);
  expect(end).toMatch(/Syscalls +8 = 4 x 2/);
  keys('q');
  expect(await waitFor((s) => s.includes('Enter open lesson'), 'the trace page again')).toBe(page);
  keys('q');
  await waitFor(atPrompt, 'the shell prompt');
  await expectExitedCleanly();
});

test('--no-pager on a terminal prints the text, as piped', async () => {
  keys('clear; node bin/zcopy.js trace --no-pager traces/http-server.trace', 'Enter');
  const screen = await waitFor((s) => s.includes('device makes on its own.') && atPrompt(s), 'the text and the prompt');
  expect(screen).toContain('    zcopy learn traditional --size 200000 --chunk 64K');
  expect(screen).not.toContain('Enter open lesson');
});
