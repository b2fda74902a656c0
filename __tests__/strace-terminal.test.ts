import { afterAll, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';
import { tmuxServer } from './helpers/tmux.js';

// Ctrl-C in a real terminal reaches the traced command and zcopy alike (one process group): the
// command must end once, cleanly, and the report of what was captured follow.
const SESSION = 'trace';
const term = tmuxServer(`zcopy-tracetest-${process.pid}`, SESSION);
const dir = mkdtempSync(join(tmpdir(), 'zcopy-traceterm-'));
afterAll(() => {
  term.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('zcopy trace -- python3 -m http.server, a request, then Ctrl-C: the server exits once (no second KeyboardInterrupt) and the flow is reported', async () => {
  mkdirSync(join(dir, 'www'));
  writeFileSync(join(dir, 'www', 'page.bin'), Buffer.alloc(200000, 5));
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  term.run('-u', 'new-session', '-d', '-s', SESSION, '-x', '100', '-y', '40', '-c', dir, 'env', 'PS1=$ ', 'LANG=C.UTF-8', 'TERM=xterm-256color', 'PATH=/usr/local/bin:/usr/bin:/bin', `HOME=${dir}`, 'HISTFILE=/dev/null', 'bash', '--norc', '--noprofile');
  term.keys(`node ${join(ROOT, 'bin', 'zcopy.js')} trace --no-pager -- python3 -s -m http.server ${port} --bind 127.0.0.1 --directory www`, 'Enter');
  await term.waitFor((s) => s.includes('Serving HTTP'), 'the server to start');
  // Before the server's own words, how to stop it and see the report.
  expect(term.screen().replace(/\s+/g, ' ')).toMatch(/ Tracing python3 .* under strace\. When it has done what you want to see \(a request to a server, say\), Ctrl-C stops it and the report follows\. /);
  const body = await (await fetch(`http://127.0.0.1:${port}/page.bin`)).arrayBuffer();
  expect(body.byteLength).toBe(200000);
  term.keys('C-c');
  // The report, then the shell's prompt: zcopy has exited (and removed its temporary trace).
  const screen = await term.waitFor((s) => s.includes('What a trace cannot tell') && /^\$\s*$/.test(s.split('\n').at(-1) ?? ''), 'the report and the prompt', 20_000);
  expect(screen).toContain('Stopped: reading what was captured.');
  expect(screen).toContain('Calls: read x 4, sendto x 4');
  expect(screen.match(/KeyboardInterrupt/g) ?? []).toEqual([]);
});

test('a report taller than the terminal scrolls in the pager, as explain does; q leaves it, exit 0', async () => {
  term.kill();
  term.run('-u', 'new-session', '-d', '-s', SESSION, '-x', '80', '-y', '12', '-c', ROOT, 'env', 'PS1=$ ', 'LANG=C.UTF-8', 'TERM=xterm-256color', 'HISTFILE=/dev/null', 'bash', '--norc', '--noprofile');
  term.keys('node bin/zcopy.js trace traces/http-server.trace', 'Enter');
  await term.waitFor((s) => /^:\s*$/m.test(s.split('\n').at(-1) ?? '') && s.includes('Flow 1'), "the pager's prompt");
  term.keys('q');
  term.keys('clear; echo "exit=$?"', 'Enter');
  expect(await term.waitFor((s) => /exit=\d+/.test(s), 'the exit status')).toMatch(/exit=0/);
});
