import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { render } from 'ink-testing-library';
import { join } from 'node:path';
import { loadCatalog } from '../src/lessons/index.js';
import { judgePrediction } from '../src/quiz/predict.js';
import { LearnScreen } from '../src/ui/learn/LearnScreen.js';
import type { Judge } from '../src/ui/learn/controller.js';
import { learnView } from '../src/ui/learn/view.js';
import { ROOT } from './helpers/cli.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
const plain = new Chalk({ level: 0 });
const KEY = { right: '\u001B[C', left: '\u001B[D', ctrlC: '\u0003', escape: '\u001B' };
const tick = () => new Promise((resolve) => setTimeout(resolve, 30));
/** Waits until `ready()` holds (effects run after a render, later on a loaded machine), at most two seconds. */
async function until(ready: () => boolean) {
  for (let waited = 0; !ready() && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
}
const judge = (lang: 'en' | 'zh'): Judge => (said, step) =>
  judgePrediction(said, { mover: step.mover, switches: step.switchesMode, event: step.event }, lang);

function open(id: string, { predict = false, lang = 'en' as 'en' | 'zh' } = {}) {
  const view = learnView(catalog.find(id)!, lang, null);
  const app = render(<LearnScreen view={view} paint={plain} predict={predict} judge={judge(lang)} />);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await tick();
    }
  };
  return { view, app, press, frame: () => app.lastFrame() ?? '' };
}

/** The counters line as numbers, read off the screen. */
function countersOn(frame: string) {
  const read = (label: string) => Number(new RegExp(`${label} (\\d+)`).exec(frame)?.[1]);
  return { cpuCopies: read('CPU copies'), dmaCopies: read('DMA copies'), modeSwitches: read('Mode switches'), syscalls: read('Syscalls') };
}

describe('zcopy learn, on screen', () => {
  test('starts before step 1 and steps forward, back, to the last and the first', async () => {
    const { press, frame, app, view } = open('sendfile');
    await tick();
    expect(frame()).toContain('start');
    await press(KEY.right);
    expect(frame()).toContain(`step 1/${view.steps.length}`);
    expect(frame()).toContain('system call sendfile()');
    await press('l', ' ', '\r');
    expect(frame()).toContain(`step 4/${view.steps.length}`);
    await press(KEY.left, 'h');
    expect(frame()).toContain(`step 2/${view.steps.length}`);
    await press('G');
    expect(frame()).toContain(`step ${view.steps.length}/${view.steps.length}`);
    expect(frame()).toContain('zcopy quiz --scenario sendfile');
    await press(KEY.right);
    expect(frame()).toContain(`step ${view.steps.length}/${view.steps.length}`);
    await press('g');
    expect(frame()).toContain('start');
    app.unmount();
  });

  test('the counters follow the engine at every step and end at the agreed sendfile figures', async () => {
    const { press, frame, app, view } = open('sendfile');
    await tick();
    for (const step of view.steps) {
      await press(KEY.right);
      expect(countersOn(frame())).toEqual({
        cpuCopies: step.state.counts.cpuCopies,
        dmaCopies: step.state.counts.dmaCopies,
        modeSwitches: step.state.counts.modeSwitches,
        syscalls: step.state.counts.syscalls,
      });
    }
    // MODEL.md: sendfile makes 1 CPU copy, 2 DMA copies, 2 mode switches, 1 system call.
    expect(countersOn(frame())).toEqual({ cpuCopies: 1, dmaCopies: 2, modeSwitches: 2, syscalls: 1 });
    app.unmount();
  });

  test('the step that copies shows its arrow, its mode and what changed', async () => {
    const { press, frame, app } = open('sendfile');
    await tick();
    await press(...Array(6).fill(KEY.right));
    expect(frame()).toMatch(/socket buffer\s+\[A\]\[B\]\[C\]\[D\]\s+◀══ CPU copy ══ page cache/);
    expect(frame()).toContain('CPU: KERNEL (ring 0) · copying');
    expect(frame()).toContain('CPU copies 1▲');
    app.unmount();
  });

  test('? shows the keys and the legend, and any key goes back', async () => {
    const { press, frame, app } = open('sendfile');
    await tick();
    await press('?');
    expect(frame()).toContain('Keys');
    expect(frame()).toContain('<A> a reference to them');
    expect(frame()).toContain('pin pinned for a device');
    await press('x');
    expect(frame()).toContain('USER SPACE');
    app.unmount();
  });

  test('predict mode asks before a step, then names the misconception of a wrong guess', async () => {
    const { press, frame, app } = open('sendfile', { predict: true });
    await tick();
    await press(KEY.right);
    expect(frame()).toContain('Predict step 1');
    expect(frame()).toContain('Who moves the bytes?');
    await press('n'); // nobody moves bytes on a system call: right
    expect(frame()).toContain('Does this step switch the CPU between user and kernel mode?');
    await press('n'); // but it does switch mode: wrong
    expect(frame()).toContain('step 1/');
    expect(frame()).toMatch(/✓ who moves the bytes: nobody\s+✗ mode switch: no/);
    expect(frame()).toContain('Forgot that a system call switches mode');

    // Step 2 programs the DMA, moving nothing; step 3 is the DMA copy: guess CPU.
    await press(KEY.right, 'n', 'n', KEY.right, 'c', 'n');
    expect(frame()).toContain('step 3/');
    expect(frame()).toContain('Counted the DMA copy as a CPU copy');
    app.unmount();
  });

  test('predict mode asks at the traps (interrupts, page faults) too, and its prompts never name the mode a step ends in', () => {
    for (const lesson of catalog.lessons) {
      for (const lang of ['en', 'zh'] as const) {
        const view = learnView(lesson, lang, null);
        view.steps.forEach((s, i) => {
          const at = `${lesson.id} step ${i + 1} (${s.event})`;
          if (['handleInterrupt', 'pageFault', 'faultReturn'].includes(s.event)) expect({ at, asked: s.predictable }).toEqual({ at, asked: true });
          for (const word of lang === 'en' ? ['user mode', 'kernel mode'] : ['用户态', '内核态']) {
            expect({ at, tease: s.tease, names: s.tease.includes(word) }).toEqual({ at, tease: s.tease, names: false });
          }
        });
      }
    }
    // sendfile's interrupt handler (step 5): it enters the kernel's handler, but is no mode switch.
    const step5 = learnView(catalog.find('sendfile')!, 'en', null).steps[4];
    expect([step5.predictable, step5.switchesMode]).toEqual([true, false]);
  });

  test('predict mode: a right answer is marked right, and p turns the mode off', async () => {
    const { press, frame, app } = open('sendfile', { predict: true });
    await tick();
    await press(KEY.right, 'n', 'y');
    expect(frame()).toMatch(/✓ who moves the bytes: nobody\s+✓ mode switch: yes/);
    await press('p', KEY.right);
    expect(frame()).toContain('step 2/');
    expect(frame()).not.toContain('Predict step');
    app.unmount();
  });

  test('Chinese labels, aligned', async () => {
    const { press, frame, app } = open('sendfile', { lang: 'zh' });
    await tick();
    await press(...Array(6).fill(KEY.right));
    expect(frame()).toContain('CPU 拷贝 1▲');
    expect(frame()).toContain('用户空间');
    expect(frame()).toMatch(/◀══ CPU 拷贝 ══ 页缓存/);
    app.unmount();
  });

  test('q, Esc and Ctrl-C quit', async () => {
    for (const key of ['q', KEY.escape, KEY.ctrlC]) {
      const view = learnView(catalog.find('sendfile')!, 'en', null);
      let quit = 0;
      const app = render(<LearnScreen view={view} paint={plain} predict={false} judge={judge('en')} onQuit={() => quit++} />);
      await tick();
      app.stdin.write(key);
      await tick();
      expect({ key, quit }).toEqual({ key, quit: 1 });
      app.unmount();
    }
  });
});

describe('every frame fits its screen', () => {
  test('at the smallest size, in both languages, every step, the help included', async () => {
    const { renderFrame, initialScreen, MIN_COLS, MIN_ROWS } = await import('../src/ui/learn/frame.js');
    const { displayWidth } = await import('../src/term/text.js');
    for (const lang of ['en', 'zh'] as const) {
      for (const lesson of catalog.lessons) {
        const view = learnView(lesson, lang, null);
        for (let position = 0; position <= view.steps.length; position++) {
          for (const help of [false, true]) {
            const lines = renderFrame(view, { ...initialScreen(false), position, help }, { cols: MIN_COLS, rows: MIN_ROWS }, plain);
            const where = `${lesson.id} ${lang} ${position}${help ? ' help' : ''}`;
            expect({ where, rows: lines.length <= MIN_ROWS - 1 }).toEqual({ where, rows: true });
            expect({ where, cols: Math.max(...lines.map(displayWidth)) <= MIN_COLS }).toEqual({ where, cols: true });
          }
        }
      }
    }
  });
});

describe('one session: home, picker, lesson', () => {
  test('q steps back a level, Enter goes in, and the picker returns to the lesson just left', async () => {
    const { Session } = await import('../src/ui/learn/run.js');
    const ids = catalog.lessons.map((l) => l.id);
    const finished: string[] = [];
    const ended: unknown[] = [];
    const app = render(
      <Session
        start={{ screen: 'home' }}
        paint={plain}
        home={{ title: 'HOME', footer: '', items: (['learn', 'predict', 'quiz', 'explain', 'compare', 'lab'] as const).map((value) => ({ value, label: value })) }}
        picker={{ title: 'PICK', footer: '', items: () => ids.map((id) => ({ value: id, label: id, mark: finished.includes(id) ? '✓' : ' ' })) }}
        view={(id) => learnView(catalog.find(id)!, 'en', null)}
        judge={judge('en')}
        onFinish={(id) => finished.push(id)}
        onEnd={(o) => ended.push(o)}
      />,
    );
    // One key per frame: a loaded machine renders late, and this test is about where keys lead.
    const press = async (k: string) => {
      const before = app.lastFrame();
      app.stdin.write(k);
      await tick();
      await until(() => app.lastFrame() !== before);
      // A new screen subscribes to keys in an effect after its first frame: let it.
      await tick();
    };
    await tick();
    expect(app.lastFrame()).toContain('HOME');
    await press('\r');
    expect(app.lastFrame()).toContain('PICK');
    await press('j');
    await press('j');
    await press('\r');
    expect(app.lastFrame()).toContain(`zcopy · ${ids[2]}`);
    await press('G');
    await until(() => finished.length > 0);
    expect(finished).toEqual([ids[2]]);
    await press('q');
    expect(app.lastFrame()).toMatch(new RegExp(`› ${ids[2]}\\s+✓`));
    await press('q');
    expect(app.lastFrame()).toContain('HOME');
    await press('j');
    await press('j');
    await press('\r'); // quiz leaves the screen for the command line
    expect(ended).toEqual([{ kind: 'quiz' }]);
    app.unmount();
  });
});
