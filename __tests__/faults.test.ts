import { afterEach, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validData, type ProgressData } from '../src/progress/store.js';
import { ROOT, zcopy } from './helpers/cli.js';
import { tmuxServer } from './helpers/tmux.js';

// Faults from issue 7: the program interrupted (Ctrl-C, SIGTERM, SIGHUP), the terminal shrunk
// under it, a reader that goes away, and two quizzes saving progress at the same time.

const BIN = join(ROOT, 'bin/zcopy.js');

/* ------------------------------------------------------------------ tmux */

// The built binary in a real terminal. Each test gets its own pane on a private tmux server.
// The pane runs a plain `sh` script (not an interactive shell, which would repair the tty
// itself after a program killed by a signal): it waits for `go`, so that the raw output is
// captured from the first byte, runs zcopy in the foreground (its pid written to a file),
// then prints the exit status and the terminal modes zcopy left behind.
const SOCKET = `zcopy-faults-${process.pid}`;
const SESSION = 'faults';
let dir = '';

const term = tmuxServer(SOCKET, SESSION);
const { screen, keys } = term;
const tmux = term.run;
const waitFor = (predicate: (text: string) => boolean, what: string, ms = 6_000) => term.waitFor(predicate, what, ms);

/** One key at a time, each seen on the screen before the next: keys sent together reach ink as one chunk. */
async function type(key: string, shown: (s: string) => boolean, what: string): Promise<string> {
  keys(key);
  return waitFor(shown, what);
}

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function start(args: string[], { cols = 80, rows = 24 } = {}): void {
  dir = mkdtempSync(join(tmpdir(), 'zcopy-faults-'));
  const script = [
    `while [ ! -e ${sh(join(dir, 'go'))} ]; do sleep 0.02; done`,
    `sh -c 'echo $$ > "$0"; exec "$@"' ${sh(join(dir, 'pid'))} ${sh(process.execPath)} bin/zcopy.js ${args.map(sh).join(' ')}`,
    'echo "exit=$?"',
    `stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$'`,
    'echo END',
    'exec sleep 120',
  ].join('\n');
  writeFileSync(join(dir, 'run.sh'), script + '\n');
  tmux('-u', 'new-session', '-d', '-s', SESSION, '-x', String(cols), '-y', String(rows), '-c', ROOT,
    'env', '-u', 'CI', 'LANG=C.UTF-8', 'TERM=xterm-256color', `XDG_STATE_HOME=${join(dir, 'state')}`, 'sh', join(dir, 'run.sh'));
  tmux('pipe-pane', '-t', SESSION, `cat >> ${sh(join(dir, 'raw'))}`);
  writeFileSync(join(dir, 'go'), '');
}

async function zcopyPid(): Promise<number> {
  const file = join(dir, 'pid');
  const deadline = Date.now() + 5_000;
  while (!existsSync(file) || !readFileSync(file, 'utf8').trim()) {
    if (Date.now() > deadline) throw new Error('zcopy never started');
    await new Promise((r) => setTimeout(r, 20));
  }
  return Number(readFileSync(file, 'utf8').trim());
}

const rawOutput = () => (existsSync(join(dir, 'raw')) ? readFileSync(join(dir, 'raw'), 'latin1') : '');

/**
 * After zcopy has ended: its exit status, and what it left behind. The terminal must be back
 * in cooked mode with echo, out of the alternate screen, with the cursor shown, and the last
 * cursor and alternate-screen sequences zcopy itself wrote must be the ones that restore.
 */
async function afterExit(): Promise<{ exit: number; screen: string }> {
  const text = await waitFor((s) => /^END$/m.test(s), 'zcopy to end and the terminal modes', 8_000);
  const deadline = Date.now() + 3_000;
  while (!rawOutput().includes('END') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(text).toMatch(/^icanon$/m);
  expect(text).toMatch(/^echo$/m);
  expect(tmux('display', '-p', '-t', SESSION, 'alternate=#{alternate_on} cursor=#{cursor_flag}').trim()).toBe('alternate=0 cursor=1');

  const raw = rawOutput();
  const own = raw.slice(0, raw.indexOf('exit='));
  expect(own).toContain('\u001b[?1049h'); // captured from the start
  const last = (re: RegExp) => [...own.matchAll(re)].at(-1)?.[0];
  expect(last(/\u001b\[\?25[hl]/g)).toBe('\u001b[?25h');
  expect(last(/\u001b\[\?1049[hl]/g)).toBe('\u001b[?1049l');
  return { exit: Number(/^exit=(\d+)$/m.exec(text)![1]), screen: text };
}

afterEach(() => term.kill());

/* ------------------------------------------------------------------ learn */

describe('zcopy learn interrupted', () => {
  async function learnAtStep2(): Promise<void> {
    start(['learn', 'sendfile']);
    await waitFor((s) => s.includes('USER SPACE') && s.includes('start'), 'the first frame');
    await type('Right', (s) => /step 1\/\d+/.test(s), 'step 1');
    await type('Right', (s) => /step 2\/\d+/.test(s), 'step 2');
  }

  test('Ctrl-C gives the terminal back', async () => {
    await learnAtStep2();
    keys('C-c');
    const { exit } = await afterExit();
    expect(exit).toBe(0);
  }, 15_000);

  test.each(['SIGTERM', 'SIGHUP'] as const)('%s gives the terminal back', async (signal) => {
    await learnAtStep2();
    process.kill(await zcopyPid(), signal);
    const { exit } = await afterExit();
    // Cleaned up, then ended: 0, or the signal's own status if it re-raises it after restoring.
    expect([0, 128 + (signal === 'SIGTERM' ? 15 : 1)]).toContain(exit);
  }, 15_000);
});

/* ------------------------------------------------------------------ quiz */

interface KeyEntry {
  scenario: string;
  kind: string;
  choices: string[];
  answer: string;
}

describe('zcopy quiz interrupted', () => {
  const SEED = '7';
  const COUNT = '3';

  /** Answers question 1 right and question 2 wrong, then stops at question 2's verdict. */
  async function answerTwo(): Promise<KeyEntry[]> {
    const key = JSON.parse(zcopy(['quiz', '--seed', SEED, '--count', COUNT, '--reveal', '--json']).stdout) as KeyEntry[];
    const wrongOf = (q: KeyEntry) => (q.choices.length ? (q.answer === 'a' ? 'b' : 'a') : String(Number(q.answer) + 1));
    start(['quiz', '--seed', SEED, '--count', COUNT]);
    await waitFor((s) => s.includes(`Question 1/${COUNT}`), 'question 1');
    for (const [i, typed] of [key[0].answer, wrongOf(key[1])].entries()) {
      if (i > 0) await type('Enter', (s) => s.includes(`Question ${i + 1}/${COUNT}`), `question ${i + 1}`);
      for (let n = 1; n <= typed.length; n++) await type(typed[n - 1], (s) => s.includes(`> ${typed.slice(0, n)}`), `"${typed.slice(0, n)}" typed`);
      await type('Enter', (s) => s.includes(i === 0 ? 'Right.' : 'Wrong: the answer is'), `the verdict on question ${i + 1}`);
    }
    return key;
  }

  function savedAnswers(key: KeyEntry[]): void {
    const data = validData(JSON.parse(readFileSync(join(dir, 'state', 'zcopy', 'progress.json'), 'utf8'))) as ProgressData;
    expect(data).not.toBeNull();
    const topics = Object.values(data.quiz).flatMap((kinds) => Object.values(kinds));
    expect(topics.reduce((n, t) => n + t.right + t.wrong, 0)).toBe(2);
    expect(data.quiz[key[0].scenario][key[0].kind].right).toBeGreaterThanOrEqual(1);
    expect(data.quiz[key[1].scenario][key[1].kind].wrong).toBeGreaterThanOrEqual(1);
  }

  test('Ctrl-C gives the terminal back and keeps the answers given', async () => {
    const key = await answerTwo();
    keys('C-c');
    const { exit, screen: text } = await afterExit();
    expect(exit).toBe(0);
    // The score is of the answers given, and says of how many questions (issue 21).
    expect(text).toMatch(new RegExp(`Score: 1/2 \\(2 of ${COUNT} answered\\)`));
    savedAnswers(key);
  }, 15_000);

  test('Ctrl-C before any answer: no score, said once, exit 1', async () => {
    start(['quiz', '--seed', SEED, '--count', COUNT]);
    await waitFor((s) => s.includes(`Question 1/${COUNT}`), 'question 1');
    keys('C-c');
    const { exit, screen: text } = await afterExit();
    expect(exit).toBe(1);
    expect(text).toContain(`zcopy: no answers given, so no score (the quiz had ${COUNT} questions)`);
    expect(text).not.toMatch(/Score/);
  }, 15_000);

  test('SIGTERM gives the terminal back and keeps the answers given', async () => {
    const key = await answerTwo();
    process.kill(await zcopyPid(), 'SIGTERM');
    const { exit } = await afterExit();
    expect([0, 143]).toContain(exit);
    savedAnswers(key);
  }, 15_000);
});

/* ------------------------------------------------------------------ resize */

describe('zcopy learn in a terminal that shrinks and grows', () => {
  test('below 72x20 it says what it needs; enlarged, the same step comes back', async () => {
    start(['learn', 'sendfile']);
    await waitFor((s) => s.includes('USER SPACE'), 'the first frame');
    for (let i = 1; i <= 3; i++) await type('Right', (s) => new RegExp(`step ${i}/\\d+`).test(s), `step ${i}`);
    const full = screen();
    const needs = (cols: number, rows: number) => (s: string) => {
      const text = s.replace(/\s+/g, ' ');
      return text.includes('needs a terminal of at least 72×20') && text.includes(`this one is ${cols}×${rows}`) && !text.includes('USER SPACE');
    };

    for (const [cols, rows] of [[71, 24], [80, 19], [40, 10]]) {
      tmux('resize-window', '-t', SESSION, '-x', String(cols), '-y', String(rows));
      const small = await waitFor(needs(cols, rows), `the too-small message at ${cols}x${rows}`);
      for (const line of small.split('\n')) expect(line.length).toBeLessThanOrEqual(cols);
      expect(small.split('\n').length).toBeLessThanOrEqual(rows);
    }

    tmux('resize-window', '-t', SESSION, '-x', '72', '-y', '20');
    const edge = await waitFor((s) => s.includes('USER SPACE') && /step 3\/\d+/.test(s), 'the screen at exactly 72x20');
    expect(edge).not.toContain('needs a terminal');
    for (const line of edge.split('\n')) expect(line.length).toBeLessThanOrEqual(72);

    tmux('resize-window', '-t', SESSION, '-x', '80', '-y', '24');
    // Back at 80x24: exactly the frame it showed before it was shrunk.
    await waitFor((s) => s === full, `the step 3 frame back at 80x24:\n${full}\n`);

    keys('q');
    expect((await afterExit()).exit).toBe(0);
  }, 15_000);
});

/* ------------------------------------------------------------------ EPIPE */

describe('a reader that goes away early', () => {
  // A preload that notes every error on stdout, so the test knows EPIPE really happened. If it
  // is the only listener (zcopy's own handling gone), it rethrows, as Node would without it.
  const probeDir = mkdtempSync(join(tmpdir(), 'zcopy-epipe-'));
  const probe = join(probeDir, 'probe.mjs');
  writeFileSync(
    probe,
    `import { appendFileSync } from 'node:fs';
process.stdout.on('error', (error) => {
  appendFileSync(process.env.ZCOPY_PROBE, String(error.code) + '\\n');
  if (process.stdout.listenerCount('error') === 1) throw error;
});
`,
  );

  test.each([[['list']], [['explain', 'sendfile']], [['compare']]])('zcopy %j into a closed pipe: EPIPE, then a quiet exit 0', async (args) => {
    const seen = join(probeDir, `${args[0]}.seen`);
    writeFileSync(seen, '');
    const child = spawn(process.execPath, ['--import', pathToFileURL(probe).href, BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: probeDir, LANG: 'C.UTF-8', ZCOPY_PROBE: seen },
    });
    // Close the read end before zcopy has started, so its first write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(readFileSync(seen, 'utf8')).toMatch(/^EPIPE$/m);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 15_000);

  test.each([['list'], ['explain sendfile'], ['compare']])('zcopy %s | head -1: the first line, nothing on stderr, exit 0', (args) => {
    const out = execFileSync('bash', ['-c', `${sh(process.execPath)} bin/zcopy.js ${args} 2>"$E" | head -1; echo "status=\${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: probeDir, LANG: 'C.UTF-8', E: join(probeDir, 'stderr') },
    });
    const [first, status] = out.trimEnd().split('\n');
    expect(first).toMatch(/\S/);
    expect(status).toBe('status=0');
    expect(readFileSync(join(probeDir, 'stderr'), 'utf8')).toBe('');
  }, 15_000);
});

/* ------------------------------------------------------------------ progress */

describe('two quizzes saving progress at once', () => {
  test('progress.json is valid whenever it is read, and after every round', async () => {
    const state = mkdtempSync(join(tmpdir(), 'zcopy-state-'));
    const file = join(state, 'zcopy', 'progress.json');
    const answers = Array.from({ length: 10 }, (_, i) => `${i % 3}\n`).join('');
    const total = () => {
      const data = validData(JSON.parse(readFileSync(file, 'utf8')));
      expect(data).not.toBeNull();
      return Object.values(data!.quiz).flatMap((k) => Object.values(k)).reduce((n, t) => n + t.right + t.wrong, 0);
    };
    let before = 0;
    let reads = 0;
    for (let round = 0; round < 6; round++) {
      const quizzes = [round * 2, round * 2 + 1].map((seed) => {
        const child = spawn(process.execPath, [BIN, 'quiz', '--seed', String(seed), '--count', '10'], {
          stdio: ['pipe', 'ignore', 'pipe'],
          env: { PATH: process.env.PATH ?? '', HOME: state, LANG: 'C.UTF-8', XDG_STATE_HOME: state },
        });
        child.stdin.end(answers);
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        return new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
      });
      let running = true;
      const ended = Promise.all(quizzes).finally(() => (running = false));
      // Meanwhile, read the file as often as possible: a save must never be seen half done.
      while (running) {
        let text: string | undefined;
        try {
          text = readFileSync(file, 'utf8');
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || round > 0) throw e;
        }
        if (text !== undefined) {
          reads++;
          let parsed: unknown;
          expect(() => (parsed = JSON.parse(text))).not.toThrow();
          expect(validData(parsed)).not.toBeNull();
        }
        await new Promise((r) => setImmediate(r));
      }
      for (const r of await ended) expect(r).toEqual({ code: 0, stderr: '' });
      // Every answer of both quizzes is kept: each save adds to the latest record, under a lock.
      const after = total();
      expect(after).toBe(before + 20);
      before = after;
      expect(readdirSync(join(state, 'zcopy'))).toEqual(['progress.json']);
    }
    expect(reads).toBeGreaterThan(0);
  }, 30_000);
});
