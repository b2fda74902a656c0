import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { challengesDir, judge, loadLevels, type Level, type Unmet } from '../src/challenge/index.js';
import { LessonError, loadCatalog, loadLessonFile, type LessonStep } from '../src/lessons/index.js';
import { DEFAULT_KNOBS, EVENT_TYPES, variantOf } from '../src/model/index.js';
import { CHALLENGE } from '../src/i18n/challenge.js';
import { PUNCTUATION } from '../src/i18n/punctuation.js';
import { ROOT, zcopy } from './helpers/cli.js';

const LESSONS = join(ROOT, 'lessons');
const lessonIds = loadCatalog(LESSONS).lessons.map((l) => l.id);
const levels = loadLevels(challengesDir(LESSONS), lessonIds);
const level = (id: string): Level => levels.find(id)!;
const stepsOf = (lesson: string): LessonStep[] => loadLessonFile(join(LESSONS, `${lesson}.yaml`)).steps;
/** A lesson's steps with the pages already cached: its `--cache warm` variant. */
const warmOf = (lesson: string): LessonStep[] => {
  const l = loadLessonFile(join(LESSONS, `${lesson}.yaml`));
  return variantOf(l.payload, l.variants!.steps, { ...DEFAULT_KNOBS, cache: 'warm' }).steps;
};
const work = mkdtempSync(join(tmpdir(), 'zcopy-challenge-'));

/** A path file with only `steps:`, as a learner writes one. */
function pathFile(name: string, steps: readonly LessonStep[]): string {
  const file = join(work, `${name}.yaml`);
  writeFileSync(file, stringify({ steps: steps.map(({ event, phase }) => ({ event, phase })) }));
  return file;
}

describe('the levels', () => {
  test('at least 12, each with 2 or 3 hints and a lesson that teaches it', () => {
    expect(levels.levels.length).toBeGreaterThanOrEqual(12);
    for (const l of levels.levels) {
      expect(l.hints.length).toBeGreaterThanOrEqual(2);
      expect(l.hints.length).toBeLessThanOrEqual(3);
      expect(lessonIds).toContain(l.teaches);
    }
  });

  test("every level's reference solution passes --check through the built CLI, at par", () => {
    for (const l of levels.levels) {
      const r = zcopy(['challenge', l.id, '--check', pathFile(`ref-${l.id}`, l.solution), '--json']);
      expect({ id: l.id, code: r.code, stderr: r.stderr }).toEqual({ id: l.id, code: 0, stderr: '' });
      const verdict = JSON.parse(r.stdout);
      expect(verdict).toMatchObject({ id: l.id, solved: true, unmet: null, steps: l.par.steps, par: l.par });
      expect(verdict.counts.modeSwitches).toBe(l.par.modeSwitches);
    }
  });

  // The figures are docs/MODEL.md's: the reference solutions are the scenarios it counts.
  test.each([
    ['dma-read', { cpuCopies: 1, dmaCopies: 1, modeSwitches: 2, interrupts: 1 }],
    ['no-dma-read', { cpuCopies: 2, dmaCopies: 0, modeSwitches: 2, interrupts: 0 }],
    ['direct-read', { cpuCopies: 0, dmaCopies: 1, modeSwitches: 2, interrupts: 1 }],
    ['send-classic', { cpuCopies: 2, dmaCopies: 2, modeSwitches: 4, syscalls: 2 }],
    // sendfile() on a machine without DMA: the hops DMA would make (disk -> page cache, socket buffer -> NIC) are the CPU's,
    // beside sendfile's own page cache -> socket buffer copy; one call, and the NIC's transmit-complete interrupt (docs/MODEL.md).
    ['send-no-dma', { cpuCopies: 3, dmaCopies: 0, modeSwitches: 2, syscalls: 1, interrupts: 1 }],
    ['one-copy', { cpuCopies: 1, dmaCopies: 2, modeSwitches: 2, syscalls: 1 }],
    ['zero-copy', { cpuCopies: 0, dmaCopies: 2, modeSwitches: 2, syscalls: 1 }],
    // splice from the file into a pipe: page references, no copy; the disk's DMA only.
    ['into-a-pipe', { cpuCopies: 0, dmaCopies: 1, descriptorCopies: 1 }],
    // A warm cache: no disk DMA and no disk interrupt, so one of each is left of sendfile-sg's two.
    ['warm-send', { cpuCopies: 0, dmaCopies: 1, modeSwitches: 2, interrupts: 1 }],
    ['warm-read', { cpuCopies: 1, dmaCopies: 0, modeSwitches: 2, interrupts: 0 }],
  ])('%s: its reference solution counts what docs/MODEL.md says', (id, counts) => {
    expect(judge(level(id), level(id).solution).counts).toMatchObject(counts);
  });

  test('one splice per chunk fills the pipe: 2 mode switches and 1 system call per chunk', () => {
    expect(judge(level('into-a-pipe'), level('into-a-pipe').solution).perTransfer).toMatchObject({ modeSwitches: 2, syscalls: 1 });
  });
});

describe('wrong paths fail with the right reason', () => {
  const why = (id: string, steps: readonly LessonStep[]): Unmet | null => judge(level(id), steps).unmet;
  const over = (counter: string, perTransfer = false) => expect.objectContaining({ kind: 'limit', counter, perTransfer });

  test('every level: half of its reference solution has not reached the goal', () => {
    // The goal's own conditions: the payload's place, user mode, no call open, every completion taken.
    const goalKinds = ['notAt', 'notUserMode', 'callOpen', 'completionPending'];
    for (const l of levels.levels) {
      const unmet = why(l.id, l.solution.slice(0, Math.floor(l.solution.length / 2)));
      expect({ id: l.id, goal: goalKinds.includes(unmet?.kind ?? 'none') }).toEqual({ id: l.id, goal: true });
    }
  });

  const pollCall: LessonStep[] = [
    { event: { type: 'syscall', name: 'poll' }, phase: 'transfer', text: { en: '', zh: '' } },
    { event: { type: 'sysret', name: 'poll' }, phase: 'transfer', text: { en: '', zh: '' } },
  ];
  const noDmaPlusACall: LessonStep[] = [...stepsOf('traditional-nodma'), ...pollCall];
  // The splice lesson sends on to the socket: its second call takes the references out of the pipe again.
  const spliceOnToSocket = stepsOf('splice');
  // A file read into the buffer and written into the pipe: write() copies.
  const readThenWrite: LessonStep[] = [
    ...level('dma-read').solution,
    ...(['syscall', 'cpuCopy', 'sysret'] as const).map((type) => ({
      event: type === 'cpuCopy' ? { type, from: 'user' as const, to: 'pipe' as const } : { type, name: 'write' },
      phase: 'transfer' as const,
      text: { en: '', zh: '' },
    })),
  ];

  // send-no-dma without its copy into the NIC, and so without the NIC's transmit-complete interrupt that follows it.
  const noDmaSolution = level('send-no-dma').solution;
  const intoNic = noDmaSolution.findIndex((s) => s.event.type === 'cpuCopy' && s.event.to === 'nic');
  const neverIntoTheNic = noDmaSolution.filter((_, i) => i < intoNic || i > intoNic + 2);

  const solutionWithout = (id: string, drop: (e: LessonStep['event']) => boolean): LessonStep[] => level(id).solution.filter((s) => !drop(s.event));
  const notAt = (place: string, block: string, own = false) => ({ kind: 'notAt', place, block, own });
  // MSG_ZEROCOPY's path on a NIC that cannot gather, with the copy docs/MODEL.md says it ends in.
  // Copied, the send pins nothing (and so releases nothing when the NIC is done): the read's own pin and unpin stay.
  const zerocopySolution = level('encrypt-zero-copy').solution;
  const sendPin = zerocopySolution.map((s) => s.event.type).lastIndexOf('pin');
  const zerocopyWithItsCopy = zerocopySolution.flatMap((s, i) =>
    s.event.type === 'descriptorCopy'
      ? [{ ...s, event: { type: 'cpuCopy' as const, from: 'user' as const, to: 'socket' as const } }]
      : i === sendPin || (i > sendPin && s.event.type === 'unpin')
        ? []
        : [s],
  );

  // A read fault instead of a write fault: the page is mapped from the page cache, shared read-only, not copied.
  const readFault = level('cow-one-page').solution.map((s) => (s.event.type === 'cowCopy' ? { ...s, event: { type: 'faultIn' as const } } : s));

  /** Wrong paths and the first condition each misses: every level has at least two (checked below). */
  const wrongPaths: [string, readonly LessonStep[], unknown][] = [
    // read() + write() copies into the user buffer too, and then once more (docs/MODEL.md): two against the one allowed.
    ['dma-read', stepsOf('traditional'), over('cpuCopies')],
    ['no-dma-read', stepsOf('interrupt-io'), over('interrupts')],
    ['direct-read', stepsOf('dma-io'), over('cpuCopies')],
    // O_DIRECT reads the disk whatever the page cache holds (docs/MODEL.md: no page cache).
    ['warm-read', stepsOf('direct-io'), over('dmaCopies')],
    // sendfile() never gives the program the bytes: it cannot change what it sends.
    ['send-classic', stepsOf('sendfile'), { kind: 'notModifiable', block: 'A' }],
    ['send-no-dma', noDmaPlusACall, over('modeSwitches')],
    ['one-copy', stepsOf('traditional'), over('cpuCopies')],
    ['zero-copy', stepsOf('sendfile'), over('cpuCopies')],
    ['no-gather', stepsOf('sendfile'), over('cpuCopies')],
    ['into-a-pipe', spliceOnToSocket, notAt('pipe', 'A')],
    // sendfile() moves the file into a socket buffer, never a pipe: its event names do not pass a level about splice.
    ['into-a-pipe', stepsOf('sendfile-sg'), notAt('pipe', 'A')],
    ['into-a-pipe', readThenWrite, over('cpuCopies')],
    // The splice call called set-up to leave it out of the per-chunk count: its DMA transfer (step 5, after pipe()) moves the payload.
    ['into-a-pipe', [...level('into-a-pipe').solution.map((s): LessonStep => ({ ...s, phase: 'setup' })), { event: { type: 'run' }, phase: 'transfer', text: { en: '', zh: '' } }], { kind: 'movedOutsidePerChunk', step: 5 }],
    ['encrypt-one-copy', stepsOf('traditional'), over('cpuCopies')],
    ['encrypt-one-copy', stepsOf('sendfile'), { kind: 'notModifiable', block: 'A' }],
    ['encrypt-zero-copy', stepsOf('msg-zerocopy'), { kind: 'notModifiable', block: 'A' }],
    ['encrypt-zero-copy', level('encrypt-one-copy').solution, over('cpuCopies')],
    ['cow-one-page', stepsOf('dma-io'), { kind: 'banned', step: 7, event: 'cpuCopy' }],
    // sendfile never shows the program the bytes.
    ['fbuf-share', stepsOf('sendfile-sg'), { kind: 'notReadable', block: 'A' }],
    // MSG_ZEROCOPY from a mapping of the file: the program sees the bytes and nothing is copied, but setsockopt, mmap, sendto and recvmsg are 8 mode switches.
    ['fbuf-share', stepsOf('msg-zerocopy'), over('modeSwitches')],
    ['warm-send', warmOf('traditional'), over('cpuCopies')],
    // Without the copy out of the page cache, read() leaves the bytes in the kernel.
    ['dma-read', solutionWithout('dma-read', (e) => e.type === 'cpuCopy'), notAt('user', 'A')],
    ['no-dma-read', solutionWithout('no-dma-read', (e) => e.type === 'cpuCopy' && e.to === 'user'), notAt('user', 'A')],
    // The cached pages are in the buffer, but read() has not returned.
    ['warm-read', level('warm-read').solution.slice(0, -1), { kind: 'notUserMode' }],
    // MSG_ZEROCOPY's setup calls count too: setsockopt and mmap, then sendto and recvmsg, 8 mode switches.
    // read() + write() with one call more than the level allows: 6 mode switches.
    ['send-classic', [...stepsOf('traditional'), ...pollCall], over('modeSwitches')],
    ['send-no-dma', neverIntoTheNic, notAt('nic', 'A')],
    ['one-copy', stepsOf('dma-io'), notAt('nic', 'A')],
    ['no-gather', zerocopyWithItsCopy, over('cpuCopies')],
    // Polling is how a kernel-bypass program takes the NIC's completion; without it the transfer is not finished.
    ['no-gather', level('no-gather').solution.slice(0, -1), { kind: 'completionPending' }],
    // A read fault maps the file's page for B, shared read-only: no copy of its own.
    ['cow-one-page', readFault, notAt('user', 'B', true)],
    ['zero-copy', level('zero-copy').solution.slice(0, 5), notAt('nic', 'A')],
    // The DMA has filled the pinned pages, but read() has not returned.
    ['direct-read', level('direct-read').solution.slice(0, 4), { kind: 'notUserMode' }],
    // sendfile without gather copies once (docs/MODEL.md), whether or not the disk had to be read.
    ['warm-send', warmOf('sendfile'), over('cpuCopies')],
  ];

  test.each(['warm-read', 'warm-send'])('%s: a path written for a cold cache is refused where it asks the disk for a cached page', (id) => {
    const cold = stepsOf(id === 'warm-read' ? 'dma-io' : 'sendfile-sg');
    const read = cold.findIndex((s) => s.event.type === 'programDma' && s.event.from === 'disk');
    expect(() => judge(level(id), cold)).toThrow(expect.objectContaining({ step: read + 1, refusal: { code: 'alreadyCached', params: { block: 'A' } } }));
  });

  test.each(wrongPaths)('%s: %#', (id, steps, unmet) => {
    expect(why(id, steps)).toEqual(unmet);
  });

  test('a path that ends inside a system call is not solved, even where the goal leaves kernel mode allowed (issue 21)', () => {
    // dma-read's bytes are in the buffer, but read() never returns: a program that hangs.
    // A goal object that says callsClosed: false, as level files could before the loader refused it.
    const lenient: Level = { ...level('dma-read'), goal: { ...level('dma-read').goal, userMode: false, callsClosed: false } as Level['goal'] };
    const inside = level('dma-read').solution.slice(0, -1);
    expect(judge(lenient, inside).unmet).toEqual({ kind: 'callOpen', call: 'read' });
    expect(judge(lenient, level('dma-read').solution).unmet).toBeNull();
  });

  test('every level has at least two wrong paths above', () => {
    for (const l of levels.levels) {
      expect({ id: l.id, enough: wrongPaths.filter(([id]) => id === l.id).length >= 2 }).toEqual({ id: l.id, enough: true });
    }
  });

  test('sending pinned user pages from inside sendto() is illegal: the NIC sends from the socket buffer, or from the pool of a program that drives it', () => {
    // encrypt-zero-copy's MSG_ZEROCOPY send with the gap the model used to leave: the DMA reads the pinned pages directly.
    const steps = level('encrypt-zero-copy').solution.flatMap((s) =>
      s.event.type === 'descriptorCopy' ? [] : s.event.type === 'programDma' && s.event.from === 'socket' ? [{ ...s, event: { ...s.event, from: 'user' as const } }] : [s],
    );
    const at = steps.findIndex((s) => s.event.type === 'programDma' && s.event.from === 'user');
    const refusal = { code: 'outsideContract', params: { call: 'sendto', event: 'programDma', from: 'user', to: 'nic' } };
    for (const id of ['no-gather', 'zero-copy']) expect(() => judge(level(id), steps)).toThrow(expect.objectContaining({ step: at + 1, refusal }));
    const r = zcopy(['challenge', 'no-gather', '--check', pathFile('zerocopy-from-user', steps)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^zcopy: .*zerocopy-from-user\\.yaml:\\d+: steps\\[${at}\\]\\.event: step ${at + 1} is illegal: sendto\\(\\) cannot program a DMA from the user buffer to the NIC: sendto\\(\\) copies the caller's buffer into the socket buffer`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const zh = zcopy(['challenge', 'no-gather', '--check', pathFile('zerocopy-from-user', steps), '--lang', 'zh']);
    expect(zh.stderr).toMatch(/不合法：sendto\(\) 不能设置从用户缓冲区到网卡的 DMA：sendto\(\) 把调用者的缓冲区拷进 socket 缓冲区/);
  });

  test('on a NIC that cannot gather, mapping the page cache over the pool while its send is queued is illegal at the mapping', () => {
    // The gap the model used to leave: the queued DMA read the page cache through the new mapping.
    // The file is read into the page cache once, in setup, so that there is something to map.
    const t = (event: LessonStep['event'], phase: LessonStep['phase'] = 'transfer'): LessonStep => ({ event, phase, text: { en: '', zh: '' } });
    const readIntoPageCache = [
      t({ type: 'syscall', name: 'read' }, 'setup'),
      t({ type: 'programDma', from: 'disk', to: 'pageCache', block: true }, 'setup'),
      t({ type: 'dmaTransfer' }, 'setup'),
      t({ type: 'raiseInterrupt', source: 'dma' }, 'setup'),
      t({ type: 'handleInterrupt' }, 'setup'),
      t({ type: 'sysret', name: 'read' }, 'setup'),
      t({ type: 'run' }, 'setup'),
    ];
    const solution = level('no-gather').solution;
    const queued = solution.findIndex((s) => s.event.type === 'programDma' && s.event.from === 'user') + 1;
    const steps = [
      ...readIntoPageCache,
      ...solution.slice(0, queued),
      t({ type: 'syscall', name: 'mmap' }),
      t({ type: 'mapPages', from: 'pageCache' }),
      t({ type: 'sysret', name: 'mmap' }),
      ...solution.slice(queued),
    ];
    const at = readIntoPageCache.length + queued + 1;
    expect(() => judge(level('no-gather'), steps)).toThrow(expect.objectContaining({ step: at + 1, refusal: { code: 'pageInDma', params: { block: 'A', device: 'nic' } } }));
    const r = zcopy(['challenge', 'no-gather', '--check', pathFile('remap-the-pool', steps)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`steps\\[${at}\\]\\.event: step ${at + 1} is illegal: the DMA controller is programmed to move block A between the user buffer and the NIC`));
  });

  test('on a NIC that cannot gather, sendfile-sg is judged as it runs there: its variant copies, so it fails the no-copy limit', () => {
    // docs/MODEL.md: without gather, sendfile-sg becomes sendfile (the CPU copies page cache -> socket buffer).
    const r = zcopy(['challenge', 'no-gather', '--check', join(LESSONS, 'sendfile-sg.yaml'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).unmet).toMatchObject({ kind: 'limit', counter: 'cpuCopies', count: 1, max: 0 });
  });

  test('a path that gathers on a NIC that cannot is illegal, named by the file\'s own step number', () => {
    const file = join(work, 'gathers.yaml');
    writeFileSync(file, stringify({ steps: loadLessonFile(join(LESSONS, 'sendfile-sg.yaml')).steps.map(({ event, phase }) => ({ event, phase })) }));
    const r = zcopy(['challenge', 'no-gather', '--check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^zcopy: .*gathers\.yaml:\d+: steps\[6\]\.event: step 7 is illegal: this NIC cannot gather/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('zcopy challenge', () => {
  test('--list --json has the issue\'s shape', () => {
    const r = zcopy(['challenge', '--list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.length).toBe(levels.levels.length);
    for (const entry of list) {
      expect(Object.keys(entry).sort()).toEqual(['banned', 'goal', 'hints', 'id', 'limits', 'machine', 'par', 'perTransfer', 'title'].sort());
      expect(typeof entry.hints).toBe('number');
      expect(Object.keys(entry.par).sort()).toEqual(['modeSwitches', 'steps']);
    }
    const chunk = list.find((e: { id: string }) => e.id === 'into-a-pipe');
    expect(chunk).toMatchObject({ goal: { at: 'pipe' }, limits: { cpuCopies: 0 }, perTransfer: { modeSwitches: 2 }, banned: [], machine: {} });
    expect(list.find((e: { id: string }) => e.id === 'no-gather').machine).toEqual({ nic: 'nosg', bypass: true });
  });

  test('--list prints one level a line, in climbing order', () => {
    const lines = zcopy(['challenge', '--list']).stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ 1 {2}dma-read +Read it with DMA$/);
    expect(lines).toHaveLength(levels.levels.length);
  });

  test('exit 0 prints the counts against the par and the lesson that teaches it', () => {
    const r = zcopy(['challenge', 'one-copy', '--check', join(LESSONS, 'sendfile.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^solved one-copy: Mode switches 2 \(par 2\) · Steps 11 \(par 11\)\n/);
    expect(r.stdout).toContain('zcopy learn sendfile');
  });

  test('a path that is legal but slower than par still passes, and says so', () => {
    const r = zcopy(['challenge', 'one-copy', '--check', join(LESSONS, 'mmap.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Mode switches 4 \(par 2\)/);
  });

  test('exit 1 names the first unmet condition, in both languages', () => {
    const en = zcopy(['challenge', 'one-copy', '--check', join(LESSONS, 'traditional.yaml')]);
    expect(en.code).toBe(1);
    expect(en.stdout).toBe('not solved one-copy: CPU copies 2: this level allows at most 1\n');
    const zh = zcopy(['challenge', 'one-copy', '--check', join(LESSONS, 'traditional.yaml'), '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe('未通过 one-copy：CPU 拷贝 2 次：本关最多允许 1 次\n');
    const json = JSON.parse(zcopy(['challenge', 'one-copy', '--check', join(LESSONS, 'traditional.yaml'), '--json']).stdout);
    expect(json).toMatchObject({ solved: false, unmet: { kind: 'limit', counter: 'cpuCopies', max: 1, count: 2 } });
  });

  test('exit 2 for a broken file or an illegal step, with the step and the reason, localized', () => {
    const broken = join(work, 'broken.yaml');
    writeFileSync(broken, 'steps:\n  - event: {type: teleport}\n');
    const r = zcopy(['challenge', 'zero-copy', '--check', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:2: steps\[0\]\.event\.type: must be one of/);
    const illegal = pathFile('illegal', [{ event: { type: 'cpuCopy', from: 'pageCache', to: 'user' }, phase: 'transfer', text: { en: '', zh: '' } }]);
    const zh = zcopy(['challenge', 'zero-copy', '--check', illegal, '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/steps\[0\]\.event: 第 1 步不合法：/);
    expect(zcopy(['challenge', 'zero-copy', '--check', join(work, 'missing.yaml')]).code).toBe(2);
  });

  test('an unknown level gets a suggestion, on one line', () => {
    const r = zcopy(['challenge', 'zero-copi', '--check', join(LESSONS, 'sendfile.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('zcopy: no challenge level named zero-copi; did you mean zero-copy?\n');
    expect(zcopy(['challenge', 'zero-copi', '--check', 'x.yaml', '--lang', 'zh']).stderr).toBe('zcopy: 没有名为 zero-copi 的挑战关卡；你是不是想输入 zero-copy？\n');
  });
});

describe('a broken level is refused, naming the file and field', () => {
  const good = readFileSync(join(challengesDir(LESSONS), 'zero-copy.yaml'), 'utf8');
  function problems(text: string): string {
    const dir = mkdtempSync(join(work, 'levels-'));
    writeFileSync(join(dir, 'level.yaml'), text);
    try {
      loadLevels(dir, lessonIds);
    } catch (error) {
      if (error instanceof LessonError) return error.message;
      throw error;
    }
    throw new Error('the level was accepted');
  }

  test.each([
    ['a limit of -1', good.replace('cpuCopies: 0', 'cpuCopies: -1'), /level\.yaml:\d+: limits\.cpuCopies: must be a whole number, 0 or more/],
    ['a goal place that does not exist', good.replace('at: "nic"', 'at: "disk"'), /goal\.at: must be one of nic, user, pageCache, pipe/],
    ['an unknown event', good.replace('type: dmaTransfer', 'type: teleport'), /solution\[\d+\]\.event\.type: must be one of/],
    ['a banned event that is not one', good.replace('limits:', 'banned: [pipe]\nlimits:'), /banned\[0\]: is not an event/],
    ['a reference solution that does not pass', good.replace('cpuCopies: 0', 'dmaCopies: 1'), /solution: the reference solution does not pass: DMA copies 2/],
    ['a par the reference does not reach', good.replace('steps: 11', 'steps: 9'), /par\.steps: the par is 9 steps, but the reference solution takes 11$/],
    ['one hint', good.replace(/hints:\n(  - en: .*\n    zh: .*\n)(  - en: .*\n    zh: .*\n)/, 'hints:\n$1'), /hints: must give 2 or 3 hints/],
    ['a lesson that does not exist', good.replace('teaches: sendfile-sg', 'teaches: nope'), /teaches: names no lesson/],
    ['a goal that lets a call stay open', good.replace('at: "nic"', 'at: "nic", callsClosed: false'), /level\.yaml:\d+: goal\.callsClosed: can only be true/],
  ])('%s', (_, text, message) => {
    expect(problems(text)).toMatch(message);
  });
});

describe('zcopy validate checks level files as the loader does', () => {
  const good = readFileSync(join(challengesDir(LESSONS), 'zero-copy.yaml'), 'utf8');
  const dir = mkdtempSync(join(work, 'validate-'));
  function levelFile(name: string, text: string): string {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, text);
    return file;
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  test('shipped levels are ok, with their par', () => {
    // par.test.ts proves every level's par; the command is shown on those whose proof is quick (one call's worth).
    const quick = levels.levels.filter((l) => l.par.modeSwitches === 2);
    const files = quick.map((l) => l.source);
    const r = zcopy(['validate', ...files]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    for (const [i, l] of quick.entries()) {
      expect(lines[i]).toBe(`ok    ${l.source}  ${l.id} · level · par ${l.par.modeSwitches} mode switches, ${l.par.steps} steps`);
    }
    expect(zcopy(['validate', level('zero-copy').source, '--lang', 'zh']).stdout).toBe(`通过  ${level('zero-copy').source}  zero-copy · 关卡 · 标准：模式切换 2 次，11 步\n`);
  });

  test.each([
    ['an unknown event type', good.replace('type: raiseInterrupt, source: dma', 'type: teleport, source: dma'), 'solution[3].event.type', /must be one of syscall, /, /必须是 syscall, .* 之一/],
    ['a limit of -1', good.replace('cpuCopies: 0', 'cpuCopies: -1'), 'limits.cpuCopies', /must be a whole number, 0 or more/, /必须是 0 或更大的整数/],
    ['a goal place that does not exist', good.replace('at: "nic"', 'at: disk2'), 'goal.at', /must be one of nic, user, pageCache, pipe/, /必须是 nic, user, pageCache, pipe 之一/],
    [
      'a reference solution that does not reach the goal',
      // The solution sends the file; this goal wants it read into the process.
      good.replace('at: "nic"', 'at: "user"'),
      'solution',
      /the reference solution does not pass: the goal is not reached: block A is not in the user buffer$/m,
      /参考解法没有通过：没有达到目标：块 A 不在用户缓冲区里$/m,
    ],
    [
      'a reference solution that ends inside a system call',
      // dma-read with its last step, read()'s return, cut: its goal lets the process end in the kernel, but no call may stay open.
      readFileSync(join(challengesDir(LESSONS), 'dma-read.yaml'), 'utf8')
        .replace('goal: {at: "user"}', 'goal: {at: "user", userMode: false}')
        .replace('par: {modeSwitches: 2, steps: 7}', 'par: {modeSwitches: 1, steps: 6}')
        .replace(/\n  - \{event: \{type: sysret, name: read\}\}\n?$/, '\n'),
      'solution[0].event',
      /the reference solution ends inside read\(\): step 1 enters it and no later step returns from it \(sysret\)$/m,
      /参考解法结束时还在 read\(\) 里：第 1 步进入它，后面没有步骤从它返回（sysret）$/m,
    ],
    ['a step par the reference solution does not match', good.replace('steps: 11', 'steps: 9'), 'par.steps', /the par is 9 steps, but the reference solution takes 11/, /标准是 9 步，但参考解法用了 11 步/],
    [
      'a mode-switch par the reference solution does not match',
      good.replace('modeSwitches: 2', 'modeSwitches: 4'),
      'par.modeSwitches',
      /the par is 4 mode switches, but the reference solution takes 2/,
      /标准是模式切换 4 次，但参考解法用了 2 次/,
    ],
  ])('%s: refused in one line naming the file, line and field, in both languages', (name, text, field, en, zh) => {
    const file = levelFile(name.replace(/\W+/g, '-'), text);
    for (const [lang, head, message] of [['en', 'FAIL', en], ['zh', '失败', zh]] as const) {
      const r = zcopy(['validate', file, '--lang', lang]);
      expect({ lang, code: r.code, stderr: r.stderr }).toEqual({ lang, code: 2, stderr: '' });
      expect(r.stdout).toMatch(new RegExp(`^${head}  ${escape(file)}:\\d+: ${escape(field)}: \\S`));
      expect(r.stdout).toMatch(message);
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    }
    const [row] = JSON.parse(zcopy(['validate', file, '--json']).stdout);
    expect(row).toMatchObject({ file, ok: false, kind: 'level', problems: [{ field, line: expect.any(Number) }] });
  });

  test('--json tells a level from a lesson and from a file that is neither', () => {
    const lesson = join(LESSONS, 'sendfile.yaml');
    const broken = levelFile('not-yaml', 'goal: [\n');
    const r = zcopy(['validate', level('zero-copy').source, lesson, broken, '--json']);
    expect(r.code).toBe(2);
    const [lv, ls, bad] = JSON.parse(r.stdout);
    expect(lv).toEqual({
      file: level('zero-copy').source,
      ok: true,
      kind: 'level',
      id: 'zero-copy',
      par: { modeSwitches: 2, steps: 11 },
      teaches: 'sendfile-sg',
      counts: expect.objectContaining({ cpuCopies: 0, dmaCopies: 2, modeSwitches: 2 }),
      problems: [],
    });
    expect(ls).toMatchObject({ file: lesson, ok: true, kind: 'lesson', id: 'sendfile', steps: 11 });
    expect(bad).toMatchObject({ file: broken, ok: false, kind: null });
  });

  test('a file without goal: is a lesson, and is told what a lesson lacks', () => {
    const file = levelFile('no-goal', good.replace('goal: {at: "nic"}\n', ''));
    const r = zcopy(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/start: is not a lesson field/);
  });
});

describe("a level's conditions are words, not the file format's event names (issue 21)", () => {
  test('every event a level may ban is said as a noun, in both languages, spaced as Chinese is', () => {
    for (const event of EVENT_TYPES) {
      const en = CHALLENGE.en.condition({ kind: 'banned', events: [event] });
      const zh = CHALLENGE.zh.condition({ kind: 'banned', events: [event] });
      // A camelCase event name (cpuCopy, mapPages) is the file's word; a learner reads "CPU copy".
      expect([event, /[a-z][A-Z]/.test(en), /[a-z][A-Z]/.test(zh)]).toEqual([event, false, false]);
      expect([event, PUNCTUATION.zh.flaws(zh)]).toEqual([event, []]);
    }
    expect(PUNCTUATION.zh.phrase(['不用', 'CPU 拷贝'])).toBe('不用 CPU 拷贝');
    expect(PUNCTUATION.zh.phrase(['不用', '描述符拷贝'])).toBe('不用描述符拷贝');
    // A path file names events by the format's words, so the judge's reason gives both.
    expect(CHALLENGE.en.unmet({ kind: 'banned', step: 3, event: 'cpuCopy' })).toBe('step 3 is a CPU copy (cpuCopy), which this level bans');
    expect(CHALLENGE.zh.unmet({ kind: 'banned', step: 3, event: 'cpuCopy' })).toBe('第 3 步是 CPU 拷贝（cpuCopy），本关禁止使用');
  });
});
