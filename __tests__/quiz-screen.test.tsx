import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { render } from 'ink-testing-library';
import { join } from 'node:path';
import { loadCatalog } from '../src/lessons/index.js';
import { makeQuiz, type Answered } from '../src/quiz/index.js';
import { QuizScreen, fitLines } from '../src/ui/quiz-screen.js';
import { ROOT } from './helpers/cli.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
const paint = new Chalk({ level: 0 });
const tick = () => new Promise((r) => setTimeout(r, 30));
const type = async (stdin: { write: (s: string) => void }, text: string) => {
  for (const ch of text) {
    stdin.write(ch);
    await tick();
  }
};

/** Two questions on sendfile: its CPU copies (1), then who moves the bytes at step 6 (the CPU, choice a). */
function questions() {
  const all = makeQuiz({ selected: [catalog.find('sendfile')!], catalog: catalog.lessons, kinds: ['counts', 'mover'], count: 100, seed: 1, lang: 'en' });
  return [all.find((q) => q.id === 'counts:sendfile:cpuCopies')!, all.find((q) => q.id === 'mover:sendfile:6')!];
}

describe('the quiz screen', () => {
  test('one question at a time, a verdict at once, the score at the end; every answer is handed over', async () => {
    const given: Answered[] = [];
    const { stdin, lastFrame, unmount } = render(
      <QuizScreen questions={questions()} lang="en" seed={42} paint={paint} onAnswer={(a) => given.push(a)} columns={80} rows={40} />,
    );
    await tick();
    expect(lastFrame()).toMatch(/Question 1\/2 · sendfile · counting/);
    expect(lastFrame()).not.toMatch(/Question 2\/2/);
    await type(stdin, '1\r');
    expect(lastFrame()).toMatch(/^Right\.$/m);
    expect(given.map((a) => a.verdict.right)).toEqual([true]);
    await type(stdin, '\r');
    expect(lastFrame()).toMatch(/Question 2\/2 · sendfile · who moves the bytes/);
    await type(stdin, 'b\r');
    const frame = lastFrame()!;
    expect(frame).toMatch(/Wrong: the answer is a\) the CPU\./);
    expect(frame).toMatch(/Thought the DMA does this one/);
    expect(frame).toMatch(/Revisit: zcopy learn sendfile, step 6/);
    expect(given.map((a) => a.verdict.right)).toEqual([true, false]);
    await type(stdin, '\r');
    expect(lastFrame()).toMatch(/^Score: 1\/2$/m);
    expect(lastFrame()).toMatch(/sendfile · who moves the bytes \(1 wrong\)/);
    unmount();
  });

  test('an answer that is not a choice gets a hint and is not judged; backspace edits', async () => {
    const given: Answered[] = [];
    const { stdin, lastFrame, unmount } = render(
      <QuizScreen questions={questions().reverse()} lang="en" seed={1} paint={paint} onAnswer={(a) => given.push(a)} columns={80} rows={40} />,
    );
    await tick();
    await type(stdin, 'x\r');
    expect(lastFrame()).toMatch(/Type a letter \(a-c\) or the choice\./);
    expect(given).toHaveLength(0);
    await type(stdin, '\u007fa\r');
    expect(lastFrame()).toMatch(/^Right\.$/m);
    expect(given).toHaveLength(1);
    unmount();
  });

  test('a frame is never taller than the screen minus one line', async () => {
    const { stdin, lastFrame, unmount } = render(
      <QuizScreen questions={questions().reverse()} lang="zh" seed={1} paint={paint} onAnswer={() => {}} columns={40} rows={12} />,
    );
    await tick();
    await type(stdin, 'b\r');
    expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(11);
    expect(lastFrame()).toMatch(/Enter：下一题/);
    unmount();
  });

  test('Ctrl-C quits at once, keeping the answers already given', async () => {
    const given: Answered[] = [];
    const { stdin, lastFrame, unmount } = render(
      <QuizScreen questions={questions()} lang="en" seed={1} paint={paint} onAnswer={(a) => given.push(a)} columns={80} rows={40} />,
    );
    await tick();
    await type(stdin, '1\r');
    await type(stdin, '\u0003');
    const frame = lastFrame();
    await type(stdin, '\r2\r');
    // After Ctrl-C nothing moves on and nothing more is recorded.
    expect(lastFrame()).toBe(frame);
    expect(given).toHaveLength(1);
    unmount();
  });

  test('fitLines keeps the first lines and the last', () => {
    expect(fitLines(['a', 'b', 'c', 'd', 'e'], 4)).toEqual(['a', 'b', '…', 'e']);
    expect(fitLines(['a', 'b'], 4)).toEqual(['a', 'b']);
  });
});

describe('keys that arrive together', () => {
  test('an answer and Enter in one read are both taken', async () => {
    const [cpuCopies] = questions();
    const given: Answered[] = [];
    const app = render(<QuizScreen questions={[cpuCopies]} lang="en" seed={1} paint={paint} onAnswer={(a) => given.push(a)} columns={80} rows={40} />);
    await tick();
    app.stdin.write(`${cpuCopies.answer}\r`);
    await tick();
    expect(given.map((a) => a.verdict.right)).toEqual([true]);
    app.unmount();
  });
});
