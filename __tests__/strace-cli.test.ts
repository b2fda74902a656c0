import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, zcopy } from './helpers/cli.js';

const BIN = fileURLToPath(new URL('../bin/zcopy.js', import.meta.url));
const TRACES = join(ROOT, 'traces');
const scratch = mkdtempSync(join(tmpdir(), 'zcopy-trace-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface JsonFlow {
  from: { fd: number; path: string | null; kind: string };
  to: { fd: number; path: string | null; kind: string };
  technique: string;
  job: 'send' | 'read' | null;
  lesson: string | null;
  calls: Record<string, number>;
  bytes: number;
  chunk: number;
  model: { counts: Record<string, number> | null; perChunk: Record<string, number> | null; formula: Record<string, string> | null } | null;
  alternatives: { technique: string; lesson: string | null; counts: Record<string, number>; saving: Record<string, number> | null }[];
  command: string | null;
}
const flowsOf = (stdout: string) => (JSON.parse(stdout) as { flows: JsonFlow[] }).flows;

describe('zcopy trace FILE', () => {
  test("http.server's trace: read and sendto in 64 KiB chunks, the model's counts with their formula (docs/MODEL.md: read + write is 2 CPU copies, 2 DMA copies, 4 mode switches and 2 calls a chunk), and what sendfile saves", () => {
    const r = zcopy(['trace', join(TRACES, 'http-server.trace')]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Technique: read-write (lesson traditional)');
    expect(r.stdout).toContain('Calls: read x 4, sendto x 4');
    // Captured on loopback: the report says no network card moved the bytes, though the model counts the send job.
    expect(r.stdout).toMatch(/The connection is loopback, this machine to itself: no network card moves/);
    expect(r.stdout).toMatch(/CPU copies\s+8\s+= 4 x 2/);
    expect(r.stdout).toMatch(/Mode switches\s+16\s+= 4 x 4/);
    expect(r.stdout).toMatch(/sendfile: CPU copies 4, DMA copies 8, Mode switches 8, Syscalls 4,\s+Interrupts 8; saves 4 CPU copies, 8 mode switches, 4 system calls/);
    expect(r.stdout).toContain('zcopy learn traditional --size 200000 --chunk 64K');
    expect(r.stdout).toContain('the page cache');
  });

  test('--json prints the contract of docs/REFERENCE.md', () => {
    const r = zcopy(['trace', '--json', join(TRACES, 'http-server.trace')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['flows', 'lines']);
    expect(out.lines).toEqual({ read: 1652, understood: 1652, skipped: 0 });
    const [f] = out.flows as JsonFlow[];
    expect(f).toMatchObject({ from: { fd: 5, path: '/tmp/zc/www/page.bin', kind: 'file' }, to: { fd: 4, kind: 'socket' }, technique: 'read-write', job: 'send', lesson: 'traditional', calls: { read: 4, sendto: 4 }, bytes: 200000, chunk: 65536 });
    expect(f.model?.perChunk).toMatchObject({ cpuCopies: 2, dmaCopies: 2, modeSwitches: 4, syscalls: 2 });
    expect(f.model?.formula?.syscalls).toBe('4 x 2');
    expect(Object.keys(f.model?.counts ?? {})).toEqual(['cpuCopies', 'dmaCopies', 'modeSwitches', 'syscalls', 'descriptorCopies', 'interrupts', 'pageFaults']);
    expect(f.alternatives.find((a) => a.technique === 'sendfile')).toMatchObject({ lesson: 'sendfile', saving: { cpuCopies: 4, modeSwitches: 8, syscalls: 4 } });
  });

  test(`each flow is read within its job (docs/MODEL.md, "Jobs"): cp's copy to a file gets no send-job figures; dd's O_DIRECT reads to /dev/null are the read job, the writes named as not counted`, () => {
    const cp = zcopy(['trace', join(TRACES, 'cp.trace')]);
    expect(cp.stdout).toContain('No lesson does this job (file to file)');
    expect(cp.stdout).not.toMatch(/CPU copies|Sending the same bytes/);
    // Nothing here goes to a network card: what a trace cannot tell leaves the card out.
    expect(cp.stdout).toMatch(/What a trace cannot tell: whether the page cache held the file .*\n.*and copies a device makes on its own\./);
    expect(cp.stdout).not.toMatch(/gathers/);
    const dd = zcopy(['trace', join(TRACES, 'dd-direct.trace')]);
    // 5 chunks of 64 KiB read with O_DIRECT: 1 DMA copy, no CPU copy, 2 mode switches and 1 call each.
    expect(dd.stdout).toMatch(/CPU copies\s+0\s+= 5 x 0/);
    expect(dd.stdout).toMatch(/DMA copies\s+5\s+= 5 x 1/);
    expect(dd.stdout).toMatch(/Not counted: write x 5 to \/dev\/null/);
    expect(dd.stdout).toMatch(/Reading the same bytes[^]*- read-write \(lesson dma-io\): CPU copies 5,[^]*costs 5 CPU copies more/);
    expect(dd.stdout).not.toMatch(/- (?:mmap-write|sendfile|splice|msg-zerocopy)/);
    const zh = zcopy(['trace', '--lang', 'zh', join(TRACES, 'cp.trace')]);
    expect(zh.stdout).toContain('没有课程做这个任务（文件到文件）');
    // cat | python3 sending to a socket: the send job, but the pipe's copies are no lesson's.
    const pipe = zcopy(['trace', join(TRACES, 'pipe.trace')]);
    expect(pipe.stdout).toMatch(/No lesson counts this flow whole: the pipe between the two processes adds/);
    // cat's reads of the file and writes into the pipe, then Python's reads of the pipe and its one send.
    expect(pipe.stdout).toContain('Calls: read x 3, write x 3 into the pipe; read x 17, sendto x 1 out of it');
    expect(pipe.stdout).toMatch(/Sending the same bytes by the other techniques/);
    expect(pipe.stdout).not.toMatch(/The model at this size and chunk/);
  });

  test('--help names the files without a default of [] (none given: one line saying what to give, exit 1)', () => {
    for (const lang of ['en', 'zh']) {
      const help = zcopy(['trace', '--help', '--lang', lang]).stdout;
      expect(help).toMatch(/^ {2}files {2}\S.*\[(?:array|数组)\]$/m);
      expect(help).not.toMatch(/\[(?:default|默认值)/);
    }
    expect(zcopy(['trace'])).toMatchObject({ code: 1, stderr: 'zcopy: give a trace file, - for standard input, or -- COMMAND [ARGS...] to trace a command\n' });
  });

  test('- reads standard input; -ff files are read together', () => {
    const r = zcopy(['trace', '--json', '-'], {}, readFileSync(join(TRACES, 'cp.trace'), 'utf8'));
    expect(flowsOf(r.stdout).map((f) => [f.technique, f.calls, f.bytes, f.job, f.model])).toEqual([['copy-file-range', { copy_file_range: 1 }, 300000, null, null]]);
    const ff = readdirSync(TRACES).filter((n) => n.startsWith('py-sendfile-ff.trace.')).map((n) => join(TRACES, n));
    expect(ff).toHaveLength(2);
    const both = zcopy(['trace', '--json', ...ff]);
    expect(flowsOf(both.stdout).map((f) => [f.technique, f.calls, f.bytes])).toEqual([['sendfile', { sendfile: 1 }, 300000]]);
  });

  test('in Chinese', () => {
    const r = zcopy(['trace', '--lang', 'zh', join(TRACES, 'py-sendfile.trace')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('技术：sendfile（课程 sendfile）');
    expect(r.stdout).toContain('zcopy learn sendfile --size 300000 --chunk 300000');
    // splice's rounds through its pipe, said where its counts would otherwise read as more DMA.
    expect(r.stdout.replace(/\n\s*/g, '')).toContain('- splice（每段 5 轮：一次调用最多搬运管道的 64 KiB，每一轮各有一次读盘和一次发送）');
  });

  test('a file that is not a trace, a binary, a missing file: one line and exit 2; nothing to read: exit 1', () => {
    const bin = join(scratch, 'blob.bin');
    writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xff, 0xfe, 10, 0, 0]));
    for (const [file, says] of [
      [join(ROOT, 'docs', 'MODEL.md'), /MODEL\.md is not an strace trace.*strace -f -yy -T -o FILE COMMAND/],
      [bin, /blob\.bin is binary, not an strace trace/],
      [join(scratch, 'nowhere.trace'), /cannot read .*nowhere\.trace: no such file/],
    ] as const) {
      const r = zcopy(['trace', file]);
      expect([r.code, r.stdout, r.stderr.split('\n').length]).toEqual([2, '', 2]);
      expect(r.stderr).toMatch(says);
    }
    const none = zcopy(['trace']);
    expect([none.code, none.stdout]).toEqual([1, '']);
    expect(none.stderr).toContain('-- COMMAND');
  });

  test('without strace, -- COMMAND says so in one line and how to install it (exit 3)', () => {
    const empty = join(scratch, 'empty-path');
    mkdirSync(empty, { recursive: true });
    const r = zcopy(['trace', '--', 'true'], { PATH: empty });
    expect([r.code, r.stdout, r.stderr.split('\n').length]).toEqual([3, '', 2]);
    expect(r.stderr).toMatch(/strace, which is not installed; install it/);
  });

  test('where ptrace is refused (a container without SYS_PTRACE), strace\'s complaint in one line, and how to allow it (exit 3)', () => {
    const fake = join(scratch, 'fake-strace');
    mkdirSync(fake, { recursive: true });
    // What strace 6 prints in a container that forbids ptrace.
    writeFileSync(join(fake, 'strace'), '#!/bin/sh\n[ "$1" = -V ] && exit 0\necho "strace: test_ptrace_get_syscall_info: PTRACE_TRACEME: Operation not permitted" >&2\necho "strace: ptrace(PTRACE_TRACEME, ...): Operation not permitted" >&2\nexit 1\n', { mode: 0o755 });
    const r = zcopy(['trace', '--', 'true'], { PATH: fake });
    expect([r.code, r.stdout, r.stderr.split('\n').length]).toEqual([3, '', 2]);
    expect(r.stderr).toMatch(/strace may not trace here \(test_ptrace_get_syscall_info: PTRACE_TRACEME: Operation not permitted\); allow ptrace/);
  });
});

/** zcopy trace --json -- COMMAND, run for real under strace. */
function traceRun(command: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, 'trace', '--json', '--', ...command], { cwd, encoding: 'utf8', env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: scratch, LANG: 'C.UTF-8' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin';

/** A loopback port nothing listens on. */
function freePort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

/** zcopy trace --json -- SERVER, one request made to `url` once it answers, then Ctrl-C: the report of what was captured. */
async function traceServer(command: string[], url: string) {
  const child = spawn(process.execPath, [BIN, 'trace', '--json', '--', ...command], { cwd: scratch, env: { PATH: SYSTEM_PATH, HOME: scratch, LANG: 'C.UTF-8' } });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let fetched = 0;
  for (let i = 0; i < 100 && !fetched; i++) {
    fetched = await fetch(url)
      .then(async (res) => (await res.arrayBuffer()).byteLength)
      .catch(() => new Promise<number>((r) => setTimeout(() => r(0), 50)));
  }
  child.kill('SIGINT');
  return { code: await done, stdout, fetched };
}

describe('zcopy trace -- COMMAND, real programs under strace', () => {
  const dir = join(scratch, 'programs');
  mkdirSync(join(dir, 'www'), { recursive: true });
  const payload = Buffer.alloc(300000, 7);
  writeFileSync(join(dir, 'file.bin'), payload);
  writeFileSync(join(dir, 'blocks.bin'), Buffer.alloc(5 * 65536, 3));
  writeFileSync(join(dir, 'www', 'page.bin'), Buffer.alloc(200000, 9));

  test('cat into a file: the whole file moves, by copy_file_range (coreutils 9) or read and write (older)', () => {
    const r = traceRun(['sh', '-c', 'cat file.bin > out.bin'], dir);
    expect(r.code).toBe(0);
    const [f, ...rest] = flowsOf(r.stdout);
    expect(rest).toEqual([]);
    expect([f.bytes, f.from.path?.endsWith('file.bin'), f.to.path?.endsWith('out.bin')]).toEqual([300000, true, true]);
    expect(['copy-file-range', 'read-write']).toContain(f.technique);
  });

  test("piped, the command's own output goes to standard error and the report alone to the pipe; its output to zcopy is a UNIX socket, no lesson's job", () => {
    writeFileSync(join(dir, 'words.txt'), 'the words cat prints\n');
    const r = spawnSync(process.execPath, [BIN, 'trace', '--', 'cat', 'words.txt'], { cwd: dir, encoding: 'utf8', env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: scratch, LANG: 'C.UTF-8' }, timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^cat words\.txt: \d+ lines read/);
    expect(r.stdout).not.toContain('the words cat prints');
    expect(r.stderr).toBe('the words cat prints\n');
    expect(r.stdout).toMatch(/No lesson does this job \(file to UNIX socket\)/);
  });

  test('cp: the whole file moves, by copy_file_range (coreutils 9: one call for the 300000 bytes) or read and write (older)', () => {
    const r = traceRun(['cp', 'file.bin', 'copy.bin'], dir);
    expect(r.code).toBe(0);
    const [f, ...rest] = flowsOf(r.stdout);
    expect(rest).toEqual([]);
    expect([f.bytes, f.from.kind, f.to.kind, f.from.path?.endsWith('file.bin'), f.to.path?.endsWith('copy.bin')]).toEqual([300000, 'file', 'file', true, true]);
    if (f.technique === 'copy-file-range') expect(f.calls).toEqual({ copy_file_range: 1 });
    else expect(f.technique).toBe('read-write');
  });

  test('dd bs=64k from a file into a file: read and write, file to file, ceil(300000 / 65536) = 5 of each', () => {
    const r = traceRun(['dd', 'if=file.bin', 'of=dd.bin', 'bs=64k'], dir);
    expect(r.code).toBe(0);
    expect(flowsOf(r.stdout).map((f) => [f.technique, f.from.kind, f.to.kind, f.calls, f.bytes, f.chunk])).toEqual([['read-write', 'file', 'file', { read: 5, write: 5 }, 300000, 65536]]);
  });

  test('splice, mmap and MSG_ZEROCOPY from Python (traces/techniques.py) to a local socket: each found by its calls, with the counts docs/MODEL.md gives', () => {
    copyFileSync(join(TRACES, 'techniques.py'), join(dir, 'techniques.py'));
    const found = (technique: string) => {
      const r = traceRun(['python3', '-s', 'techniques.py', technique], dir);
      expect(r.code).toBe(0);
      return flowsOf(r.stdout);
    };
    // 300,000 bytes in 64 KiB chunks: 5 chunks.
    const [splice] = found('splice');
    expect([splice.technique, splice.calls, splice.bytes]).toEqual(['splice', { splice: 10 }, 300000]);
    // splice: no CPU copy; per chunk 2 calls and 4 mode switches, the pipe made once.
    expect(splice.model?.perChunk).toMatchObject({ cpuCopies: 0, syscalls: 2, modeSwitches: 4 });
    expect(splice.model?.counts).toMatchObject({ cpuCopies: 0, syscalls: 11 });
    const [mapped] = found('mmap');
    expect([mapped.technique, mapped.calls, mapped.bytes]).toEqual(['mmap-write', { sendto: 5 }, 300000]);
    // mmap + write: one CPU copy a chunk (the mapping into the socket buffer).
    expect(mapped.model?.perChunk).toMatchObject({ cpuCopies: 1, dmaCopies: 2 });
    const [zerocopy] = found('zerocopy');
    expect([zerocopy.technique, zerocopy.calls, zerocopy.bytes]).toEqual(['msg-zerocopy', { sendmsg: 5 }, 300000]);
    // MSG_ZEROCOPY: 0 CPU copies, 2 DMA copies.
    expect(zerocopy.model?.perChunk).toMatchObject({ cpuCopies: 0, dmaCopies: 2 });
  });

  test("Python's socket.sendfile() to a local socket: sendfile moves the whole file", () => {
    writeFileSync(
      join(dir, 'sendfile.py'),
      [
        'import socket, threading',
        'srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)',
        'def drain():',
        '    c, _ = srv.accept()',
        '    while c.recv(65536): pass',
        't = threading.Thread(target=drain); t.start()',
        's = socket.create_connection(srv.getsockname())',
        'with open("file.bin", "rb") as f: s.sendfile(f)',
        's.close(); t.join()',
      ].join('\n'),
    );
    const r = traceRun(['python3', '-s', 'sendfile.py'], dir);
    expect(r.code).toBe(0);
    const flows = flowsOf(r.stdout);
    expect(flows.map((f) => [f.technique, f.to.kind, f.bytes])).toEqual([['sendfile', 'socket', 300000]]);
    expect(flows[0].calls.sendfile).toBeGreaterThanOrEqual(1);
    expect(flows[0].model?.perChunk).toMatchObject({ cpuCopies: 1, dmaCopies: 2, modeSwitches: 2, syscalls: 1 });
  });

  test('a command that does not exist: strace\'s reason in one line, exit 1', () => {
    const r = traceRun(['no-such-command-zcopy'], dir);
    expect([r.code, r.stdout, r.stderr.split('\n').length]).toEqual([1, '', 2]);
    expect(r.stderr).toMatch(/strace could not start no-such-command-zcopy: .*No such file or directory/);
  });

  test('dd iflag=direct bs=64k to /dev/null: 5 O_DIRECT reads and 5 writes, or, where the file system refuses O_DIRECT (tmpfs), the refusal and no flow', () => {
    const r = traceRun(['dd', 'if=blocks.bin', 'of=/dev/null', 'iflag=direct', 'bs=64k'], dir);
    const flows = flowsOf(r.stdout);
    if (/Invalid argument/.test(r.stderr)) expect(flows).toEqual([]);
    else expect(flows.map((f) => [f.technique, f.to, f.calls, f.bytes, f.chunk])).toEqual([['direct-io', { fd: 1, path: '/dev/null', kind: 'device' }, { read: 5, write: 5 }, 327680, 65536]]);
  });

  test("Python's http.server serving a file to curl, stopped by SIGINT: the analysis of what was captured shows read() and sendto() in 64 KiB chunks", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const child = spawn(process.execPath, [BIN, 'trace', '--json', '--', 'python3', '-s', '-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'www'], {
      cwd: dir,
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: scratch, LANG: 'C.UTF-8' },
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let fetched = 0;
    for (let i = 0; i < 100 && !fetched; i++) {
      fetched = await fetch(`http://127.0.0.1:${port}/page.bin`)
        .then(async (res) => (await res.arrayBuffer()).byteLength)
        .catch(() => new Promise<number>((r) => setTimeout(() => r(0), 100)));
    }
    expect(fetched).toBe(200000);
    child.kill('SIGINT');
    expect(await done).toBe(0);
    const flows = flowsOf(stdout);
    expect(flows.map((f) => [f.technique, f.to.kind, f.bytes, f.chunk, Object.keys(f.calls).sort()])).toEqual([['read-write', 'socket', 200000, 65536, ['read', 'sendto']]]);
    expect(flows[0].calls.sendto).toBe(4);
    expect(flows[0].alternatives.find((a) => a.technique === 'sendfile')?.saving).toMatchObject({ cpuCopies: 4, modeSwitches: 8, syscalls: 4 });
  });
  test('nginx serving a 300000-byte file to a request, stopped by SIGINT: with sendfile on, one sendfile call, file to socket; with sendfile off, pread64 and writev of its 32 KiB buffers (ceil(300000 / 32768) = 10 of each)', async () => {
    const www = join(dir, 'ngx');
    mkdirSync(join(www, 'www'), { recursive: true });
    mkdirSync(join(www, 'tmp'), { recursive: true });
    writeFileSync(join(www, 'www', 'file.bin'), payload);
    const served: JsonFlow[][] = [];
    for (const mode of ['on', 'off']) {
      const port = await freePort();
      const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path tmp;`).join(' ');
      writeFileSync(join(www, `nginx-${mode}.conf`), `daemon off; master_process off; pid nginx-${mode}.pid; error_log stderr; events { worker_connections 16; } http { access_log off; ${temps} sendfile ${mode}; server { listen 127.0.0.1:${port}; root www; } }\n`);
      const { code, stdout, fetched } = await traceServer(['nginx', '-p', www, '-c', `nginx-${mode}.conf`, '-e', 'stderr'], `http://127.0.0.1:${port}/file.bin`);
      expect([mode, fetched, code]).toEqual([mode, 300000, 0]);
      served.push(flowsOf(stdout));
    }
    const [on, off] = served;
    expect(on.map((f) => [f.technique, f.from.path?.endsWith('/www/file.bin'), f.to.kind, f.calls, f.bytes])).toEqual([['sendfile', true, 'socket', { sendfile: 1 }, 300000]]);
    expect(off.map((f) => [f.technique, f.from.path?.endsWith('/www/file.bin'), f.to.kind, f.calls, f.bytes, f.chunk])).toEqual([['read-write', true, 'socket', { pread64: 10, writev: 10 }, 300000, 32768]]);
  });

  test('SIGTERM to zcopy ends the traced command too (none outlives it), and what was captured is reported', async () => {
    const child = spawn(process.execPath, [BIN, 'trace', '--json', '--', 'sleep', '29.7'], { cwd: dir, env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: scratch, LANG: 'C.UTF-8' } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // The trace has begun once strace has started sleep.
    for (let i = 0; i < 100 && !spawnSync('pgrep', ['-f', '^sleep 29.7$']).stdout?.length; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    expect(await done).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ flows: [] });
    expect(spawnSync('pgrep', ['-f', '^sleep 29.7$']).status).toBe(1);
  });
});
