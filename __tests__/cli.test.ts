import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, zcopy } from './helpers/cli.js';

const ESC = '\u001b[';
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);

describe('zcopy list', () => {
  test('--json gives {id, aliases, title} for every scenario', () => {
    const r = zcopy(['list', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; aliases: string[]; title: string }[];
    expect(rows.map((x) => x.id)).toEqual(expect.arrayContaining(['traditional', 'mmap', 'sendfile', 'sendfile-sg']));
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['aliases', 'id', 'title']);
    expect(rows.find((x) => x.id === 'sendfile-sg')!.aliases).toContain('sg-dma');
  });

  test('text lists one scenario per line with its title, under its group', () => {
    const r = zcopy(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Zero-copy\n(  \S+ +.+\n)*  sendfile\s+sendfile\(\): file to socket inside the kernel$/m);
  });
});

describe('zcopy explain', () => {
  test('sendfile --json reports the agreed figures (MODEL.md: 1 CPU, 2 DMA, 2 switches, 1 call)', () => {
    const r = zcopy(['explain', 'sendfile', '--json']);
    expect(r.code).toBe(0);
    const x = JSON.parse(r.stdout);
    expect(x.counts).toMatchObject({ cpuCopies: 1, dmaCopies: 2, modeSwitches: 2, syscalls: 1 });
    expect(Object.keys(x.counts).sort()).toEqual(
      ['cpuCopies', 'descriptorCopies', 'dmaCopies', 'interrupts', 'modeSwitches', 'pageFaults', 'syscalls'],
    );
    expect(x.syscalls).toEqual(['sendfile']);
    expect(x).toMatchObject({ id: 'sendfile', since: 'Linux 2.2' });
    expect(x.api[0].signature).toMatch(/^ssize_t sendfile\(int out_fd, int in_fd, off_t \*offset, size_t count\);$/);
    expect(x.steps.map((s: { n: number }) => s.n)).toEqual(x.steps.map((_: unknown, i: number) => i + 1));
    for (const s of x.steps) {
      expect(['user', 'kernel']).toContain(s.mode);
      expect(['cpu', 'dma', 'device']).toContain(s.actor);
      expect(typeof s.event.type).toBe('string');
      expect(s.narration.length).toBeGreaterThan(10);
    }
    expect(x.steps.at(-1).counts).toEqual(x.counts);
    // The one CPU copy is the kernel copying page cache -> socket buffer.
    const cpuSteps = x.steps.filter((s: { mover: string }) => s.mover === 'cpu');
    expect(cpuSteps).toHaveLength(1);
    expect(cpuSteps[0].event).toMatchObject({ from: 'pageCache', to: 'socket' });
    expect(cpuSteps[0].mode).toBe('kernel');
  });

  test('text names every counter and who moves the data, without colour when piped', () => {
    const r = zcopy(['explain', 'sendfile']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toMatch(/^\s+CPU copies\s+1$/m);
    expect(r.stdout).toMatch(/^\s+DMA copies\s+2$/m);
    expect(r.stdout).toMatch(/^\s+Mode switches\s+2$/m);
    expect(r.stdout).toMatch(/^\s+Syscalls\s+1\s+sendfile$/m);
    expect(r.stdout).toMatch(/^\s+6\s+kernel\s+CPU\s+CPU copy: page cache → socket buffer \[A B C D\]/m);
    expect(r.stdout).toMatch(/^\s+1\s+user → kernel\s+CPU\s+system call sendfile\(\)/m);
  });

  test('no line is wider than 80 columns when piped', () => {
    for (const lang of ['en', 'zh']) {
      const r = zcopy(['explain', 'sendfile', '--lang', lang]);
      for (const line of r.stdout.split('\n')) {
        let width = 0;
        for (const ch of line) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/.test(ch) ? 2 : 1;
        expect({ line, fits: width <= 80 }).toEqual({ line, fits: true });
      }
    }
  });

  test('FORCE_COLOR colours a pipe; NO_COLOR wins over it', () => {
    expect(zcopy(['explain', 'sendfile'], { FORCE_COLOR: '1' }).stdout).toContain(ESC);
    expect(zcopy(['explain', 'sendfile'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain(ESC);
  });

  test('--lang zh reads in Chinese, and LANG=zh_CN chooses it by default', () => {
    const zh = zcopy(['explain', 'sendfile', '--lang', 'zh']).stdout;
    expect(zh).toContain('CPU 拷贝');
    expect(zh).toContain('模式切换');
    expect(zh).toContain('陷入内核');
    expect(zh).not.toContain('Mode switches');
    expect(zcopy(['explain', 'sendfile'], { LANG: 'zh_CN.UTF-8' }).stdout).toContain('模式切换');
    expect(zcopy(['explain', 'sendfile', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' }).stdout).toContain('Mode switches');
    expect(zcopy(['explain', 'sendfile', '--json', '--lang', 'zh']).stdout).toContain('sendfile()：在内核里把文件送进 socket');
  });

  test('an alias reaches its scenario', () => {
    const x = JSON.parse(zcopy(['explain', 'sg-dma', '--json']).stdout);
    expect(x.id).toBe('sendfile-sg');
  });

  test('an unknown id: one line, a suggestion, exit 1, no stack trace', () => {
    const r = zcopy(['explain', 'sendfil']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('zcopy: no scenario called "sendfil"; did you mean sendfile?\n');
    const far = zcopy(['explain', 'zzzzzz']);
    expect(far.code).toBe(1);
    expect(far.stderr.trim().split('\n')).toHaveLength(1);
    expect(far.stderr).toContain('zcopy list');
    noStackTrace(far.stderr);
  });

  test('no id: the error lists the ids', () => {
    const r = zcopy(['explain']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^zcopy: explain needs a scenario: .*sendfile/);
  });
});

describe('zcopy compare', () => {
  test('piped: aligned plain text, one row per scenario, with the constraints', () => {
    const r = zcopy(['compare', 'traditional', 'sendfile', 'sendfile-sg']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[┌─│]/);
    const rows = r.stdout.split('\n');
    expect(rows[0]).toMatch(/^Scenario\s+CPU\s+DMA\s+Switches\s+Calls\s+Desc\s+Modify\s+NIC SG\s+Pipe\s+File in$/);
    // read() takes any descriptor, so the input need not be a file.
    expect(rows[1]).toMatch(/^traditional\s+2\s+2\s+4\s+2\s+0\s+yes\s+-\s+-\s+-$/);
    expect(rows[2]).toMatch(/^sendfile\s+1\s+2\s+2\s+1\s+0\s+-\s+-\s+-\s+yes$/);
    expect(rows[3]).toMatch(/^sendfile-sg\s+0\s+2\s+2\s+1\s+1\s+-\s+yes\s+-\s+yes$/);
  });

  test('--json gives the counts and the constraints for every scenario by default', () => {
    const rows = JSON.parse(zcopy(['compare', '--json']).stdout);
    const mmap = rows.find((r: { id: string }) => r.id === 'mmap');
    expect(mmap.counts).toMatchObject({ cpuCopies: 1, dmaCopies: 2, modeSwitches: 4, syscalls: 2 });
    expect(mmap).toMatchObject({ canModify: true, needsPipe: false });
  });

  test('an unknown id in the list is refused with a suggestion', () => {
    const r = zcopy(['compare', 'sendfile', 'mmapp']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/did you mean mmap\?/);
  });
});

describe('the CLI itself', () => {
  test('--version matches package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(zcopy(['--version']).stdout.trim()).toBe(version);
  });

  test('--help lists the commands that exist', () => {
    const r = zcopy(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['list', 'explain', 'compare']) expect(r.stdout).toMatch(new RegExp(`zcopy ${c}`));
  });

  test('an unknown command or option: one line, exit 1', () => {
    for (const args of [['frobnicate'], ['list', '--frob'], ['explain', 'sendfile', '--lang', 'fr']]) {
      const r = zcopy(args);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      noStackTrace(r.stderr);
    }
  });

  test('a reader that stops early ends the output quietly', async () => {
    // Close the read end before zcopy writes, so its write fails with EPIPE.
    const child = spawn(process.execPath, [join(ROOT, 'bin/zcopy.js'), 'explain', 'sendfile'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('the ink table is used only where it draws correctly', () => {
  test('it must fit the screen and hold no wide characters', async () => {
    const { boxedTableFits, tableCells, compareRows } = await import('../src/cli/commands/compare.js');
    const { loadCatalog } = await import('../src/lessons/index.js');
    const catalog = loadCatalog(join(ROOT, 'lessons'));
    const three = compareRows(['sendfile', 'mmap', 'splice'].map((id) => catalog.find(id)!));
    expect(boxedTableFits(tableCells(three, 'en'), 100, 30)).toBe(true);
    expect(boxedTableFits(tableCells(three, 'en'), 60, 30)).toBe(false);
    expect(boxedTableFits(tableCells(three, 'zh'), 200, 30)).toBe(false);
    expect(boxedTableFits(tableCells(compareRows(catalog.lessons), 'en'), 200, 24)).toBe(false);
  });
});

describe('zcopy learn without a terminal', () => {
  test('prints the whole scenario as a transcript: every step with mode, transfer, buffers and counters', () => {
    const r = zcopy(['learn', 'sendfile']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const explained = JSON.parse(zcopy(['explain', 'sendfile', '--json']).stdout);
    const n = explained.steps.length;
    for (let i = 1; i <= n; i++) expect(r.stdout).toContain(`step ${i}/${n}`);
    expect(r.stdout).toContain('CPU: KERNEL (ring 0) · copying');
    expect(r.stdout).toMatch(/socket buffer\s+\[A\]\[B\]\[C\]\[D\]\s+◀══ CPU copy ══ page cache/);
    // The last block ends at the agreed figures (MODEL.md).
    const last = r.stdout.slice(r.stdout.lastIndexOf(`step ${n}/${n}`));
    expect(last).toMatch(/CPU copies 1\b.*DMA copies 2\b.*Mode switches 2\b.*Syscalls 1\b/);
    expect(r.stdout).not.toMatch(/Raw mode/i);
  });

  test('a transcript in Chinese', () => {
    const r = zcopy(['learn', 'splice', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('内核空间');
    expect(r.stdout).toMatch(/管道\s+<A><B><C><D>\s+◀── 页引用 ── 页缓存/);
  });

  test('without a scenario it names them, and exits 1', () => {
    const r = zcopy(['learn']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^zcopy: learn needs a scenario when it is not in a terminal: programmed-io, /);
  });

  test('zcopy with no command in a pipe prints help rather than a menu', () => {
    const r = zcopy([]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('zcopy learn');
  });
});

describe('the README', () => {
  test('its transcript of zcopy explain sendfile is what zcopy prints', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = /```\n\$ zcopy explain sendfile\n([\s\S]*?)```/.exec(readme)![1];
    expect(shown).toBe(zcopy(['explain', 'sendfile']).stdout);
  });
});
