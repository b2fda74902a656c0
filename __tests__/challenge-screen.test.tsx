import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PALETTE_ORDER } from '../src/i18n/build.js';
import { levelBench, levelItems, sandboxBench, syscallNames } from '../src/app/workbench.js';
import { loadLessonFile } from '../src/lessons/index.js';
import { buildKey, type BuildContext, type BuildEffect } from '../src/ui/builder/controller.js';
import { placesNamed, renderBuild } from '../src/ui/builder/frame.js';
import { initialBuild, type BuildState } from '../src/ui/builder/state.js';
import { displayWidth } from '../src/term/text.js';
import type { Keypress } from '../src/ui/keypress.js';
import { buildByKeys, keysFor } from './helpers/build.js';
import { driveApp, openApp, testContext } from './helpers/app.js';
import { KEY } from './helpers/screen.js';

const { ctx } = testContext('en');
const levels = ctx.levels();
const names = syscallNames();
const plain = new Chalk({ level: 0 });
const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 72, rows: 20 },
];

const contextOf = (id: string, lang: 'en' | 'zh' = 'en', size = SIZES[0]): BuildContext => ({ bench: levelBench(levels.find(id)!, levels, names, lang), lang, size, behind: true });
const press = (b: BuildState, keys: Keypress[], ctx: BuildContext) => keys.reduce((s, k) => buildKey(s, k, ctx).state, b);
const frame = (b: BuildState, c: BuildContext) => renderBuild(b, c.bench, c.behind, c.size, plain, c.lang).join('\n');

describe('a challenge is solved by keys', () => {
  test.each(levels.levels.map((l) => l.id))('%s: its reference solution, built with the palette, solves it once, at par', (id) => {
    const c = contextOf(id);
    const level = levels.find(id)!;
    const { state, effects } = buildByKeys(initialBuild(c.bench), level.solution, c);
    expect(state.judged?.solved).toBe(true);
    expect(effects.filter((e) => e.kind === 'solved')).toEqual([{ kind: 'solved', id, score: level.par, again: false }]);
    expect(frame(state, c)).toContain('Solved!');
  });

  test('undo takes a step back and redo puts it again; a new step drops what could be redone', () => {
    const c = contextOf('dma-read');
    const solution = levels.find('dma-read')!.solution;
    const { state: built } = buildByKeys(initialBuild(c.bench), solution.slice(0, 3), c);
    const undone = press(built, ['u', 'u'], c);
    expect(undone.steps).toEqual(built.steps.slice(0, 1));
    expect(frame(undone, c)).toContain('Undid step 2.');
    const redone = press(undone, ['r'], c);
    expect(redone.steps).toEqual(built.steps.slice(0, 2));
    expect(redone.timeline).toEqual(built.timeline.slice(0, 3));
    const branched = press(redone, keysFor(redone, solution[2], c), c);
    // Solved, undone and redone: the same score again is not another solve.
    const { state: solvedOnce } = buildByKeys(initialBuild(c.bench), solution, c);
    expect(buildKey(press(solvedOnce, ['u'], c), 'r', c).effects ?? []).toEqual([]);
    expect(branched.redo).toEqual([]);
    expect(press(initialBuild(c.bench), ['u'], c).note?.text).toBe('Nothing to undo.');
  });

  test('the palette\'s cursor shows without colour (NO_COLOR, a pipe)', () => {
    const c = contextOf('dma-read');
    const open = press(initialBuild(c.bench), ['enter'], c);
    const before = frame(open, c);
    expect(before).toContain(`›${PALETTE_ORDER[open.palette!.cursor]}‹`);
    expect(frame(press(open, ['l'], c), c)).toContain(`›${PALETTE_ORDER[open.palette!.cursor + 1]}‹`);
  });

  test('a step redone in a later phase moves new steps to that phase, so a path keeps its phases in order', () => {
    const bench = sandboxBench(ctx, null, 0, null, names);
    const c: BuildContext = { bench, lang: 'en', size: SIZES[0], behind: true };
    // One step per chunk (a read() call), then t to teardown and its return; undo it, t back to per chunk, redo.
    const built = press(initialBuild(bench), ['enter', 'enter', 'enter', 't', 'enter', 'enter'], c);
    expect(built.steps.map((s) => [s.event.type, s.phase])).toEqual([['syscall', 'transfer'], ['sysret', 'teardown']]);
    const back = press(built, ['u', 't'], c);
    expect(back.phase).toBe('transfer');
    expect(press(back, ['r'], c).phase).toBe('teardown');
  });

  test('hints come one at a time, then no more', () => {
    const c = contextOf('one-copy');
    const hints = levels.find('one-copy')!.hints;
    const one = press(initialBuild(c.bench), ['h'], c);
    expect(frame(one, c)).toContain(`Hint 1/${hints.length}`);
    expect(frame(one, c)).not.toContain(`Hint 2/${hints.length}`);
    const all = press(one, Array(hints.length).fill('h'), c);
    expect(all.hints).toBe(hints.length);
    expect(all.note?.text).toBe('No more hints.');
  });

  test('a banned event is refused by name, and an illegal one with the machine\'s reason, in the learner\'s language', () => {
    const c = contextOf('cow-one-page');
    const open = press(initialBuild(c.bench), ['enter'], c);
    const cpuCopy = PALETTE_ORDER.indexOf('cpuCopy');
    const toCopy = press(open, Array((cpuCopy - open.palette!.cursor + PALETTE_ORDER.length) % PALETTE_ORDER.length).fill('l'), c);
    expect(toCopy.palette!.cursor).toBe(cpuCopy);
    expect(press(toCopy, ['enter'], c).note?.text).toBe('cpuCopy is banned in this level');
    const zh = contextOf('cow-one-page', 'zh');
    // At the start nothing is open: returning from a system call is refused (docs/MODEL.md: sysret ends an open call).
    const sysret = press(initialBuild(zh.bench), ['enter'], zh);
    const atSysret = { ...sysret, palette: { ...sysret.palette!, cursor: PALETTE_ORDER.indexOf('sysret') } };
    expect(press(atSysret, ['enter'], zh).note?.text).toMatch(/^被拒绝：/);
  });

  test('choosing a system call shows what it does, under the cursor, in the learner\'s language', () => {
    for (const [lang, head, gloss] of [
      ['en', ' Add a step: ', 'file -> your buffer (via the page cache, or O_DIRECT)'],
      ['zh', ' 添加一步：', '文件 -> 你的缓冲区（经页缓存，或 O_DIRECT）'],
    ] as const) {
      const c = contextOf('dma-read', lang);
      // The first kind offered at the start is a system call; its name is the field to choose, read() first.
      const choosing = press(press(initialBuild(c.bench), ['enter'], c), ['enter'], c);
      const shown = frame(choosing, c);
      expect({ lang, head: shown.includes(head), gloss: shown.includes(gloss) }).toEqual({ lang, head: true, gloss: true });
    }
  });

  test('every frame fits 80x24 and 72x20 in both languages, palette open or not', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const size of SIZES) {
        const c = contextOf('cow-one-page', lang, size);
        let s = initialBuild(c.bench);
        for (const target of levels.find('cow-one-page')!.solution) {
          for (const k of keysFor(s, target, c)) {
            s = buildKey(s, k, c).state;
            const lines = renderBuild(s, c.bench, true, size, plain, lang);
            expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
            for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(size.cols);
          }
        }
        const help = renderBuild(press(s, ['?'], c), c.bench, true, size, plain, lang);
        expect(help.length).toBeLessThanOrEqual(size.rows - 1);
        // Why the palette's cursor is not on its first kind (issue 21): typed from habit, lll lands where the help says.
        expect(help.join('\n')).toContain(lang === 'en' ? 'it opens on the first kind the machine accepts now' : '打开时光标停在机器此刻接受的第一类事件上');
      }
    }
  });
});

describe('the sandbox', () => {
  test('w writes the path as a lesson validate accepts, never over a file that was there, then to the same file again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zcopy-sandbox-'));
    const out = join(dir, 'draft.yaml');
    writeFileSync(out, 'kept');
    const dmaIo = ctx.lookup('dma-io');
    const bench = sandboxBench(ctx, dmaIo, dmaIo.steps.length, out, names);
    const c: BuildContext = { bench, lang: 'en', size: SIZES[0], behind: true };
    const written = press(initialBuild(bench), ['w'], c);
    expect(readFileSync(out, 'utf8')).toBe('kept');
    const second = join(dir, 'draft-2.yaml');
    expect(written.note?.text).toContain('draft-2.yaml');
    const lesson = loadLessonFile(second);
    expect(lesson.steps.map((s) => s.event)).toEqual(dmaIo.steps.map((s) => s.event));
    // Undo the last step, read()'s return, and write again: a lesson ending inside read() is refused, and the file keeps the last path written.
    const open = press(written, ['u', 'w'], c);
    expect(open.note?.text).toMatch(/ends inside read\(\)/);
    expect(loadLessonFile(second).steps).toHaveLength(dmaIo.steps.length);
    expect(existsSync(join(dir, 'draft-3.yaml'))).toBe(false);
  });

  test('w never writes over the draft once it was edited meanwhile: the edit is kept and the path goes to a new file', () => {
    // A lesson whose last two steps run in user mode: undoing them leaves every call returned.
    const lesson = ctx.lookup('cow');
    for (const lang of ['en', 'zh'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'zcopy-sandbox-'));
      const out = join(dir, 'draft.yaml');
      const bench = sandboxBench(testContext(lang).ctx, lesson, lesson.steps.length, out, names);
      const c: BuildContext = { bench, lang, size: SIZES[0], behind: true };
      const first = press(initialBuild(bench), ['w'], c);
      const draft = out;
      expect(first.note?.text).toContain(draft);
      // Another terminal edits the draft.
      const edit = readFileSync(draft, 'utf8').replace('A path built in the sandbox', 'My own title');
      writeFileSync(draft, edit);
      const second = press(first, ['u', 'w'], c);
      expect(readFileSync(draft, 'utf8')).toBe(edit);
      const beside = join(dir, 'draft-2.yaml');
      expect(loadLessonFile(beside).steps).toHaveLength(lesson.steps.length - 1);
      // Outside the working directory, the screen gives whole paths.
      const [name, besideName] = [draft, beside];
      expect(second.note).toEqual({
        tone: 'good',
        text:
          lang === 'en'
            ? `${name} was changed since it was written, so it is left as it is. Wrote ${besideName}: zcopy validate ${besideName}`
            : `${name} 在写入后被改过，保持原样。已写入 ${besideName}：zcopy validate ${besideName}`,
      });
      // The new draft is the one written from now on; one removed meanwhile is written again where it was.
      press(second, ['u', 'w'], c);
      expect(loadLessonFile(beside).steps).toHaveLength(lesson.steps.length - 2);
      rmSync(beside);
      expect(press(second, ['w'], c).note?.text).toContain(`${lang === 'en' ? 'Wrote' : '已写入'} ${besideName}`);
      expect(readFileSync(draft, 'utf8')).toBe(edit);
    }
  });

  test('w writes to the same file again once the path changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zcopy-sandbox-'));
    const out = join(dir, 'draft.yaml');
    // A lesson whose last step runs in user mode: undoing it leaves every call returned.
    const from = ctx.lessons().lessons.find((l) => l.steps.at(-1)!.event.type === 'run' && l.steps.at(-2)!.event.type === 'sysret')!;
    const c: BuildContext = { bench: sandboxBench(ctx, from, from.steps.length, out, names), lang: 'en', size: SIZES[0], behind: true };
    const written = press(initialBuild(c.bench), ['w'], c);
    expect(loadLessonFile(out).steps).toHaveLength(from.steps.length);
    press(written, ['u', 'w'], c);
    expect(loadLessonFile(out).steps).toHaveLength(from.steps.length - 1);
    expect(existsSync(join(dir, 'draft-2.yaml'))).toBe(false);
  });

  test('a path validate would refuse is not written, and says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zcopy-sandbox-'));
    const bench = sandboxBench(ctx, null, 0, join(dir, 'x.yaml'), names);
    const c: BuildContext = { bench, lang: 'en', size: SIZES[0], behind: true };
    expect(press(initialBuild(bench), ['w'], c).note?.text).toBe('There is no step to write yet.');
    // Every step set-up: a lesson needs a step repeated for every chunk (lessons/FORMAT.md).
    const setUp = press(initialBuild(bench), ['t', 't', 'enter', 'enter', 'enter'], c);
    expect(setUp.steps.map((s) => s.phase)).toEqual(['setup']);
    const refused = press(setUp, ['w'], c);
    expect(refused.note).toEqual({ tone: 'bad', text: expect.stringContaining('needs at least one transfer step') });
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });
});

describe('a path with steps is never dropped without asking', () => {
  const sandboxContext = (lang: 'en' | 'zh', behind = true, from: string | null = null, size = SIZES[0]): BuildContext => {
    const dir = mkdtempSync(join(tmpdir(), 'zcopy-sandbox-'));
    const lesson = from ? ctx.lookup(from) : null;
    return { bench: sandboxBench(testContext(lang).ctx, lesson, lesson ? 6 : 0, join(dir, 'draft.yaml'), names), lang, size, behind };
  };
  const effectsOf = (b: BuildState, keys: Keypress[], c: BuildContext) => {
    let s = b;
    const effects: BuildEffect[] = [];
    for (const k of keys) {
      const r = buildKey(s, k, c);
      s = r.state;
      effects.push(...(r.effects ?? []));
    }
    return { state: s, effects };
  };
  // The first kind the palette offers, the first system call, its fields filled in: read() of the whole file.
  const oneStep = (c: BuildContext) => press(initialBuild(c.bench), ['enter', 'enter', 'enter'], c);

  test('q in the sandbox asks first; n (or any other key) keeps the path, y leaves; the footer and help say so', () => {
    for (const lang of ['en', 'zh'] as const) {
      const c = sandboxContext(lang);
      const built = oneStep(c);
      expect(built.steps).toHaveLength(1);
      const asked = effectsOf(built, ['q'], c);
      expect(asked.effects).toEqual([]);
      const shown = frame(asked.state, c).split('\n');
      expect(shown).toContainEqual(lang === 'en' ? ' Leave and discard this path of 1 step?' : ' 离开并放弃这条 1 步的路径？');
      expect(shown.at(-1)).toBe(lang === 'en' ? ' y discard   n keep' : ' y 放弃   n 保留');
      for (const no of ['n', 'esc', 'q', 'l'] as Keypress[]) {
        const kept = effectsOf(asked.state, [no], c);
        expect({ no, effects: kept.effects, steps: kept.state.steps.length, asking: frame(kept.state, c).includes(lang === 'en' ? 'discard' : '放弃') }).toEqual({ no, effects: [], steps: 1, asking: false });
      }
      expect(effectsOf(asked.state, ['y'], c).effects).toEqual([{ kind: 'leave', all: false }]);
      // Three Esc from inside the palette: back a field, close it, then the question.
      const escaped = effectsOf(built, ['enter', 'enter', 'esc', 'esc', 'esc'], c);
      expect(escaped.effects).toEqual([]);
      expect(escaped.state.confirm).toBe(true);
      // The help lists the question's keys.
      const help = frame(press(built, ['?'], c), c);
      expect(help).toMatch(lang === 'en' ? /y n Esc q\s+leaving a path not saved: discard \/ keep/ : /y n Esc q\s+离开未保存的路径时：放弃 \/ 保留/);
      // Ctrl-C is the way out, and never asks.
      expect(effectsOf(built, ['ctrl-c'], c).effects).toEqual([{ kind: 'leave', all: true }]);
    }
  });

  test('nothing to lose, nothing asked: an empty path, one written as it stands, a lesson\'s steps as they came', () => {
    const c = sandboxContext('en');
    expect(effectsOf(initialBuild(c.bench), ['q'], c).effects).toEqual([{ kind: 'leave', all: false }]);
    // A path is written only where every call has returned: cow's last steps run in user mode.
    const cow = ctx.lookup('cow');
    const cowContext: BuildContext = { ...c, bench: sandboxBench(testContext('en').ctx, cow, cow.steps.length, join(mkdtempSync(join(tmpdir(), 'zcopy-sandbox-')), 'draft.yaml'), names) };
    const written = press(initialBuild(cowContext.bench), ['u', 'w'], cowContext);
    expect(written.note?.tone).toBe('good');
    expect(effectsOf(written, ['q'], cowContext).effects).toEqual([{ kind: 'leave', all: false }]);
    // Undone and redone as it was written: nothing to lose; a step undone after the write is.
    expect(effectsOf(written, ['u', 'r', 'q'], cowContext).effects).toEqual([{ kind: 'leave', all: false }]);
    expect(effectsOf(written, ['u', 'q'], cowContext).state.confirm).toBe(true);
    // A path undone to nothing has nothing to lose.
    expect(effectsOf(oneStep(c), ['u', 'q'], c).effects).toEqual([{ kind: 'leave', all: false }]);
    // From a lesson: its steps as they came are not the learner's work; one undone is a path changed.
    const from = sandboxContext('en', false, 'sendfile');
    expect(initialBuild(from.bench).steps).toHaveLength(6);
    expect(effectsOf(initialBuild(from.bench), ['q'], from).effects).toEqual([{ kind: 'leave', all: false }]);
    const changed = effectsOf(initialBuild(from.bench), ['u', 'q'], from);
    expect(changed.state.confirm).toBe(true);
    expect(frame(changed.state, from)).toContain('Leave and discard this path of 5 steps?');
  });

  test('a challenge opened alone (q leaves zcopy) asks for an unsolved path; with a screen behind, the path is kept instead', () => {
    const alone = { ...contextOf('dma-read'), behind: false };
    const built = oneStep(alone);
    expect(effectsOf(built, ['esc'], alone).state.confirm).toBe(true);
    expect(effectsOf(built, ['esc', 'y'], alone).effects).toEqual([{ kind: 'kept', id: 'dma-read', steps: built.steps }, { kind: 'leave', all: false }]);
    const { state: solved } = buildByKeys(initialBuild(alone.bench), levels.find('dma-read')!.solution, alone);
    expect(effectsOf(solved, ['q'], alone).effects.at(-1)).toEqual({ kind: 'leave', all: false });
    const behind = contextOf('dma-read');
    expect(effectsOf(built, ['esc'], behind).effects).toEqual([{ kind: 'kept', id: 'dma-read', steps: built.steps }, { kind: 'leave', all: false }]);
    // The help offers the question only where it is asked.
    expect(frame(press(built, ['?'], behind), behind)).not.toContain('leaving a path not saved');
    expect(frame(press(built, ['?'], alone), alone)).toContain('leaving a path not saved');
  });

  test('the help with the question fits 72x20 and 80x24 in both languages', () => {
    for (const size of SIZES) {
      for (const lang of ['en', 'zh'] as const) {
        for (const c of [sandboxContext(lang, true, null, size), { ...contextOf('cow-one-page', lang, size), behind: false }]) {
          const help = renderBuild(press(oneStep(c), ['?'], c), c.bench, c.behind, size, plain, lang);
          expect(help.length).toBeLessThanOrEqual(size.rows - 1);
          expect(help.join('\n')).toContain(lang === 'en' ? 'leaving a path not saved' : '离开未保存的路径时');
          for (const l of help) expect(displayWidth(l)).toBeLessThanOrEqual(size.cols);
        }
      }
    }
  });

  test('in a session, a level left with three Esc from its palette shows its path again, and says it is the one left', () => {
    for (const lang of ['en', 'zh'] as const) {
      const app = driveApp({ screen: 'levels', back: { screen: 'home' } }, { lang });
      app.type(KEY.enter);
      const first = levels.levels[0];
      expect(app.frame()).toContain(`zcopy · ${lang === 'en' ? 'challenge' : '挑战'} · ${first.id}`);
      app.type(KEY.enter, KEY.enter, KEY.enter);
      const built = app.frame();
      expect(built).toMatch(lang === 'en' ? /step 1$/m : /第 1 步$/m);
      // The palette, a DMA transfer's fields being chosen: Esc back to the kinds, Esc closes it, Esc leaves the level.
      app.type(KEY.enter, 'l', 'l', KEY.enter);
      expect(app.frame()).toContain('{type: programDma');
      app.type(KEY.escape, KEY.escape, KEY.escape);
      expect(app.frame()).toMatch(new RegExp(`› ${first.id}`));
      app.type(KEY.enter);
      expect(app.frame()).toMatch(lang === 'en' ? /step 1$/m : /第 1 步$/m);
      expect(app.frame()).toContain(lang === 'en' ? 'The path you left here, 1 step, as you left it.' : '这是你离开时的路径，共 1 步，保持原样。');
      // Emptied and left, the level opens empty again.
      app.type('u', 'q', KEY.enter);
      expect(app.frame()).not.toMatch(lang === 'en' ? /step 1$/m : /第 1 步$/m);
      expect(app.frame()).not.toContain(lang === 'en' ? 'The path you left' : '你离开时的路径');
    }
  });
});

describe('the screen draws what the task talks about', () => {
  /** The rows of the machine picture, by their labels. */
  const rowsOf = (text: string) => text.split('\n').filter((l) => l.startsWith('│ ')).map((l) => l.slice(2).split(/\s{2,}/)[0].trim());

  test('a place the task names is drawn from the start: dma-read fills the kernel buffer, the page cache', () => {
    for (const lang of ['en', 'zh'] as const) {
      const c = contextOf('dma-read', lang);
      expect(levels.find('dma-read')!.summary[lang]).toMatch(/kernel buffer|内核缓冲区/);
      expect(rowsOf(frame(initialBuild(c.bench), c))).toContain(lang === 'en' ? 'page cache' : '页缓存');
    }
  });

  test('the words: a place named counts, one the task rules out does not', () => {
    expect(placesNamed('letting the DMA controller fill the kernel buffer', 'en')).toEqual(['pageCache']);
    expect(placesNamed('Send it to the NICs, through the socket buffer', 'en')).toEqual(['socket', 'nic']);
    expect(placesNamed('no CPU copy, no gather descriptors and no pipe', 'en')).toEqual([]);
    expect(placesNamed('不用 CPU 拷贝、不用管道发送文件', 'zh')).toEqual([]);
    expect(placesNamed('让 DMA 控制器填充内核缓冲区，再发给网卡', 'zh')).toEqual(['pageCache', 'nic']);
  });

  test('no DMA row on a machine without DMA; the interrupt line is still shown', () => {
    const noDma = levels.levels.filter((l) => !l.machine.dma);
    expect(noDma.map((l) => l.id)).toEqual(expect.arrayContaining(['no-dma-read', 'send-no-dma']));
    for (const l of levels.levels) {
      for (const lang of ['en', 'zh'] as const) {
        const rows = rowsOf(frame(initialBuild(contextOf(l.id, lang).bench), contextOf(l.id, lang)));
        const irq = lang === 'en' ? 'IRQ' : '中断线';
        expect({ id: l.id, lang, dma: rows.includes('DMA'), irq: rows.includes(irq) }).toEqual({ id: l.id, lang, dma: l.machine.dma, irq: !l.machine.dma });
      }
    }
  });

  test('sandbox --from sendfile --step 6: the NIC the lesson goes on to is drawn before it is reached', () => {
    const sendfile = ctx.lookup('sendfile');
    const bench = sandboxBench(ctx, sendfile, 6, null, names);
    const c: BuildContext = { bench, lang: 'en', size: SIZES[0], behind: true };
    const b = initialBuild(bench);
    // Nothing has reached the NIC yet after six steps...
    expect(b.timeline.at(-1)!.places.nic).toEqual([]);
    // ...and its row is there.
    expect(rowsOf(frame(b, c))).toEqual(expect.arrayContaining(['page cache', 'socket buffer', 'NIC']));
  });
});

describe('in the app', () => {
  const TERMINAL: Partial<Record<Keypress, string>> = { enter: KEY.enter, left: KEY.left, right: KEY.right };
  const typed = (keys: Keypress[]) => keys.map((k) => TERMINAL[k] ?? k);

  test('home → challenge → the first level, solved by keys in one burst, is marked solved and saved', async () => {
    const app = await openApp({ screen: 'home' });
    await app.type('j', 'j', 'j', KEY.enter);
    expect(app.frame()).toContain('zcopy challenge');
    const first = levels.levels[0];
    await app.type(KEY.enter);
    expect(app.frame()).toContain(first.summary.en.slice(0, 30));
    const { keys } = buildByKeys(initialBuild(contextOf(first.id).bench), first.solution, contextOf(first.id));
    await app.burst(...typed(keys));
    const solved = await app.waitFor((f) => f.includes('Solved!'));
    expect(solved).toContain(`(par ${first.par.steps})`);
    await app.type('q');
    expect(app.frame()).toMatch(new RegExp(`${first.id}\\s*✓`));
    const saved = JSON.parse(readFileSync(join(app.state, 'zcopy', 'progress.json'), 'utf8'));
    expect(saved.challenges[first.id]).toMatchObject({ solved: 1, best: first.par });
    app.unmount();
  });
});

describe('the level list shows each level\'s par, and your best once solved (issue 21)', () => {
  test('best against par, as mode switches/steps, before the title, in both languages', () => {
    const levels = ctx.levels();
    const [first, second] = levels.levels;
    const best = { modeSwitches: first.par.modeSwitches, steps: first.par.steps + 1 };
    const record = (id: string) => (id === first.id ? { solved: 2, firstAt: '', lastAt: '', best } : undefined);
    const en = levelItems(levels, 'en', record);
    expect(en[0]).toMatchObject({ mark: '✓', hint: `best ${best.modeSwitches}/${best.steps}, par ${first.par.modeSwitches}/${first.par.steps} · ${first.title.en}` });
    expect(en[1]).toMatchObject({ mark: ' ', hint: `par ${second.par.modeSwitches}/${second.par.steps} · ${second.title.en}` });
    const zh = levelItems(levels, 'zh', record);
    expect(zh[0].hint).toBe(`最佳 ${best.modeSwitches}/${best.steps}，标准 ${first.par.modeSwitches}/${first.par.steps} · ${first.title.zh}`);
  });
});
