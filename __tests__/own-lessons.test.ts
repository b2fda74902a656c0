import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, zcopy } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'zcopy-lessons-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

/** The example lesson in the README, exactly as a teacher would copy it. */
const readmeExample = (() => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Write your own lesson'));
  return /```yaml\n([\s\S]*?)```/.exec(section)![1];
})();

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe("teachers' own lessons", () => {
  test('the README example passes validate, with the counts the engine derives', () => {
    const file = write('my-read.yaml', readmeExample);
    const r = zcopy(['validate', file]);
    expect(r.code).toBe(0);
    // One DMA copy into the page cache and one CPU copy out of it, in one read(): as dma-io in docs/MODEL.md.
    expect(r.stdout).toMatch(/^ok\s+.*my-read\.yaml\s+my-read · 7 steps · CPU copies 1, DMA copies 1, Mode switches 2, Syscalls 1$/m);
  });

  test('a lesson that ends inside a system call is refused at the step that entered it; one step is "1 step" (issue 21)', () => {
    const hangs = write('hangs.yaml', readmeExample.replace(/\n {2}- event: \{ type: sysret, name: read \}\n.*\n/, '\n'));
    expect(hangs).not.toBe(readmeExample);
    const r = zcopy(['validate', hangs]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^FAIL\s+.*hangs\.yaml:\d+: steps\[0\]\.event: the lesson ends inside read\(\): step 1 enters it and no later step returns from it \(sysret\)$/m);
    expect(zcopy(['validate', hangs, '--lang', 'zh']).stdout).toMatch(/steps\[0\]\.event: 课程结束时还在 read\(\) 里：第 1 步进入它，后面没有步骤从它返回（sysret）$/m);
    const one = write('one.yaml', readmeExample.replace(/\nsteps:\n[\s\S]*$/, '\nsteps:\n  - event: { type: run }\n    text: { en: The program runs., zh: 程序运行。 }\n'));
    expect(zcopy(['validate', one]).stdout).toMatch(/my-read · 1 step · CPU copies 0/);
  });

  test('explain --file and learn --file run it like a built-in lesson', () => {
    const file = write('my-read.yaml', readmeExample);
    const x = JSON.parse(zcopy(['explain', '--file', file, '--json']).stdout);
    expect(x.id).toBe('my-read');
    expect(x.counts).toMatchObject({ cpuCopies: 1, dmaCopies: 1, modeSwitches: 2, syscalls: 1 });
    const learn = zcopy(['learn', '--file', file, '--lang', 'zh']);
    expect(learn.code).toBe(0);
    expect(learn.stdout).toContain('第 7/7 步');
    expect(learn.stdout).not.toContain('zcopy learn programmed-io'); // no "next lesson" for a file of one's own
  });

  test('an illegal step is reported with its file, line, step number and why', () => {
    const file = write('illegal.yaml', readmeExample.replace('{ type: programDma, from: disk, to: pageCache, block: true }', '{ type: run }'));
    const r = zcopy(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^FAIL\s+.*illegal\.yaml:\d+: steps\[1\]\.event: step 2 is illegal: .*user mode/m);
    const emptySource = write('empty.yaml', readmeExample.replace('{ type: cpuCopy, from: pageCache, to: user }', '{ type: cpuCopy, from: user, to: socket }'));
    // read() may only fill the caller's buffer: the refusal names its contract.
    expect(zcopy(['validate', emptySource]).stdout).toMatch(/step 6 is illegal: read\(\) cannot have the CPU copy the user buffer to the socket buffer: read\(\) fills the caller's buffer from the file.*it never sends$/m);
  });

  test('with --lang zh, validate, explain --file and learn --file give the reason in Chinese', () => {
    const file = write('illegal-zh.yaml', readmeExample.replace('{ type: cpuCopy, from: pageCache, to: user }', '{ type: cpuCopy, from: user, to: socket }'));
    const r = zcopy(['validate', file, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^失败\s+.*illegal-zh\.yaml:\d+: steps\[5\]\.event: 第 6 步不合法：read\(\) 不能让 CPU 把用户缓冲区拷到 socket 缓冲区：read\(\) 把文件读进调用者的缓冲区.*它从不发送$/m);
    for (const command of [['explain', '--file', file], ['learn', '--file', file]]) {
      const e = zcopy([...command, '--lang', 'zh']);
      expect({ command, code: e.code }).toEqual({ command, code: 2 });
      expect(e.stderr).toMatch(/^zcopy: .*illegal-zh\.yaml:\d+: steps\[5\]\.event: 第 6 步不合法：read\(\) 不能让 CPU 把用户缓冲区拷到 socket 缓冲区：read\(\) 把文件读进调用者的缓冲区.*它从不发送$/m);
    }
    const field = write('field-zh.yaml', readmeExample.replace('from: pageCache, to: user', 'from: pagecache, to: user'));
    expect(zcopy(['validate', field, '--lang', 'zh']).stdout).toMatch(/steps\[5\]\.event\.from: "pagecache" 不是一个地方/);
    expect(zcopy(['validate', join(dir, 'nowhere.yaml'), '--lang', 'zh']).stdout).toMatch(/nowhere\.yaml: 没有这个文件$/m);
    // A YAML syntax error too: the yaml library says it in English, zcopy in the learner's language, with the code to look up.
    const twice = write('twice-zh.yaml', 'id: x\nid: y\n');
    expect(zcopy(['validate', twice, '--lang', 'zh']).stdout).toMatch(/twice-zh\.yaml:2: YAML 语法错误：同一个键出现了两次（DUPLICATE_KEY）$/m);
    const tabs = zcopy(['learn', '--file', write('tabs-zh.yaml', 'id: x\nsteps:\n\t- a\n'), '--lang', 'zh']);
    expect([tabs.code, tabs.stderr]).toEqual([2, expect.stringMatching(/^zcopy: .*tabs-zh\.yaml:3: YAML 语法错误：.+（[A-Z_]+）\n/)]);
    expect(tabs.stderr).not.toMatch(/[a-z]{4,} [a-z]{4,}/);
  });

  test('a broken, missing, unreadable or huge file: one line on stderr, exit 2, no stack trace', () => {
    const broken = write('broken.yaml', 'id: x\nsteps: [\n');
    const unreadable = write('secret.yaml', readmeExample);
    chmodSync(unreadable, 0o000);
    const huge = write('huge.yaml', `# ${'x'.repeat(1024 * 1024)}\n`);
    const cases: [string, RegExp][] = [
      [broken, /broken\.yaml:\d+: /],
      [join(dir, 'missing.yaml'), /missing\.yaml: no such file/],
      [huge, /huge\.yaml: is \d+ bytes; a lesson may be at most 1048576 \(1 MiB\)/],
    ];
    // root reads any file whatever its mode; the check is meaningful only for other users.
    if (process.getuid?.() !== 0) cases.push([unreadable, /secret\.yaml: permission denied/]);
    for (const [file, message] of cases) {
      for (const command of [['explain', '--file', file], ['learn', '--file', file]]) {
        const r = zcopy(command);
        expect({ command, code: r.code }).toEqual({ command, code: 2 });
        expect(r.stderr.trim().split('\n')[0]).toMatch(message);
        noStackTrace(r.stderr);
      }
    }
  });

  test('YAML tags that would construct objects are refused', () => {
    const file = write('tagged.yaml', `${readmeExample}\nextra: !!js/function "function () { return 1 }"\n`);
    const r = zcopy(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/tag/i);
  });

  test('--json reports each file with its problems', () => {
    const good = write('good.yaml', readmeExample);
    const bad = write('bad.yaml', readmeExample.replace('from: pageCache, to: user', 'from: pagecache, to: user'));
    const rows = JSON.parse(zcopy(['validate', good, bad, '--json']).stdout);
    expect(rows[0]).toMatchObject({ ok: true, id: 'my-read', steps: 7 });
    expect(rows[1].ok).toBe(false);
    expect(rows[1].problems[0]).toMatchObject({ field: 'steps[5].event.from', line: expect.any(Number) });
  });

  test('a scenario and --file together are refused', () => {
    const r = zcopy(['explain', 'sendfile', '--file', write('x.yaml', readmeExample)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('zcopy: give a scenario or --file, not both\n');
  });
});
