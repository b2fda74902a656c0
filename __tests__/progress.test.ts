import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { levelsSolved, openStore, recordAnswer, recordLessonFinished, recordLevelSolved, stateDir, weakestTopics } from '../src/progress/index.js';
import { renderProgress } from '../src/present/progress.js';
import { displayWidth } from '../src/term/text.js';
import { zcopy } from './helpers/cli.js';

const temp = () => mkdtempSync(join(tmpdir(), 'zcopy-progress-'));
const at = new Date('2030-01-02T03:04:05.678Z');
const open = (xdg: string, warnings: string[] = []) =>
  openStore({ env: { XDG_STATE_HOME: xdg }, lang: 'en', warn: (l) => void warnings.push(l), now: () => at });

describe('the progress store', () => {
  test('the XDG state directory, or ~/.local/state; a relative XDG_STATE_HOME is ignored', () => {
    expect(stateDir({ XDG_STATE_HOME: '/s' })).toBe('/s/zcopy');
    expect(stateDir({ HOME: '/h' })).toBe('/h/.local/state/zcopy');
    expect(stateDir({ XDG_STATE_HOME: 'rel', HOME: '/h' })).toBe('/h/.local/state/zcopy');
  });

  test('round trip: answers and finished lessons survive a reopen; no temporary file is left', () => {
    const xdg = temp();
    const s = open(xdg);
    expect(recordAnswer(s, 'sendfile', 'counts', true)).toBe(true);
    recordAnswer(s, 'sendfile', 'counts', false);
    recordAnswer(s, 'mmap', 'mode', true);
    expect(recordLessonFinished(s, 'sendfile')).toBe(true);
    const again = open(xdg);
    expect(again.data).toEqual({
      version: 1,
      quiz: {
        sendfile: { counts: { right: 1, wrong: 1, lastAt: at.toISOString(), lastRight: false } },
        mmap: { mode: { right: 1, wrong: 0, lastAt: at.toISOString(), lastRight: true } },
      },
      lessons: { sendfile: { finished: 1, lastAt: at.toISOString() } },
    });
    expect(readdirSync(join(xdg, 'zcopy'))).toEqual(['progress.json']);
  });

  test('a corrupt file is moved aside, kept byte for byte, with one warning; the next save starts afresh', () => {
    const xdg = temp();
    mkdirSync(join(xdg, 'zcopy'));
    writeFileSync(join(xdg, 'zcopy', 'progress.json'), '{"version": 1, "quiz": tru');
    const warnings: string[] = [];
    const s = open(xdg, warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: the progress file was unreadable; it is kept as .*progress\.json\.corrupt-2030-01-02T03-04-05-678Z/);
    const files = readdirSync(join(xdg, 'zcopy'));
    expect(files).toEqual(['progress.json.corrupt-2030-01-02T03-04-05-678Z']);
    expect(readFileSync(join(xdg, 'zcopy', files[0]), 'utf8')).toBe('{"version": 1, "quiz": tru');
    expect(recordAnswer(s, 'splice', 'fits', true)).toBe(true);
    // A second corrupt file at the same instant does not overwrite the first.
    writeFileSync(join(xdg, 'zcopy', 'progress.json'), '[]');
    open(xdg);
    expect(readdirSync(join(xdg, 'zcopy')).sort()).toEqual([
      'progress.json.corrupt-2030-01-02T03-04-05-678Z',
      'progress.json.corrupt-2030-01-02T03-04-05-678Z-1',
    ]);
  });

  test('a newer format is left untouched and nothing is saved', () => {
    const xdg = temp();
    mkdirSync(join(xdg, 'zcopy'));
    const newer = '{"version": 2, "whatever": []}';
    writeFileSync(join(xdg, 'zcopy', 'progress.json'), newer);
    const warnings: string[] = [];
    const s = open(xdg, warnings);
    expect(warnings[0]).toMatch(/is format 2, newer than this zcopy knows/);
    expect(recordAnswer(s, 'sendfile', 'counts', true)).toBe(false);
    expect(readFileSync(join(xdg, 'zcopy', 'progress.json'), 'utf8')).toBe(newer);
    expect(readdirSync(join(xdg, 'zcopy'))).toEqual(['progress.json']);
  });

  test('an unwritable state directory: one warning, no crash', () => {
    const file = join(temp(), 'not-a-dir');
    writeFileSync(file, '');
    const warnings: string[] = [];
    const s = open(file, warnings);
    expect(recordAnswer(s, 'sendfile', 'counts', true)).toBe(false);
    expect(recordAnswer(s, 'sendfile', 'counts', false)).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: cannot save progress in .*not-a-dir\/zcopy \(ENOTDIR\); zcopy goes on without saving it$/);
  });

  test('weakest topics: the larger share of wrong answers first', () => {
    const t = (right: number, wrong: number) => ({ right, wrong, lastAt: '', lastRight: false });
    const weak = weakestTopics({
      version: 1,
      quiz: { a: { counts: t(5, 1), mode: t(0, 3) }, b: { fits: t(1, 1), next: t(4, 0) } },
      lessons: {},
    });
    expect(weak.map((w) => `${w.scenario}/${w.kind}`)).toEqual(['a/mode', 'b/fits', 'a/counts']);
  });
});

describe('solved challenge levels', () => {
  const file = (xdg: string) => join(xdg, 'zcopy', 'progress.json');
  function write(xdg: string, data: unknown): void {
    mkdirSync(join(xdg, 'zcopy'), { recursive: true });
    writeFileSync(file(xdg), JSON.stringify(data));
  }

  test('best keeps the fewest mode switches and the fewest steps, each on its own', () => {
    const xdg = temp();
    let clock = 0;
    const times = ['2030-01-01T00:00:00.000Z', '2030-01-02T00:00:00.000Z', '2030-01-03T00:00:00.000Z'];
    const s = openStore({ env: { XDG_STATE_HOME: xdg }, lang: 'en', warn: () => {}, now: () => new Date(times[clock++]) });
    expect(recordLevelSolved(s, 'zero-copy', { modeSwitches: 4, steps: 9 })).toBe(true);
    recordLevelSolved(s, 'zero-copy', { modeSwitches: 2, steps: 12 });
    recordLevelSolved(s, 'zero-copy', { modeSwitches: 3, steps: 10 });
    expect(open(xdg).data.challenges).toEqual({
      'zero-copy': { solved: 3, firstAt: times[0], lastAt: times[2], best: { modeSwitches: 2, steps: 9 } },
    });
  });

  test('levels solved: every level with a solve, or only those of a list given', () => {
    const xdg = temp();
    const s = open(xdg);
    expect(levelsSolved(s.data)).toBe(0);
    recordLevelSolved(s, 'zero-copy', { modeSwitches: 2, steps: 11 });
    recordLevelSolved(s, 'zero-copy', { modeSwitches: 2, steps: 11 });
    recordLevelSolved(s, 'renamed-since', { modeSwitches: 2, steps: 11 });
    expect(levelsSolved(s.data)).toBe(2);
    expect(levelsSolved(s.data, ['zero-copy', 'one-copy'])).toBe(1);
  });

  test('a file from before challenges reads as it is, and gains them on the next solve', () => {
    const xdg = temp();
    const lessons = { mmap: { finished: 1, lastAt: '2029-12-31T00:00:00.000Z' } };
    write(xdg, { version: 1, quiz: {}, lessons });
    const warnings: string[] = [];
    const s = open(xdg, warnings);
    expect(warnings).toEqual([]);
    expect(s.data.lessons).toEqual(lessons);
    expect(levelsSolved(s.data)).toBe(0);
    recordLevelSolved(s, 'one-copy', { modeSwitches: 2, steps: 11 });
    const saved = JSON.parse(readFileSync(file(xdg), 'utf8'));
    expect(saved).toMatchObject({ version: 1, lessons, challenges: { 'one-copy': { solved: 1 } } });
  });

  test('fields this zcopy does not know are saved back, at the top and in a level record', () => {
    // What a later zcopy adds in format 1 must survive this one's saves, as `challenges` survives an older one's.
    const xdg = temp();
    const record = { solved: 1, firstAt: '', lastAt: '', best: { modeSwitches: 2, steps: 11 }, hintsSeen: 2 };
    write(xdg, { version: 1, quiz: {}, lessons: {}, challenges: { 'zero-copy': record }, streak: 5 });
    recordLevelSolved(open(xdg), 'zero-copy', { modeSwitches: 2, steps: 11 });
    const saved = JSON.parse(readFileSync(file(xdg), 'utf8'));
    expect(saved.streak).toBe(5);
    expect(saved.challenges['zero-copy']).toMatchObject({ solved: 2, hintsSeen: 2 });
  });

  const good = { solved: 1, firstAt: '', lastAt: '', best: { modeSwitches: 2, steps: 11 } };
  test.each([
    ['challenges is a list', []],
    ['a level record is not a mapping', { 'zero-copy': 3 }],
    ['solved is negative', { 'zero-copy': { ...good, solved: -1 } }],
    ['firstAt is missing', { 'zero-copy': { ...good, firstAt: undefined } }],
    ['best is missing', { 'zero-copy': { ...good, best: undefined } }],
    ['best.steps is not a number', { 'zero-copy': { ...good, best: { modeSwitches: 2, steps: '11' } } }],
  ])('a malformed challenges entry makes the file corrupt, kept aside: %s', (_, challenges) => {
    const xdg = temp();
    write(xdg, { version: 1, quiz: {}, lessons: { mmap: { finished: 1, lastAt: '' } }, challenges });
    const warnings: string[] = [];
    const s = open(xdg, warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: the progress file was unreadable; it is kept as /);
    expect(s.data).toEqual({ version: 1, quiz: {}, lessons: {} });
    expect(readdirSync(join(xdg, 'zcopy'))).toEqual(['progress.json.corrupt-2030-01-02T03-04-05-678Z']);
  });

  test('--reset counts solved levels as progress to delete', () => {
    const xdg = temp();
    write(xdg, { version: 1, quiz: {}, lessons: {}, challenges: { 'zero-copy': good } });
    const asked = zcopy(['progress', '--reset'], { XDG_STATE_HOME: xdg }, 'n\n');
    expect(asked.stdout).toMatch(/^Delete all progress in .*\? \[y\/N\] Nothing deleted\.\n$/);
    expect(zcopy(['progress', '--reset', '--yes'], { XDG_STATE_HOME: xdg }).stdout).toBe('Progress deleted.\n');
    expect(readdirSync(join(xdg, 'zcopy'))).toEqual([]);
  });
});

describe('zcopy progress shows solved levels against their par', () => {
  const solve = (solved: number, modeSwitches: number, steps: number, lastAt = '2030-01-03T00:00:00.000Z') => ({
    solved,
    firstAt: '2030-01-01T00:00:00.000Z',
    lastAt,
    best: { modeSwitches, steps },
  });
  const onlyChallenges = {
    version: 1 as const,
    quiz: {},
    lessons: {},
    challenges: { 'zero-copy': solve(3, 2, 13), 'gone-level': solve(1, 4, 9), 'dma-read': solve(1, 2, 8, '2030-01-02T00:00:00.000Z') },
  };
  const levels = [
    { id: 'dma-read', par: { modeSwitches: 2, steps: 8 } },
    { id: 'zero-copy', par: { modeSwitches: 2, steps: 11 } },
  ];

  test('in climbing order, a level no longer shipped last and without a par; not "nothing yet"', () => {
    const lines = renderProgress(onlyChallenges, '/p', 'en', levels);
    expect(lines.join('\n')).not.toMatch(/Nothing recorded/);
    const at = lines.indexOf('Challenges solved');
    expect(lines.slice(at + 1)).toEqual([
      '  level       solved  best mode switches  best steps   last solved',
      '  dma-read         1  2 (par 2)           8 (par 8)    2030-01-02',
      '  zero-copy        3  2 (par 2)           13 (par 11)  2030-01-03',
      '  gone-level       1  4                   9            2030-01-03',
    ]);
  });

  test('in Chinese, within 80 columns beside the other sections', () => {
    const data = { ...onlyChallenges, lessons: { sendfile: { finished: 1, lastAt: '2030-01-01T00:00:00.000Z' } } };
    const zh = renderProgress(data, '/p', 'zh', levels);
    expect(zh).toContain('已通过的挑战');
    expect(zh.find((l) => l.startsWith('  zero-copy'))).toMatch(/^  zero-copy +3  2（标准 2） +13（标准 11） +2030-01-03$/);
    for (const lang of ['en', 'zh'] as const) {
      const lines = renderProgress(data, '/p', lang, levels);
      expect(lines.filter((l) => displayWidth(l) > 80)).toEqual([]);
      expect(lines.at(-1)).not.toBe('');
    }
  });

  test('a lesson left part-way is in progress, with the steps seen, never "finished 0 times" (issue 21)', () => {
    const lessons = {
      sendfile: { finished: 0, lastAt: '2030-01-01T00:00:00.000Z', lastStep: 5, seen: [1, 2, 3, 4, 5] },
      mmap: { finished: 2, lastAt: '2030-01-02T00:00:00.000Z', lastStep: 3, seen: [1, 2, 3] },
      splice: { finished: 1, lastAt: '2030-01-03T00:00:00.000Z' },
    };
    const stepsOf = (id: string) => ({ sendfile: 11, mmap: 12 })[id];
    const en = renderProgress({ version: 1, quiz: {}, lessons }, '/p', 'en', [], stepsOf);
    expect(en.join('\n')).not.toMatch(/0 times|Lessons finished/);
    expect(en.find((l) => l.startsWith('  sendfile'))).toMatch(/^  sendfile +in progress, 5\/11 seen +last 2030-01-01$/);
    expect(en.find((l) => l.startsWith('  mmap'))).toMatch(/^  mmap +finished 2 times, in progress, 3\/12 seen +last 2030-01-02$/);
    expect(en.find((l) => l.startsWith('  splice'))).toMatch(/^  splice +finished 1 time +last 2030-01-03$/);
    const zh = renderProgress({ version: 1, quiz: {}, lessons }, '/p', 'zh', [], stepsOf);
    expect(zh.find((l) => l.startsWith('  mmap'))).toMatch(/^  mmap +学完 2 次，学习中，已看 3\/12 步 +最近 2030-01-02$/);
  });

  test('an unsolved record is not listed, and alone is nothing yet', () => {
    const lines = renderProgress({ version: 1, quiz: {}, lessons: {}, challenges: { 'zero-copy': solve(0, 2, 11) } }, '/p', 'en', levels);
    expect(lines.at(-1)).toMatch(/^Nothing recorded yet/);
  });

  test('the command reads each par from the shipped level; --json carries the record as stored', () => {
    const xdg = temp();
    mkdirSync(join(xdg, 'zcopy'));
    writeFileSync(join(xdg, 'zcopy', 'progress.json'), JSON.stringify(onlyChallenges));
    const text = zcopy(['progress'], { XDG_STATE_HOME: xdg });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^  zero-copy +3  2 \(par 2\) +13 \(par 11\) +2030-01-03$/m);
    expect(text.stdout).toMatch(/^  dma-read +1  2 \(par 2\) +8 \(par 7\) +2030-01-02$/m);
    const json = JSON.parse(zcopy(['progress', '--json'], { XDG_STATE_HOME: xdg }).stdout);
    expect(json.challenges).toEqual(onlyChallenges.challenges);
    // A file from before challenges still gives the key, empty, so a reader need not test for it.
    expect(JSON.parse(zcopy(['progress', '--json'], { XDG_STATE_HOME: temp() }).stdout).challenges).toEqual({});
  });
});

describe('zcopy quiz and zcopy progress', () => {
  test('answers from a piped quiz show in `progress --json` and `progress`', () => {
    const env = { XDG_STATE_HOME: temp() };
    expect(zcopy(['progress'], env).stdout).toMatch(/Nothing recorded yet/);
    const key = JSON.parse(zcopy(['quiz', '--reveal', '--json', '--seed', '4', '--count', '3'], env).stdout);
    zcopy(['quiz', '--seed', '4', '--count', '3'], env, `${key[0].answer}\nwrong\n`);
    const p = JSON.parse(zcopy(['progress', '--json'], env).stdout);
    expect(p.path).toBe(join(env.XDG_STATE_HOME, 'zcopy', 'progress.json'));
    expect(p.quiz[key[0].scenario][key[0].kind].right).toBe(1);
    expect(p.quiz[key[1].scenario][key[1].kind].wrong).toBeGreaterThanOrEqual(1);
    // The third question was never answered, so its topic is not recorded (unless it shares one).
    const total = Object.values(p.quiz as Record<string, Record<string, { right: number; wrong: number }>>)
      .flatMap((k) => Object.values(k))
      .reduce((n, t) => n + t.right + t.wrong, 0);
    expect(total).toBe(2);
    expect(p.weakest[0]).toMatchObject({ scenario: key[1].scenario, kind: key[1].kind });
    const text = zcopy(['progress'], env).stdout;
    expect(text).toMatch(new RegExp(`^  ${key[1].scenario}\\s`, 'm'));
    // --review draws first from the weak topic.
    const review = JSON.parse(zcopy(['quiz', '--review', '--reveal', '--json', '--seed', '1', '--count', '2'], env).stdout);
    expect(review[0]).toMatchObject({ scenario: key[1].scenario, kind: key[1].kind });
  });

  test('a corrupt file: a one-line warning, the quiz goes on, the file is kept aside', () => {
    const xdg = temp();
    mkdirSync(join(xdg, 'zcopy'));
    writeFileSync(join(xdg, 'zcopy', 'progress.json'), 'not json at all');
    const r = zcopy(['quiz', '--seed', '7', '--count', '2'], { XDG_STATE_HOME: xdg }, 'a\na\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^zcopy: warning: the progress file was unreadable; it is kept as \S+progress\.json\.corrupt-\S+ and a new one is started\n$/);
    expect(r.stdout).toMatch(/Score: \d\/2\n$/);
    const files = readdirSync(join(xdg, 'zcopy')).sort();
    expect(files).toHaveLength(2);
    expect(readFileSync(join(xdg, 'zcopy', files.find((f) => f.includes('corrupt'))!), 'utf8')).toBe('not json at all');
  });

  test('an unwritable state directory: a warning, not a crash', () => {
    const file = join(temp(), 'file');
    writeFileSync(file, '');
    const r = zcopy(['quiz', '--seed', '7', '--count', '2'], { XDG_STATE_HOME: file }, 'a\na\n');
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^zcopy: warning: cannot save progress in /);
    expect(r.stdout).toMatch(/Score: \d\/2\n$/);
  });

  test('a state directory under /proc, where mkdir never succeeds: one warning, and the quiz ends', () => {
    // Node's recursive mkdirSync spins forever on such a path; the helper's timeout would kill it (code null).
    const started = Date.now();
    const r = zcopy(['quiz', '--seed', '7', '--count', '2'], { XDG_STATE_HOME: '/proc/zcopy-test' }, 'a\na\n');
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.stderr).toMatch(/^zcopy: warning: cannot save progress in \/proc\/zcopy-test\/zcopy \(\w+\); zcopy goes on without saving it\n$/);
    expect(r.stdout).toMatch(/Score: \d\/2\n$/);
  });

  test('--reset asks first: no keeps it, yes deletes it; a newer file is refused', () => {
    const env = { XDG_STATE_HOME: temp() };
    zcopy(['quiz', '--seed', '7', '--count', '1'], env, 'a\n');
    const no = zcopy(['progress', '--reset'], env, 'n\n');
    expect(no.stdout).toMatch(/^Delete all progress in .*progress\.json\? \[y\/N\] Nothing deleted\.\n$/);
    expect(readdirSync(join(env.XDG_STATE_HOME, 'zcopy'))).toEqual(['progress.json']);
    expect(zcopy(['progress', '--reset'], env, '').stdout).toMatch(/Nothing deleted\./);
    const yes = zcopy(['progress', '--reset'], env, 'y\n');
    expect(yes.stdout).toMatch(/Progress deleted\.\n$/);
    expect(readdirSync(join(env.XDG_STATE_HOME, 'zcopy'))).toEqual([]);
    writeFileSync(join(env.XDG_STATE_HOME, 'zcopy', 'progress.json'), '{"version": 9}');
    const newer = zcopy(['progress', '--reset', '--yes'], env);
    expect(newer.code).toBe(1);
    expect(readFileSync(join(env.XDG_STATE_HOME, 'zcopy', 'progress.json'), 'utf8')).toBe('{"version": 9}');
  });
});
