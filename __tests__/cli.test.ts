import { describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { KEYMAP_OF, SCREENS_OF } from '../src/cli/keys-help.js';
import { KEYS_HELP } from '../src/i18n/keys.js';
import { LEARN_CLI } from '../src/i18n/strings.js';
import { displayWidth } from '../src/term/text.js';
import { keyLabel } from '../src/ui/keys.js';
import { ROOT, zcopy, zcopyBin } from './helpers/cli.js';

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
  test('sendfile --json reports the agreed figures (docs/MODEL.md: 1 CPU, 2 DMA, 2 switches, 1 call)', () => {
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
      expect(['cpu', 'dma', 'disk', 'nic']).toContain(s.actor);
      expect(typeof s.event.type).toBe('string');
      expect(s.narration.length).toBeGreaterThan(10);
    }
    expect(x.steps.at(-1).counts).toEqual(x.counts);
    expect(x.job).toBe('send');
    for (const s of x.steps) expect(['setup', 'transfer', 'teardown']).toContain(s.phase);
    // sendfile has no set-up: one call moves each chunk, so every chunk costs the totals.
    expect(x.perTransfer).toEqual(x.counts);
    expect(Object.values(x.setup).every((n) => n === 0)).toBe(true);
    // The NIC reads the socket buffer the CPU copied into; the disk's DMA fills the page cache.
    const dma = x.steps.filter((s: { transfer: { kind: string } | null }) => s.transfer?.kind === 'dma-copy').map((s: { transfer: unknown }) => s.transfer);
    expect(dma).toEqual([
      { kind: 'dma-copy', from: 'disk', to: 'pageCache', via: null, blocks: ['A', 'B', 'C', 'D'] },
      { kind: 'dma-copy', from: 'socket', to: 'nic', via: null, blocks: ['A', 'B', 'C', 'D'] },
    ]);
    // The interrupt rule (docs/MODEL.md): the disk's completion and the NIC's, each named by its device.
    expect(x.counts.interrupts).toBe(2);
    expect(x.steps.filter((s: { event: { type: string } }) => s.event.type === 'raiseInterrupt').map((s: { actor: string }) => s.actor)).toEqual(['dma', 'nic']);
    // The one CPU copy is the kernel copying page cache -> socket buffer.
    const cpuSteps = x.steps.filter((s: { mover: string }) => s.mover === 'cpu');
    expect(cpuSteps).toHaveLength(1);
    expect(cpuSteps[0].event).toMatchObject({ from: 'pageCache', to: 'socket' });
    expect(cpuSteps[0].mode).toBe('kernel');
  });

  test('a gather DMA is drawn from where the bytes are, via the socket buffer\'s descriptors', () => {
    for (const [id, source] of [['sendfile-sg', 'pageCache'], ['splice', 'pageCache'], ['msg-zerocopy', 'pageCache']] as const) {
      const x = JSON.parse(zcopy(['explain', id, '--json']).stdout);
      const toNic = x.steps.find((s: { transfer: { kind: string; to: string } | null }) => s.transfer?.kind === 'dma-copy' && s.transfer.to === 'nic');
      expect({ id, transfer: toNic.transfer }).toMatchObject({ id, transfer: { from: source, via: 'socket' } });
      expect(toNic.does).toMatch(/page cache → NIC \[A B C D\], via the socket buffer/);
    }
  });

  test('phases: set-up calls once, the transfer per chunk (docs/MODEL.md "Phases")', () => {
    const of = (id: string) => JSON.parse(zcopy(['explain', id, '--json']).stdout);
    const splice = of('splice');
    // pipe() once; per chunk splice(file -> pipe) and splice(pipe -> socket): 2 calls, 4 switches.
    expect(splice.counts).toMatchObject({ syscalls: 3, modeSwitches: 6 });
    expect(splice.setup).toMatchObject({ syscalls: 1, modeSwitches: 2 });
    expect(splice.perTransfer).toMatchObject({ syscalls: 2, modeSwitches: 4, cpuCopies: 0 });
    // User-level kernel bypass: per packet 0 system calls, 0 mode switches, 0 interrupts, no CPU copy.
    const bypass = of('kernel-bypass');
    expect(bypass.perTransfer).toMatchObject({ syscalls: 0, modeSwitches: 0, interrupts: 0, cpuCopies: 0, dmaCopies: 2 });
    expect(bypass.counts.cpuCopies).toBe(0);
    // MSG_ZEROCOPY: setsockopt(SO_ZEROCOPY) and the mmap() of the file once; no CPU copy at all.
    const zc = of('msg-zerocopy');
    expect(zc.counts).toMatchObject({ cpuCopies: 0, dmaCopies: 2 });
    expect(zc.steps.filter((s: { phase: string; event: { type: string; name?: string } }) => s.phase === 'setup' && s.event.type === 'syscall').map((s: { event: { name: string } }) => s.event.name)).toEqual(['setsockopt', 'mmap']);
    for (const x of [splice, bypass, zc]) {
      const teardown = x.counts.syscalls - x.setup.syscalls - x.perTransfer.syscalls;
      expect({ id: x.id, teardown }).toEqual({ id: x.id, teardown: 0 });
    }
    const text = zcopy(['explain', 'splice']).stdout;
    expect(text).toMatch(/^\s+total\s+set-up\s+per chunk$/m);
    expect(text).toMatch(/^\s+Mode switches\s+6\s+2\s+4$/m);
    expect(text).toMatch(/^  Set-up, once$/m);
    expect(text).toMatch(/^  Every chunk$/m);
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

  test('a suggestion only when something is close, and by the id the list shows (issue 21)', () => {
    expect(zcopy(['compare', 'foo']).stderr).toBe('zcopy: no scenario called "foo"; run `zcopy list` to see them all\n');
    expect(zcopy(['glossary', 'tlb']).stderr).toBe('zcopy: no glossary term "tlb"; run `zcopy glossary` to see them all\n');
    expect(zcopy(['explain', 'zerocopy']).stderr).toBe('zcopy: no scenario called "zerocopy"; did you mean msg-zerocopy?\n');
    expect(zcopy(['learn', 'sendfile', '--vs', 'nope']).stderr).toBe('zcopy: no scenario called "nope"; run `zcopy list` to see them all\n');
    expect(zcopy(['glossary', 'pinnig', '--lang', 'zh']).stderr).toBe('zcopy: 术语表里没有“pinnig”；你是不是想输入 pinning？\n');
  });

  test('no id: the error lists the ids', () => {
    const r = zcopy(['explain']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^zcopy: explain needs a scenario: .*sendfile/);
  });
});

describe('zcopy compare', () => {
  test('piped: one table of counts per job, never two jobs in one, then what each allows', () => {
    const r = zcopy(['compare', 'direct-io', 'traditional', 'sendfile', 'sendfile-sg', 'splice']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[┌─│]/);
    // Each block: its title, its legend, then the table (header, rows).
    const blocks = r.stdout.split('\n\n').map((b) => b.split('\n')).map((b) => [b[0], ...b.slice(b.findIndex((l) => l.startsWith('Scenario')))]);
    expect(blocks[0][0]).toMatch(/^read: /);
    expect(blocks[0][1]).toMatch(/^Scenario\s+CPU\s+DMA\s+Switches\s+Calls\s+Desc\s+IRQ\s+Faults$/);
    // docs/MODEL.md: direct I/O 0 CPU, 1 DMA, 2 switches, 1 interrupt.
    expect(blocks[0][2]).toMatch(/^direct-io\s+0\s+1\s+2\s+1\s+0\s+1\s+0$/);
    expect(blocks[0]).toHaveLength(3);
    expect(blocks[1][0]).toMatch(/^send: /);
    // docs/MODEL.md's agreed figures; 2 interrupts per chunk with a cold cache (the disk's and the NIC's).
    expect(blocks[1][2]).toMatch(/^traditional\s+2\s+2\s+4\s+2\s+0\s+2\s+0$/);
    expect(blocks[1][3]).toMatch(/^sendfile\s+1\s+2\s+2\s+1\s+0\s+2\s+0$/);
    expect(blocks[1][4]).toMatch(/^sendfile-sg\s+0\s+2\s+2\s+1\s+1\s+2\s+0$/);
    // splice: 6 switches and 3 calls for one chunk, 4 and 2 for every chunk with the pipe reused.
    expect(blocks[1][5]).toMatch(/^splice\s+0\s+2\s+6 \(4\)\s+3 \(2\)\s+2\s+2\s+0$/);
    expect(blocks[2][0]).toMatch(/^What each technique allows or needs$/);
    expect(blocks[2][1]).toMatch(/^Scenario\s+Modify\s+No SG: copy\s+Pipe\s+File in\s+Own device$/);
    expect(blocks[2].find((l) => l.startsWith('splice'))).toMatch(/^splice\s+-\s+yes\s+yes\s+-\s+-$/);
    expect(blocks[2].find((l) => l.startsWith('traditional'))).toMatch(/^traditional\s+yes\s+-\s+-\s+-\s+-$/);
  });

  test('every scenario: each job in a table of its own, within 80 columns, in both languages', () => {
    for (const lang of ['en', 'zh']) {
      const r = zcopy(['compare', '--lang', lang]);
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n');
      expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(80);
      const rows = JSON.parse(zcopy(['compare', '--json']).stdout) as { id: string; job: string }[];
      const tables = r.stdout.split('\n\n').slice(0, 4).map((b) => b.split('\n')).map((b) => b.slice(b.findIndex((l) => /^(Scenario|场景)\s/.test(l)) + 1).map((l) => l.split(/\s+/)[0]));
      expect(tables).toHaveLength(4);
      for (const ids of tables) {
        const jobs = new Set(ids.map((id) => rows.find((x) => x.id === id)!.job));
        expect({ lang, ids, jobs: jobs.size }).toEqual({ lang, ids, jobs: 1 });
      }
      expect(tables.flat().sort()).toEqual(rows.map((x) => x.id).sort());
    }
  });

  test('--json gives each scenario its job, the counts per chunk and its set-up, and the constraints', () => {
    const rows = JSON.parse(zcopy(['compare', '--json']).stdout);
    const mmap = rows.find((r: { id: string }) => r.id === 'mmap');
    expect(mmap.counts).toMatchObject({ cpuCopies: 1, dmaCopies: 2, modeSwitches: 4, syscalls: 2 });
    expect(mmap).toMatchObject({ job: 'send', canModify: true, needsPipe: false, copiesWithoutGather: false, ownsDevice: false });
    // One mmap() of the file before the loop (docs/MODEL.md strace table): per chunk only write().
    expect(mmap.setup).toMatchObject({ syscalls: 1, modeSwitches: 2 });
    expect(mmap.perTransfer).toMatchObject({ syscalls: 1, modeSwitches: 2, cpuCopies: 1, dmaCopies: 2 });
    const bypass = rows.find((r: { id: string }) => r.id === 'kernel-bypass');
    expect(bypass).toMatchObject({ job: 'send', ownsDevice: true, counts: { cpuCopies: 0 } });
    expect(rows.find((r: { id: string }) => r.id === 'msg-zerocopy').counts.cpuCopies).toBe(0);
  });

  test('an unknown id in the list is refused with a suggestion', () => {
    const r = zcopy(['compare', 'sendfile', 'mmapp']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/did you mean mmap\?/);
  });
});

describe('the runner the tests use (helpers/cli.ts)', () => {
  // zcopy() runs main() in a worker of this process; zcopyBin() starts the binary. The suite's
  // hundreds of command lines trust the first, so it must say and exit exactly as the second does:
  // yargs' own output, colours from the environment, standard input, a refusal and its code.
  test.each([
    [['--help'], {}, ''],
    [['--version'], {}, ''],
    [['explain', 'sendfile'], { FORCE_COLOR: '1' }, ''],
    [['explain', 'sendfile'], { NO_COLOR: '1', FORCE_COLOR: '1' }, ''],
    [['--get-yargs-completions', 'zcopy', 'explain', 'sen'], { SHELL: '/usr/bin/zsh' }, ''],
    [['explain', 'zerocopy', '--lang', 'zh'], {}, ''],
    [['quiz', '--seed', '3', '--count', '2'], {}, '1\n2\n'],
    [['trace', '-', '--json'], {}, readFileSync(join(ROOT, 'traces/cp.trace'), 'utf8')],
  ] as [string[], Record<string, string>, string][])('%j %j', (args, env, input) => {
    expect(zcopy(args, env, input)).toEqual(zcopyBin(args, env, input));
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

  test('an option given without its value: one line naming it, exit 1, not an internal error', () => {
    for (const args of [['challenge', '--check'], ['explain', 'sendfile', '--size'], ['learn', 'traditional', '--vs'], ['quiz', '--seed'], ['explain', '--file'], ['lab', '--runs']]) {
      const r = zcopy(args);
      expect({ args, code: r.code, lines: r.stderr.trim().split('\n').length, internal: /internal error/.test(r.stderr) }).toEqual({ args, code: 1, lines: 1, internal: false });
      expect(r.stderr).toContain(args.at(-1)!.replace(/^--/, ''));
      noStackTrace(r.stderr);
    }
    expect(zcopy(['explain', 'sendfile', '--chunk', '--lang', 'zh']).stderr).toBe('zcopy: --chunk 需要一个值；请看 zcopy explain --help\n');
    expect(zcopy(['explain', 'sendfile', '--cache']).stderr).toBe('zcopy: --cache needs a value: cold or warm\n');
  });

  test('a mistyped command gets a suggestion, in the learner\'s language', () => {
    expect(zcopy(['explian', 'sendfile'])).toMatchObject({ code: 1, stderr: 'zcopy: unknown command "explian"; did you mean explain?\n' });
    expect(zcopy(['--lang', 'zh', 'qiuz'])).toMatchObject({ code: 1, stderr: 'zcopy: 没有“qiuz”这个命令；你是不是想输入 quiz？\n' });
    expect(zcopy(['frobnicate']).stderr).toBe('zcopy: unknown command "frobnicate"; see zcopy --help\n');
  });

  test('learn, challenge and sandbox --help list the keys of each screen they open, read off its keymap, in both languages (issue 21)', () => {
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const lang of ['en', 'zh'] as const) {
      for (const [command, screens] of Object.entries(SCREENS_OF)) {
        const r = zcopy([command, '--help', '--lang', lang]);
        expect(r).toMatchObject({ code: 0, stderr: '' });
        const t = KEYS_HELP[lang];
        expect(r.stdout).toContain(t.title);
        for (const screen of screens) {
          // The screen's heading, then each of its keymap's rows: every key of an action, and what it does.
          const at = r.stdout.indexOf(`\n  ${t[screen]}\n`);
          expect({ command, lang, screen, listed: at >= 0 }).toEqual({ command, lang, screen, listed: true });
          const section = r.stdout.slice(at + 1).split('\n\n')[0];
          for (const [action, binding] of Object.entries(KEYMAP_OF[screen])) {
            const keys = binding.keysText ?? binding.keys.map((k) => keyLabel(k, lang)).join(t.between);
            const does = action === 'help' ? t.helpKey : binding.says(lang).does;
            expect(section).toMatch(new RegExp(`^ {4}${escape(keys)} +${escape(does)}$`, 'm'));
          }
        }
      }
    }
    expect(zcopy(['learn', '--help']).stdout).toMatch(/^ {4}→ l space Enter +next step$/m);
  });

  test("a command's --help runs no ink: the keys come from the keymaps alone, and no screen code is imported but lazily", () => {
    // In the bundle a module runs when a static import of it runs, and one reached only through
    // import() when that import is reached: what `zcopy learn --help` runs is the static closure
    // of main.ts and of the command's module.
    const closure = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(?!type\s)(?:[^;']*?from\s*)?'([^']+)'/gm)) {
        if (!spec.startsWith('.')) seen.add(spec);
        else {
          const path = resolve(dirname(file), spec).replace(/\.js$/, '');
          const real = [`${path}.ts`, `${path}.tsx`].find((f) => existsSync(f));
          if (real) closure(real, seen);
        }
      }
      return seen;
    };
    const screenCode = (files: Set<string>) => [...files].filter((f) => /^(ink|react|@alcalzone\/ink-table)$/.test(f) || f.endsWith('.tsx'));
    expect(screenCode(closure(join(ROOT, 'src/ui/app/session.tsx')))).toContain('ink');
    for (const command of Object.keys(SCREENS_OF)) {
      const statics = new Set([...closure(join(ROOT, 'src/cli/main.ts')), ...closure(join(ROOT, `src/cli/commands/${command}.ts`))]);
      expect(statics.has(join(ROOT, 'src/cli/keys-help.ts'))).toBe(true);
      expect({ command, screenCode: screenCode(statics) }).toEqual({ command, screenCode: [] });
    }
  });

  test('completion: a script for bash or zsh, and --help', () => {
    const help = zcopy(['completion', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^zcopy completion \[shell\]/);
    expect(zcopy(['completion', 'zsh']).stdout).toMatch(/^#compdef zcopy\n[\s\S]*compdef _zcopy_yargs_completions zcopy/);
    expect(zcopy(['completion'], { SHELL: '/usr/bin/zsh' }).stdout).toBe(zcopy(['completion', 'zsh']).stdout);
    expect(zcopy(['completion'], { SHELL: '/bin/bash' }).stdout).toBe(zcopy(['completion', 'bash']).stdout);
    expect(zcopy(['completion', 'fish']).stdout).toMatch(/^###-begin-zcopy-completions-###\n[\s\S]*complete -c zcopy /);
    expect(zcopy(['completion'], { SHELL: '/usr/bin/fish' }).stdout).toBe(zcopy(['completion', 'fish']).stdout);
    const tcsh = zcopy(['completion', 'tcsh']);
    expect(tcsh.code).toBe(1);
    expect(tcsh.stderr.trim().split('\n')).toHaveLength(1);
    // A $SHELL with no script is told which shells have one, never handed bash's in silence (issue 21).
    expect(zcopy(['completion'], { SHELL: '/bin/tcsh' })).toMatchObject({ code: 1, stdout: '', stderr: 'zcopy: completion scripts are for bash, zsh or fish, not tcsh: name one, as in zcopy completion bash\n' });
    expect(zcopy(['completion', '--lang', 'zh'], { SHELL: '/bin/tcsh' }).stderr).toBe('zcopy: 补全脚本只有 bash、zsh 或 fish 的，没有 tcsh 的：请指明一个，例如 zcopy completion bash\n');
    // What the zsh script asks for: words with their descriptions, which _describe shows.
    const zshWords = zcopy(['--get-yargs-completions', 'zcopy', 'ex'], { SHELL: 'zsh' }).stdout;
    expect(zshWords).toMatch(/^explain:print one scenario/m);
  });

  test('the bash script completes commands and scenario ids in a real bash', () => {
    // `zcopy` on PATH, as after the README's quick start.
    const bin = mkdtempSync(join(tmpdir(), 'zcopy-bin-'));
    writeFileSync(join(bin, 'zcopy'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/zcopy.js')}" "$@"\n`, { mode: 0o755 });
    const complete = (words: string[]) =>
      spawnSync('bash', ['--norc', '-c', `source <(zcopy completion bash); COMP_WORDS=(${words.join(' ')}); COMP_CWORD=${words.length - 1}; _zcopy_yargs_completions; printf '%s\\n' "\${COMPREPLY[@]}"`], {
        env: { PATH: `${bin}:${process.env.PATH}`, HOME: tmpdir(), LANG: 'C.UTF-8' },
        encoding: 'utf8',
        timeout: 20_000,
      }).stdout.split('\n').filter(Boolean);
    expect(complete(['zcopy', 'expl'])).toEqual(['explain']);
    // Ids, without every alias; an alias only where no id begins with what is typed (issue 21).
    expect(complete(['zcopy', 'explain', 'sendfile-'])).toEqual(['sendfile-sg']);
    expect(complete(['zcopy', 'explain', 'sg'])).toEqual(['sg-dma']);
    expect(complete(['zcopy', 'compare', 'sendfile', 'sp'])).toEqual(['splice']);
    // An option's value, not another option in its place.
    expect(complete(['zcopy', 'quiz', '--kind', "''"])).toEqual(['counts', 'mover', 'mode', 'next', 'where', 'fits', 'fewer', 'reverse']);
    expect(complete(['zcopy', 'quiz', '--kind', 'f'])).toEqual(['fits', 'fewer']);
    expect(complete(['zcopy', 'learn', 'sendfile', '--cache', "''"])).toEqual(['cold', 'warm']);
    expect(complete(['zcopy', 'learn', 'sendfile', '--vs', 'spl'])).toEqual(['splice']);
    expect(complete(['zcopy', 'quiz', '--count', "''"])).toEqual([]);
    expect(complete(['zcopy', 'challenge', 'enc'])).toEqual(['encrypt-one-copy', 'encrypt-zero-copy']);
    expect(complete(['zcopy', 'sand'])).toEqual(['sandbox']);
  });

  test("in Chinese, a bad command line is said in zcopy's own words, with what it takes, and a piped quiz ends with 得分", () => {
    const zh = (args: string[], input?: string) => zcopy(['--lang', 'zh', ...args], {}, input);
    expect(zh(['validate']).stderr).toBe('zcopy: 缺少参数；用法：zcopy validate <files..>\n');
    expect(zh(['explain', 'sendfile', 'extra']).stderr).toBe('zcopy: 多余的参数“extra”；用法：zcopy explain [scenario]\n');
    // Words after a command that takes none are refused, not dropped (issue 21).
    expect(zh(['challenge', '--list', 'zzz'])).toMatchObject({ code: 1, stdout: '', stderr: 'zcopy: 多余的参数“zzz”；用法：zcopy challenge --list [--json]\n' });
    expect(zcopy(['challenge', '--list', 'zzz'])).toMatchObject({ code: 1, stdout: '', stderr: 'zcopy: unexpected argument "zzz"; usage: zcopy challenge --list [--json]\n' });
    expect(zh(['sandbox', '--out', 'x.yaml', 'extra'], '')).toMatchObject({ code: 1, stdout: '', stderr: 'zcopy: 多余的参数“extra”；用法：zcopy sandbox\n' });
    expect(zcopy(['sandbox', '--out', 'x.yaml', 'extra'], {}, '')).toMatchObject({ code: 1, stdout: '', stderr: 'zcopy: unexpected argument "extra"; usage: zcopy sandbox\n' });
    expect(zh(['completion', 'tcsh']).stderr).toBe('zcopy: completion 只能是 bash、zsh 或 fish，不能是“tcsh”\n');
    expect(zh(['completion', '--help']).stdout).toContain('位置参数：');
    expect(zh(['quiz', '--seed', '7', '--count', '2'], 'a\na\n').stdout.trimEnd().split('\n').at(-1)).toMatch(/^得分：\d\/2$/);
    expect(zcopy(['validate']).stderr).toBe('zcopy: an argument is missing; usage: zcopy validate <files..>\n');
    expect(zcopy(['learn', 'x', '--json']).stderr).toBe('zcopy: unknown option --json; see zcopy learn --help\n');
    expect(zcopy(['learn', 'sendfile', '--stpe', '3']).stderr).toBe('zcopy: unknown option --stpe; did you mean --step?\n');
    expect(zcopy(['--lang', 'fr'])).toMatchObject({ code: 1, stdout: '', stderr: 'zcopy: --lang takes en or zh, not "fr"\n' });
    expect(zcopy(['list', '--lang'])).toMatchObject({ code: 1, stderr: 'zcopy: --lang needs a value: en or zh\n' });
    expect(zcopy(['--frob'])).toMatchObject({ code: 1, stdout: '', stderr: 'zcopy: unknown option --frob; see zcopy --help\n' });
  });

  test('-v does what -V does', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(zcopy(['-v'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('the fish script parses, and completes commands, options, scenario and level ids and quiz kinds in a real fish (issue 21)', () => {
    const bin = mkdtempSync(join(tmpdir(), 'zcopy-bin-'));
    try {
      writeFileSync(join(bin, 'zcopy'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/zcopy.js')}" "$@"\n`, { mode: 0o755 });
      const script = join(bin, 'zcopy.fish');
      writeFileSync(script, zcopy(['completion', 'fish']).stdout);
      const fish = (args: string[]) => spawnSync('fish', ['--no-config', ...args], { env: { PATH: `${bin}:${process.env.PATH}`, HOME: bin, LANG: 'C.UTF-8' }, encoding: 'utf8', timeout: 20_000 });
      expect(fish(['-n', script])).toMatchObject({ status: 0, stderr: '' });
      // `complete -C` prints what fish would offer at the end of the line: a word, then a tab and its description.
      const complete = (line: string) =>
        fish(['-c', `source ${script}; complete -C '${line}'`])
          .stdout.split('\n')
          .filter(Boolean)
          .map((l) => l.split('\t')[0]);
      expect(complete('zcopy expl')).toEqual(['explain']);
      expect(complete('zcopy learn --ca')).toEqual(['--cache']);
      expect(complete('zcopy explain sendfile-')).toEqual(['sendfile-sg']);
      expect(complete('zcopy quiz --kind ')).toEqual(expect.arrayContaining(['counts', 'mover', 'mode', 'next', 'where', 'fits', 'fewer', 'reverse']));
      expect(complete('zcopy quiz --kind ')).toHaveLength(8);
      expect(complete('zcopy challenge enc')).toEqual(['encrypt-one-copy', 'encrypt-zero-copy']);
      // Where zcopy has no words (a file), fish offers paths.
      expect(complete(`zcopy validate ${join(bin, 'zcopy.f')}`)).toEqual([script]);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  test("no command's --help prints yargs' default of an empty list ([default: []]) for its positional list", () => {
    const commands = zcopy(['--help']).stdout.match(/^ {2}zcopy (\w+)/gm)!.map((l) => l.trim().split(' ')[1]);
    for (const lang of ['en', 'zh']) {
      const shown = commands.map((c) => [c, zcopy([c, '--help', '--lang', lang]).stdout.match(/\[(?:default|默认值)[:：] ?\[\]\]/g)]);
      expect(shown.filter(([, found]) => found)).toEqual([]);
    }
  });

  test('every command, with each option missing its value, given a wrong one, and an unknown option: one line of zcopy\'s, never yargs\' (issue 21)', () => {
    const YARGS_TEXT = /Not enough|non-option|Unknown argument|Invalid values|Argument:|Given:|Choices:|参数不够|无法识别|值无效|没有提供足够的值|可选值/;
    const commands = zcopy(['--help']).stdout.match(/^ {2}zcopy (\w+)/gm)!.map((l) => l.trim().split(' ')[1]);
    expect(commands).toEqual(expect.arrayContaining(['learn', 'quiz', 'validate', 'lab', 'completion']));
    const cases: string[][] = [['validate'], ['completion', 'tcsh'], ['--lang', 'fr'], ['--lang']];
    for (const command of commands) {
      // Each option's entry in the help: its name, and whether it is a flag (a flag takes no value to miss).
      const help = zcopy([command, '--help']).stdout;
      const entries = help.split(/\n(?=\s+(?:-\w, )*--)/).slice(1);
      for (const entry of entries) {
        const option = /--[\w-]+/.exec(entry)![0];
        if (['--help', '--version', '--lang'].includes(option)) continue;
        if (!/\[boolean\]/.test(entry)) cases.push([command, option]);
        cases.push([command, option, 'zzz-wrong']);
      }
      cases.push([command, '--no-such-option']);
    }
    expect(cases.length).toBeGreaterThan(60);
    for (const args of cases) {
      // About 150 command lines: each is main() in this process's worker (helpers/cli.ts), not a Node's start.
      const r = zcopy([...args, '--lang', 'zh']);
      const lines = r.stderr.split('\n').filter(Boolean);
      // A file that is not there is a file problem (exit 2, as the README's table says); everything else is usage, exit 1.
      const file = args.some((a) => ['--file', '--check', 'validate', 'trace'].includes(a)) && args.includes('zzz-wrong');
      // Asked for JSON, a file's problems are in the JSON.
      const quiet = r.code === 0 || (file && args.includes('--json'));
      const seen = { args, yargs: YARGS_TEXT.test(r.stderr), lines: quiet ? lines.length <= 1 : lines.length, twice: /zcopy: zcopy /.test(r.stderr) };
      expect(seen).toEqual({ args, yargs: false, lines: quiet ? true : 1, twice: false });
      if (r.code !== 0) expect({ args, code: r.code === 2 && file ? 1 : r.code }).toEqual({ args, code: 1 });
      // A value that is missing is never taken for nothing.
      if (!args.includes('zzz-wrong') && args.length > 1 && args[1].startsWith('--')) expect({ args, code: r.code }).toEqual({ args, code: 1 });
    }
  });

  test('a piped transcript asks for no key', () => {
    for (const lang of ['en', 'zh']) {
      const out = zcopy(['learn', 'sendfile', '--lang', lang]).stdout;
      expect({ lang, keys: out.match(/Press|press|按 →|按任意键/g) }).toEqual({ lang, keys: null });
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
    const { boxedTableFits, countTables, compareRows } = await import('../src/present/compare.js');
    const { loadCatalog } = await import('../src/lessons/index.js');
    const catalog = loadCatalog(join(ROOT, 'lessons'));
    const [three] = countTables(compareRows(['sendfile', 'mmap', 'splice'].map((id) => catalog.find(id)!)), 'en');
    expect(boxedTableFits(three.cells, 100, 30)).toBe(true);
    expect(boxedTableFits(three.cells, 50, 30)).toBe(false);
    const [threeZh] = countTables(compareRows(['sendfile', 'mmap', 'splice'].map((id) => catalog.find(id)!)), 'zh');
    expect(boxedTableFits(threeZh.cells, 200, 30)).toBe(false);
    const send = countTables(compareRows(catalog.lessons), 'en').find((t) => t.cells.length === 8)!;
    expect(boxedTableFits(send.cells, 200, 18)).toBe(false);
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
    // The last block ends at the agreed figures (docs/MODEL.md).
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

  test('--play piped: one line on stderr that play needs a terminal, then the transcript it prints without --play, exit 0 (as --predict piped)', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const args of [['learn', 'sendfile'], ['learn', 'traditional', '--vs', 'sendfile']]) {
        const plain = zcopy([...args, '--lang', lang]);
        const played = zcopy([...args, '--play', '--speed', '2', '--lang', lang]);
        expect({ args, lang, code: played.code, stderr: played.stderr }).toEqual({ args, lang, code: 0, stderr: `zcopy: ${LEARN_CLI[lang].playNeedsTerminal}\n` });
        expect(played.stdout).toBe(plain.stdout);
      }
    }
  });

  test('--speed takes a number from 0.25 to 4; anything else is one line in the learner\'s language naming what is accepted, exit 1', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const bad of ['0', '5', '-1', 'fast', '0.1', '2x']) {
        const r = zcopy(['learn', 'sendfile', '--play', `--speed=${bad}`, '--lang', lang]);
        expect({ bad, lang, code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({ bad, lang, code: 1, stderr: `zcopy: ${LEARN_CLI[lang].badSpeed(0.25, 4, bad)}\n`, stdout: '' });
      }
    }
    expect(zcopy(['learn', 'sendfile', '--speed', 'fast']).stderr).toBe('zcopy: --speed must be a number from 0.25 to 4 (2 is twice as fast, 0.5 half; default 1), not "fast"\n');
    for (const good of ['0.25', '4', '1.5']) expect(zcopy(['learn', 'sendfile', '--play', '--speed', good]).code).toBe(0);
  });

  test('--play from the last step has nothing to play: one line saying so, exit 1', () => {
    const n = JSON.parse(zcopy(['explain', 'sendfile', '--json']).stdout).steps.length;
    const r = zcopy(['learn', 'sendfile', '--play', '--step', String(n)]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `zcopy: ${LEARN_CLI.en.nothingToPlay('sendfile', n)}\n` });
    expect(zcopy(['learn', 'sendfile', '--play', '--step', String(n - 1)]).code).toBe(0);
  });
});

describe('the README', () => {
  test('every command in its Examples works as typed, from a clone, piped (issue 21)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /## Examples\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1];
    const commands = block.split('\n').filter((l) => l.startsWith('zcopy ')).map((l) => l.replace(/\s+#.*$/, '').split(/\s+/).slice(1));
    expect(commands.length).toBeGreaterThan(8);
    const home = mkdtempSync(join(tmpdir(), 'zcopy-readme-'));
    try {
      for (const args of commands) {
        // A learner's answers, for the quiz; the other commands read nothing.
        const r = spawnSync(process.execPath, [join(ROOT, 'bin/zcopy.js'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8' }, encoding: 'utf8', timeout: 20_000, input: 'a\n'.repeat(10) });
        expect({ args, code: r.status, stderr: r.stderr, printed: r.stdout.length > 0 }).toEqual({ args, code: 0, stderr: '', printed: true });
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  test('its transcript of zcopy explain sendfile is what zcopy prints', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = /```\n\$ zcopy explain sendfile\n([\s\S]*?)```/.exec(readme)![1];
    expect(shown).toBe(zcopy(['explain', 'sendfile']).stdout);
  });
});

describe("the README's JSON contracts name what the commands print", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const contract = (command: string) => {
    const at = readme.indexOf(`- \`${command}`, readme.indexOf('### JSON contracts'));
    expect(at).toBeGreaterThan(0);
    return readme.slice(at, readme.indexOf('\n- ', at + 1)).replace(/\s+/g, ' ');
  };
  const named = (text: string, key: string) => new RegExp(`[{ ]${key}[:,}?]`).test(text);

  test('zcopy trace --json: every key of the report and of a flow', () => {
    const text = contract('zcopy trace FILE --json');
    const report = JSON.parse(zcopy(['trace', join(ROOT, 'traces/http-server.trace'), '--json']).stdout);
    // A flow through a pipe has a `via`; an `other` flow says what was `seen`.
    const [piped] = JSON.parse(zcopy(['trace', join(ROOT, 'traces/pipe.trace'), '--json']).stdout).flows;
    const [aio] = JSON.parse(zcopy(['trace', join(ROOT, 'traces/aio.trace'), '--json']).stdout).flows;
    expect([Object.keys(piped.via), aio.seen]).toEqual([['fd', 'path', 'kind'], 'io_submit']);
    for (const key of [...Object.keys(report), ...Object.keys(report.flows[0]), ...Object.keys(piped), ...Object.keys(aio), ...Object.keys(report.lines)]) expect({ key, named: named(text, key) }).toEqual({ key, named: true });
  });

  test('zcopy grade --json: every key of a student, an answer and a question', () => {
    const text = contract('zcopy grade answers.csv --json');
    const dir = mkdtempSync(join(tmpdir(), 'zcopy-contract-'));
    const key = JSON.parse(zcopy(['quiz', '--reveal', '--json', '--seed', '4', '--count', '2']).stdout) as { answer: string; choices: string[] }[];
    const wrong = (k: { answer: string; choices: string[] }) => (k.choices.length ? (k.answer === 'a' ? 'b' : 'a') : String(Number(k.answer) + 1));
    writeFileSync(join(dir, 'a.csv'), `student,seed,q1,q2\nAda,4,${key[0].answer},${key[1].answer}\nBob,4,${wrong(key[0])},${wrong(key[1])}\n`);
    const g = JSON.parse(zcopy(['grade', join(dir, 'a.csv'), '--count', '2', '--json']).stdout);
    const keys = [...Object.keys(g), ...Object.keys(g.students[0]), ...Object.keys(g.students[0].answers[0]), ...Object.keys(g.questions[0]), ...Object.keys(g.questions[0].mostCommonWrong)];
    for (const k of keys) expect({ key: k, named: named(text, k) }).toEqual({ key: k, named: true });
    rmSync(dir, { recursive: true });
  });
});
