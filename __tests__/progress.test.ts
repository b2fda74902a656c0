import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, recordAnswer, recordLessonFinished, stateDir, weakestTopics } from '../src/progress/index.js';
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
    expect(warnings[0]).toMatch(/^warning: cannot save progress in .*not-a-dir\/zcopy \(ENOTDIR\); the quiz goes on without it$/);
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
    expect(r.stderr).toMatch(/^zcopy: warning: cannot save progress in \/proc\/zcopy-test\/zcopy \(\w+\); the quiz goes on without it\n$/);
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
