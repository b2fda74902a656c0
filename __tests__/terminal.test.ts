import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, zcopy } from './helpers/cli.js';
import { tmuxServer } from './helpers/tmux.js';
import { levelBench, syscallNames } from '../src/app/workbench.js';
import type { BuildContext } from '../src/ui/builder/controller.js';
import { initialBuild } from '../src/ui/builder/state.js';
import { testContext } from './helpers/app.js';
import { buildByKeys } from './helpers/build.js';
import { stepWords } from '../src/ui/learn/frame.js';
import { learnView } from '../src/ui/learn/view.js';
import { loadLessonFile } from '../src/lessons/index.js';
import { holdMs } from '../src/ui/play.js';

// The built binary in a real terminal: tmux at 80x24, keys sent, the screen read back.
const SOCKET = `zcopy-test-${process.pid}`;
const SESSION = 'learn';
let state = '';

const term = tmuxServer(SOCKET, SESSION);
const { waitFor, keys, expectExitedCleanly } = term;
const tmux = term.run;

/** The last line is a bare prompt: the program has ended and the alternate screen is gone. */
const atPrompt = (s: string) => /^\$\s*$/.test(s.split('\n').at(-1) ?? '');


beforeEach(() => {
  // A plain shell, so prompts and rc files cannot get in the way. ink draws only a
  // final frame when CI is set, so the program runs without it, as a learner's would.
  state = mkdtempSync(join(tmpdir(), 'zcopy-state-'));
  tmux('-u', 'new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', '-c', ROOT, 'env', '-u', 'CI', 'PS1=$ ', 'LANG=C.UTF-8', 'TERM=xterm-256color', `XDG_STATE_HOME=${state}`, 'bash', '--norc', '--noprofile');
});

afterEach(() => term.kill());

describe('zcopy learn in a real 80x24 terminal', () => {
  test('steps to the end of sendfile, back one, and quits leaving the terminal sane', async () => {
    keys(`node bin/zcopy.js learn sendfile`, 'Enter');
    await waitFor((s) => s.includes('start') && s.includes('USER SPACE'), 'the first frame');

    keys('G');
    const last = await waitFor((s) => /step (\d+)\/\1/.test(s), 'the last step');
    // docs/MODEL.md: sendfile makes 1 CPU copy, 2 DMA copies, 2 mode switches.
    expect(last).toMatch(/CPU copies 1\b/);
    expect(last).toMatch(/DMA copies 2\b/);
    expect(last).toMatch(/Mode switches 2\b/);
    const lines = last.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);

    const total = Number(/step (\d+)\/\1/.exec(last)![1]);
    keys('Left');
    await waitFor((s) => s.includes(`step ${total - 1}/${total}`), 'one step back');

    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
    await expectExitedCleanly();
    // Jumping to the end is not finishing: the steps skipped were never seen. Where it was left is kept.
    const progress = JSON.parse(readFileSync(join(state, 'zcopy', 'progress.json'), 'utf8'));
    expect(progress.lessons.sendfile).toMatchObject({ finished: 0, lastStep: total - 1, seen: [total - 1, total] });
  }, 30_000);

  test('--step opens a lesson at that step; zcopy learn then offers to resume it, and n opens the next lesson', async () => {
    keys('node bin/zcopy.js learn sendfile --step 5', 'Enter');
    const opened = await waitFor((s) => /step 5\/\d+/.test(s), 'step 5');
    const total = Number(/step 5\/(\d+)/.exec(opened)![1]);
    keys('3', 'g');
    await waitFor((s) => s.includes(`step 3/${total}`), '3g');
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
    keys('clear; node bin/zcopy.js learn', 'Enter');
    // The picker's cursor is on the lesson left part-way, which says where it reopens.
    await waitFor((s) => new RegExp(`› sendfile .*resume at 3/${total}`).test(s), 'the resume offer');
    keys('Enter');
    await waitFor((s) => s.includes(`step 3/${total}`), 'the lesson resumed at step 3');
    keys('G');
    await waitFor((s) => s.includes('n next lesson') && s.includes('Against read() + write() (traditional): -1 CPU copy'), 'the end with its saving');
    keys('n');
    await waitFor((s) => s.includes('zcopy · sendfile-sg') && s.includes('start'), 'the next lesson');
    keys('C-c');
    await waitFor(atPrompt, 'the shell prompt');
    await expectExitedCleanly();
  }, 30_000);

  test('reopened by name or by n, a lesson keeps what was seen and resumes where it was left (issue 21)', async () => {
    keys('node bin/zcopy.js learn sendfile', 'Enter');
    await waitFor((s) => s.includes('USER SPACE') && s.includes('start'), 'the first frame');
    keys('l', 'l', 'l', 'l', 'l');
    const five = await waitFor((s) => /step 5\/\d+/.test(s), 'step 5');
    const total = Number(/step 5\/(\d+)/.exec(five)![1]);
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
    keys('clear; node bin/zcopy.js learn sendfile', 'Enter');
    await waitFor((s) => s.includes(`step 5/${total}`) && s.includes('Resumed at step 5'), 'the lesson reopened at step 5');
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
    keys('clear; node bin/zcopy.js learn', 'Enter');
    await waitFor((s) => new RegExp(`› sendfile .*resume at 5/${total}`).test(s), 'the resume offer kept');
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
    const progress = JSON.parse(readFileSync(join(state, 'zcopy', 'progress.json'), 'utf8'));
    expect(progress.lessons.sendfile).toMatchObject({ lastStep: 5, seen: [1, 2, 3, 4, 5] });
    // By n: the next lesson, left at step 2 before, opens there.
    keys('clear; node bin/zcopy.js learn sendfile-sg', 'Enter');
    await waitFor((s) => s.includes('zcopy · sendfile-sg'), 'sendfile-sg');
    keys('l', 'l');
    await waitFor((s) => /step 2\/\d+/.test(s), 'its step 2');
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
    keys('clear; node bin/zcopy.js learn sendfile', 'Enter');
    await waitFor((s) => s.includes(`step 5/${total}`), 'sendfile at step 5');
    keys('G');
    await waitFor((s) => s.includes('n next lesson'), 'the end');
    keys('n');
    await waitFor((s) => s.includes('zcopy · sendfile-sg') && /step 2\/\d+/.test(s) && s.includes('Resumed at step 2'), 'the next lesson, resumed');
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
    await expectExitedCleanly();
  }, 45_000);

  test('colour carries meaning in a terminal, and NO_COLOR turns it off', async () => {
    const screenWithEscapes = () => tmux('capture-pane', '-e', '-p', '-t', SESSION);
    const colour = /\u001b\[[0-9;]*(3[0-7]|9[0-7]|38;5;\d+)m/;
    keys('node bin/zcopy.js learn sendfile', 'Enter');
    await waitFor((s) => s.includes('USER SPACE'), 'the first frame');
    // The lesson reopens where it was last left: Home makes this run's step 3 the DMA copy.
    keys('Home', 'Right', 'Right', 'Right');
    await waitFor((s) => s.includes('step 3/'), 'the DMA copy');
    expect(screenWithEscapes()).toMatch(colour);
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');

    keys('clear; NO_COLOR=1 node bin/zcopy.js learn sendfile', 'Enter');
    await waitFor((s) => s.includes('USER SPACE'), 'the first frame without colour');
    keys('Home', 'Right', 'Right', 'Right');
    const plain = await waitFor((s) => s.includes('step 3/'), 'the DMA copy without colour');
    expect(screenWithEscapes()).not.toMatch(colour);
    // The meaning stays in words: the arrow is labelled.
    expect(plain).toContain('◀══ DMA copy ══ disk');
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
  }, 30_000);

  test('Ctrl-C quits cleanly too', async () => {
    keys(`node bin/zcopy.js learn mmap --lang zh`, 'Enter');
    await waitFor((s) => s.includes('用户空间'), 'the first frame in Chinese');
    keys('Right', 'Right');
    await waitFor((s) => s.includes('第 2/'), 'step 2');
    keys('C-c');
    await waitFor(atPrompt, 'the shell prompt');
    await expectExitedCleanly();
  }, 30_000);

  test('--play --speed 4 steps by itself, no key pressed, the footer saying so; Space stops it where it is (issue 22)', async () => {
    // The README's own lesson: its short steps are held the shortest time, so the test waits seconds, not tens of them.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const file = join(state, 'my-read.yaml');
    writeFileSync(file, /```yaml\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Write your own lesson')))![1]);
    keys(`node bin/zcopy.js learn --file ${file} --play --speed 4`, 'Enter');
    await waitFor((s) => s.includes('USER SPACE') && s.includes('▶ playing 4×'), 'the first frame, playing');
    await waitFor((s) => /step 1\/\d+/.test(s), 'step 1, by itself');
    await waitFor((s) => /step 2\/\d+/.test(s), 'step 2, by itself');
    keys('Space');
    const paused = await waitFor((s) => s.includes('‖ paused 4×'), 'paused');
    const at = Number(/step (\d+)\//.exec(paused)![1]);
    const lines = paused.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    // Longer than that step is held at 4×: playing, it would have moved on by now.
    const view = learnView(loadLessonFile(file), 'en');
    await new Promise((r) => setTimeout(r, holdMs(stepWords(view, at), 4) + 1000));
    expect(term.screen()).toMatch(new RegExp(`step ${at}/\\d+`));
    expect(term.screen()).toContain('‖ paused 4×');
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
    await expectExitedCleanly();
  }, 40_000);
});

describe('long output in a real terminal is paged, as git pages it (issue 21)', () => {
  // The learner's own pager settings are left out: the test is of the default, less -FRX.
  const run = 'env -u PAGER -u ZCOPY_PAGER -u LESS node bin/zcopy.js explain sendfile';
  const title = /^sendfile · sendfile\(\)/m;
  const lastLine = /count follows the rule\./;

  test('explain sendfile at 80x24 opens less on its first page; q returns to the shell with the page left on the screen', async () => {
    keys(run, 'Enter');
    const page = await waitFor((s) => /^:\s*$/.test(s.split('\n').at(-1) ?? ''), "less's prompt");
    expect(page).toMatch(title);
    expect(page).not.toMatch(lastLine);
    keys('q');
    const after = await waitFor(atPrompt, 'the shell prompt');
    // -X: what was read stays on the screen, as after git log.
    expect(after).toMatch(title);
    await expectExitedCleanly();
  }, 30_000);

  test('--no-pager prints it all directly, to the last line', async () => {
    keys(`${run} --no-pager`, 'Enter');
    const after = await waitFor((s) => atPrompt(s) && lastLine.test(s), 'the last line and the prompt');
    expect(after).not.toMatch(/^:\s*$/m);
    await expectExitedCleanly();
  }, 30_000);
});

describe('one app from the home menu, in a real terminal', () => {
  test('zcopy: the quiz (all lessons), an answer, q q to home, compare, q, Ctrl-C; the terminal is restored', async () => {
    keys('node bin/zcopy.js', 'Enter');
    await waitFor((s) => s.includes('› learn'), 'the home menu');
    keys('j', 'j', 'Enter');
    // The quiz item asks what to ask (issue 21): all lessons is the first choice.
    await waitFor((s) => s.includes('› all lessons'), 'the quiz chooser');
    keys('Enter');
    await waitFor((s) => s.includes('Question 1/10'), 'the first question');
    // The seed is random: a letter answers a choice, a number a count.
    keys('a', 'Enter');
    const verdict = /^(Right|Wrong)/m;
    if (!verdict.test(await waitFor((s) => verdict.test(s) || s.includes('Type a number'), 'a verdict or a hint'))) keys('1', 'Enter');
    await waitFor((s) => verdict.test(s), 'the verdict');
    keys('q');
    await waitFor((s) => s.includes('› all lessons'), 'the chooser again, on all lessons');
    keys('q');
    await waitFor((s) => s.includes('› quiz'), 'home again, on the quiz');
    keys('j', 'j', 'j', 'j', 'Enter');
    const compare = await waitFor((s) => /^Scenario\s+CPU\s+DMA/m.test(s) && /lines 1-\d+ of \d+/.test(s), 'the comparison');
    for (const line of compare.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    keys('q');
    await waitFor((s) => s.includes('› compare'), 'home again, on compare');
    keys('C-c');
    await waitFor(atPrompt, 'the shell prompt');
    await expectExitedCleanly();
    // The answer was saved as `zcopy quiz` saves it.
    const progress = JSON.parse(readFileSync(join(state, 'zcopy', 'progress.json'), 'utf8'));
    const topics = Object.values(progress.quiz as Record<string, Record<string, { right: number; wrong: number }>>).flatMap((k) => Object.values(k));
    expect(topics.reduce((n, t) => n + t.right + t.wrong, 0)).toBe(1);
  }, 30_000);
});

// A slow link or a held key delivers several keys in one read; each must count, in order.
describe('keys in one read, in a real terminal', () => {
  test('lll in a lesson moves three steps; jjj Enter in the picker opens the third lesson below the one left; qq leaves', async () => {
    keys('node bin/zcopy.js learn sendfile', 'Enter');
    await waitFor((s) => s.includes('start') && s.includes('USER SPACE'), 'the first frame');
    keys('-l', 'lll');
    await waitFor((s) => s.includes('step 3/'), 'step 3 after lll');
    keys('-l', 'q');
    await waitFor(atPrompt, 'the shell prompt');

    keys('clear; node bin/zcopy.js learn', 'Enter');
    // The cursor starts on the lesson left part-way.
    await waitFor((s) => s.includes('choose a scenario') && /› sendfile /.test(s), 'the picker');
    keys('-l', 'jjj\r');
    await waitFor((s) => s.includes('zcopy · msg-zerocopy'), 'the third lesson below sendfile');
    keys('-l', 'qq');
    await waitFor(atPrompt, 'the shell prompt after qq');
    await expectExitedCleanly();
  }, 30_000);

  test('the picker: /sendf Enter in one read opens sendfile; a typed id picks its lesson though another is kept before it (issue 21)', async () => {
    keys('node bin/zcopy.js learn', 'Enter');
    await waitFor((s) => s.includes('choose a scenario') && s.includes('/ filter'), 'the picker, offering its filter');
    keys('-l', '/sendf\r');
    await waitFor((s) => /zcopy · sendfile · /.test(s) && s.includes('USER SPACE'), 'sendfile, opened');
    keys('-l', 'q');
    await waitFor((s) => s.includes('choose a scenario') && /› sendfile /.test(s), 'the picker, on sendfile');
    keys('-l', '/traditional');
    const typed = await waitFor((s) => s.includes(' / traditional█'), 'the filter as typed');
    // Both are kept, traditional-nodma first; the one named whole is under the cursor.
    expect(typed).toMatch(/^ {2}traditional-nodma {2}/m);
    expect(typed).toMatch(/^› traditional {2}/m);
    keys('-l', '\r');
    await waitFor((s) => /zcopy · traditional · /.test(s), 'traditional, opened');
    keys('-l', 'qq');
    await waitFor(atPrompt, 'the shell prompt after qq');
    await expectExitedCleanly();
  }, 30_000);

  test('the quiz: a rejected answer is cleared, so x Enter c leaves c typed', async () => {
    keys('node bin/zcopy.js quiz --scenario sendfile --kind mover --count 1 --seed 1', 'Enter');
    await waitFor((s) => s.includes('Question 1/1'), 'the question');
    keys('-l', 'x\rc');
    await waitFor((s) => /^> c\s*$/m.test(s) && s.includes('Type a letter'), 'the hint, and c typed');
    keys('-l', 'q');
    await waitFor(atPrompt, 'the shell prompt');
  }, 30_000);
});

describe('from a quiz answer to its step and back, in a real terminal (issue 21)', () => {
  test('zcopy quiz: s opens the step cited, z at its end a quiz on the lesson; q q comes back, and only the first quiz is scored', async () => {
    const args = ['quiz', '--scenario', 'sendfile', '--kind', 'mover', '--count', '1', '--seed', '1'];
    const [{ answer }] = JSON.parse(zcopy([...args, '--reveal', '--json']).stdout) as { answer: string }[];
    keys(`clear; node bin/zcopy.js ${args.join(' ')}`, 'Enter');
    const question = await waitFor((s) => s.includes('Question 1/1') && /sendfile, step (\d+)/.test(s), 'the question');
    const step = Number(/sendfile, step (\d+)/.exec(question)![1]);
    // A wrong answer: a letter that is not the answer's.
    keys('-l', `${answer === 'a' ? 'b' : 'a'}\r`);
    await waitFor((s) => /^Wrong/m.test(s), 'the verdict');
    keys('s');
    await waitFor((s) => s.includes(`step ${step}/`) && s.includes('zcopy · sendfile'), 'the lesson at the step cited');
    keys('G', 'z');
    // The new quiz has several questions (the first had one); its heading names sendfile, or, where
    // that would give the answer away ("which technique is it"), the job (quiz-links.test checks the aim).
    await waitFor((s) => Number(/Question 1\/(\d+) · /.exec(s)?.[1] ?? 0) > 1, 'a quiz on sendfile');
    // Answered there too (1 is a number, or the first choice): saved, but no part of this quiz's score.
    keys('-l', '1\r');
    await waitFor((s) => /^(Right|Wrong)/m.test(s), 'the verdict of the quiz on sendfile');
    keys('q');
    await waitFor((s) => s.includes('z quiz me on this'), 'back at the end of the lesson');
    keys('q');
    await waitFor((s) => /^Wrong/m.test(s) && s.includes('Question 1/1'), 'back at the verdict');
    keys('Enter', 'q');
    await waitFor(atPrompt, 'the shell prompt');
    expect(term.screen()).toMatch(/^Score: 0\/1$/m);
  }, 30_000);
});

describe('a challenge in a real terminal', () => {
  test('dma-read solved by keys: a hint, a wrong step undone, the path built, solved at par and saved', async () => {
    const { ctx } = testContext('en');
    const levels = ctx.levels();
    const level = levels.find('dma-read')!;
    const c: BuildContext = { bench: levelBench(level, levels, syscallNames(), 'en'), lang: 'en', size: { cols: 80, rows: 24 }, behind: false };
    keys('node bin/zcopy.js challenge dma-read', 'Enter');
    await waitFor((s) => s.includes('zcopy · challenge · dma-read') && s.includes('Goal:'), 'the level');
    keys('h');
    await waitFor((s) => s.includes(`Hint 1/${level.hints.length}`), 'the first hint');
    expect(term.screen()).not.toContain('Hint 2/');
    // A step that is legal but wrong (read() then return at once), undone with u.
    keys('Enter', 'Enter', 'Enter');
    await waitFor((s) => s.includes('step 1') && s.includes('system call read()'), 'the first step');
    keys('u');
    await waitFor((s) => s.includes('Undid step 1.') && / start\s*$/m.test(s.split('\n')[0]), 'undone');
    // The reference solution, key by key as a learner types them, one tmux send per key.
    const { keys: path } = buildByKeys(initialBuild(c.bench), level.solution, c);
    const NAMES: Partial<Record<string, string>> = { enter: 'Enter', left: 'Left', right: 'Right' };
    for (const k of path) keys(NAMES[k] ?? k);
    const solved = await waitFor((s) => s.includes('Solved!'), 'the verdict');
    expect(solved).toContain(`Mode switches ${level.par.modeSwitches} (par ${level.par.modeSwitches})`);
    expect(solved).toContain(`zcopy learn ${level.teaches}`);
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
    await expectExitedCleanly();
    const saved = JSON.parse(readFileSync(join(state, 'zcopy', 'progress.json'), 'utf8'));
    expect(saved.challenges['dma-read']).toMatchObject({ solved: 1, best: level.par });
  }, 60_000);
});

describe('two lessons in lockstep, in a real terminal', () => {
  test('learn traditional --vs sendfile at 80x24: both counters and steps, l in a burst moves both, G to the end, q leaves', async () => {
    keys('node bin/zcopy.js learn traditional --vs sendfile', 'Enter');
    // Each side's heading is the screen's title: its lesson and its own step.
    await waitFor((s) => /^ traditional · start\s+│ sendfile · start$/m.test(s), 'both lessons at the start');
    keys('-l', 'lll');
    const third = await waitFor((s) => /step 3\/15/.test(s), 'step 3 after lll');
    // Both machines, side by side.
    expect(third.split('┌')).toHaveLength(3);
    expect(third).toMatch(/traditional · step 3\/15\s+│ sendfile · step 3\/11/);
    for (const line of third.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    keys('G');
    const end = await waitFor((s) => /step 15\/15/.test(s), 'the last step');
    // docs/MODEL.md: read + write 2 CPU copies, 4 mode switches, 2 calls; sendfile 1, 2, 1.
    expect(end.replace(/\s+/g, ' ')).toContain('+1 CPU copy, +2 mode switches, +1 system call');
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
    await expectExitedCleanly();
  }, 30_000);

  test('learn traditional --vs sendfile-sg --nic nosg: both sides in the variant, the one the screen says', async () => {
    keys('node bin/zcopy.js learn traditional --vs sendfile-sg --nic nosg', 'Enter');
    await waitFor((s) => s.includes('What if: --nic nosg, on both sides'), 'the variant named under the title');
    keys('G');
    const end = await waitFor((s) => /step 15\/15/.test(s), 'the last step');
    // docs/MODEL.md: without gather sendfile-sg becomes sendfile, one CPU copy to read() + write()'s two.
    expect(end).toMatch(/^ CPU 2 DMA 2 Switches 4\S* Calls 2\s+│ CPU 1 DMA 2 Switches 2\S* Calls 1$/m);
    keys('q');
    await waitFor(atPrompt, 'the shell prompt');
    await expectExitedCleanly();
  }, 30_000);
});
