import { describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { Ctx } from '../src/cli/context.js';
import { paged, pagerArgv, pagerFor, spawnPager, type PageAsk } from '../src/cli/pager.js';

// Long output is paged the way git does (issue 21): only on a terminal, only when taller than it, never after --no-pager.
const tall = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
const short = 'one\ntwo\n';
const terminal: PageAsk = { isTTY: true, rows: 24, columns: 80, env: {} };

describe('whether a text is paged', () => {
  test('on a terminal, a text taller than it goes through less, unless --no-pager', () => {
    expect(pagerFor(tall, terminal)).toBe('less');
    expect(pagerFor(tall, { ...terminal, pager: true })).toBe('less');
    expect(pagerFor(tall, { ...terminal, pager: false })).toBeUndefined();
  });

  test('piped, or as short as the terminal, it is printed directly', () => {
    expect(pagerFor(tall, { ...terminal, isTTY: false })).toBeUndefined();
    expect(pagerFor(short, terminal)).toBeUndefined();
    // Exactly as tall as the terminal still fits; one row more does not.
    const rows = (n: number) => 'x\n'.repeat(n);
    expect(pagerFor(rows(24), terminal)).toBeUndefined();
    expect(pagerFor(rows(25), terminal)).toBe('less');
    // A terminal that does not say its height is not guessed at.
    expect(pagerFor(tall, { ...terminal, rows: 0 })).toBeUndefined();
  });

  test('lines wider than the terminal count the rows they wrap to', () => {
    const wide = ('x'.repeat(100) + '\n').repeat(13);
    expect(pagerFor(wide, terminal)).toBe('less');
    expect(pagerFor(wide, { ...terminal, columns: 100 })).toBeUndefined();
  });

  test('ZCOPY_PAGER before PAGER before less; empty or cat means none', () => {
    expect(pagerFor(tall, { ...terminal, env: { PAGER: 'more' } })).toBe('more');
    expect(pagerFor(tall, { ...terminal, env: { PAGER: 'more', ZCOPY_PAGER: 'less -S' } })).toBe('less -S');
    expect(pagerFor(tall, { ...terminal, env: { PAGER: '' } })).toBeUndefined();
    expect(pagerFor(tall, { ...terminal, env: { PAGER: 'cat' } })).toBeUndefined();
    expect(pagerFor(tall, { ...terminal, env: { PAGER: 'more', ZCOPY_PAGER: '' } })).toBeUndefined();
  });
});

/** A context on a pretend 80x24 terminal: what is printed directly is collected in `printed`. */
function onTerminal(env: NodeJS.ProcessEnv = {}) {
  const printed: string[] = [];
  const stdout = { isTTY: true, rows: 24, columns: 80 };
  const ctx = { io: { stdout, stderr: {}, env }, out: (t: string) => void printed.push(t) } as unknown as Ctx;
  return { ctx, printed };
}

/** Stands in for the pager: a node process that echoes what it reads, or ends without reading. */
function fakePager(script: string) {
  const seen: { command?: string; options?: SpawnOptions; read: string } = { read: '' };
  const start = (command: string, options: SpawnOptions): ChildProcess => {
    seen.command = command;
    seen.options = options;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdout!.on('data', (d: Buffer) => (seen.read += d.toString()));
    return child;
  };
  return { seen, start };
}

describe('paging', () => {
  test('the pager reads the whole text on its stdin, with less told FRX, and nothing is printed besides', async () => {
    const { ctx, printed } = onTerminal();
    const { seen, start } = fakePager('process.stdin.pipe(process.stdout)');
    await paged(ctx, tall, undefined, start);
    expect(seen.command).toBe('less');
    expect(seen.read).toBe(tall);
    expect(seen.options?.env?.LESS).toBe('FRX');
    expect(printed).toEqual([]);
  });

  test("the learner's own LESS is kept", async () => {
    const { ctx } = onTerminal({ LESS: 'R' });
    const { seen, start } = fakePager('process.stdin.resume()');
    await paged(ctx, tall, undefined, start);
    expect(seen.options?.env?.LESS).toBe('R');
  });

  test('a pager quit before the end (q on the first page) is no error', async () => {
    const { ctx, printed } = onTerminal();
    const { start } = fakePager('process.exit(0)');
    await paged(ctx, tall.repeat(20_000), undefined, start);
    expect(printed).toEqual([]);
  });

  test('a pager that cannot start: the text is printed directly', async () => {
    const { ctx, printed } = onTerminal({ PAGER: 'zcopy-no-such-pager -R' });
    let started = '';
    // The real spawner, with the pretend terminal's streams left out.
    await paged(ctx, tall, undefined, (command, options) => ((started = command), spawnPager(command, { ...options, stdio: ['pipe', 'ignore', 'ignore'] })));
    expect(started).toBe('zcopy-no-such-pager -R');
    expect(printed).toEqual([tall]);
  });

  test('a pager with shell syntax runs through sh, as git runs it; a plain one runs itself', () => {
    expect(pagerArgv('less')).toEqual(['less', []]);
    expect(pagerArgv('less -S -R')).toEqual(['less', ['-S', '-R']]);
    expect(pagerArgv('zcopy-no-such-pager -R')).toEqual(['zcopy-no-such-pager', ['-R']]);
    expect(pagerArgv('less | tee /tmp/x')).toEqual(['sh', ['-c', 'less | tee /tmp/x']]);
    expect(pagerArgv('LESS=S less')).toEqual(['sh', ['-c', 'LESS=S less']]);
  });

  test('--no-pager and a short text are printed directly, the pager never started', async () => {
    const { ctx, printed } = onTerminal();
    const { seen, start } = fakePager('process.stdin.resume()');
    await paged(ctx, tall, false, start);
    await paged(ctx, short, undefined, start);
    expect(seen.command).toBeUndefined();
    expect(printed).toEqual([tall, short]);
  });
});
