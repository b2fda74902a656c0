import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';
import { tmuxServer } from './helpers/tmux.js';

// The home menu's lab in a real 80x24 terminal: a real run (the helper built into a cache of the test's own), stopped part-way.
const SESSION = 'lab';
const term = tmuxServer(`zcopy-labtest-${process.pid}`, SESSION);
const { waitFor, keys, expectExitedCleanly } = term;
let dirs: { state: string; cache: string; tmp: string };

const atPrompt = (s: string) => /^\$\s*$/.test(s.split('\n').at(-1) ?? '');


beforeEach(() => {
  const made = () => mkdtempSync(join(tmpdir(), 'zcopy-labterm-'));
  dirs = { state: made(), cache: made(), tmp: made() };
  term.run('-u', 'new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', '-c', ROOT, 'env', '-u', 'CI', 'PS1=$ ', 'LANG=C.UTF-8', 'TERM=xterm-256color',
    `XDG_STATE_HOME=${dirs.state}`, `XDG_CACHE_HOME=${dirs.cache}`, `TMPDIR=${dirs.tmp}`, 'bash', '--norc', '--noprofile');
});

afterEach(() => {
  term.kill();
  for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
});

/** Opens the lab from the home menu and starts a run; resolves once a technique's first run is counted. */
async function startRun() {
  keys('node bin/zcopy.js', 'Enter');
  await waitFor((s) => s.includes('› learn'), 'the home menu');
  keys('G', 'Enter');
  await waitFor((s) => s.includes('Press Enter to start'), 'the lab\'s screen');
  keys('Enter');
  // The first run of the first technique: the helper is built and running.
  await waitFor((s) => /^ {3}▸ read-write +[1-5]\/6 +measuring$/m.test(s), 'the first run counted', 60_000);
}

describe('the lab from the home menu, in a real terminal', () => {
  test('q stops a run part-way: the screen says so, the helper\'s files are gone; q goes home, Ctrl-C quits cleanly', async () => {
    if (process.platform !== 'linux') return;
    await startRun();
    keys('q');
    const stopped = await waitFor((s) => s.includes('Stopped; the temporary files'), 'the run stopped', 20_000);
    for (const line of stopped.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(readdirSync(dirs.tmp).filter((n) => n.startsWith('zcopy-lab-'))).toEqual([]);
    keys('q');
    await waitFor((s) => s.includes('› lab'), 'home again, on the lab');
    keys('C-c');
    await waitFor(atPrompt, 'the shell prompt');
    await expectExitedCleanly();
  }, 120_000);

  test('Ctrl-C during a run stops it and gives the terminal back, nothing left behind', async () => {
    if (process.platform !== 'linux') return;
    await startRun();
    keys('C-c');
    await waitFor(atPrompt, 'the shell prompt', 20_000);
    await expectExitedCleanly();
    // Nothing scrolled past: the app's screen is gone, the prompt is where it was.
    expect(readdirSync(dirs.tmp).filter((n) => n.startsWith('zcopy-lab-'))).toEqual([]);
  }, 120_000);
});
