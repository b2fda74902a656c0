import { describe, expect, test } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FlowFinder } from '../src/trace/flows.js';
import { StraceParser, splitArgs, type TraceEvent } from '../src/trace/parse.js';
import { analyzeFiles, analyzeStreams, NotATrace } from '../src/trace/read.js';
import { ROOT } from './helpers/cli.js';

const TRACES = join(ROOT, 'traces');
const parse = (text: string, pid = 0) => {
  const p = new StraceParser(pid);
  const events: TraceEvent[] = text.split('\n').flatMap((l) => p.feed(l));
  p.finish();
  return { events, lines: p.lines, calls: events.flatMap((e) => (e.kind === 'call' ? [e.call] : [])) };
};
const flowsOf = (text: string) => {
  const f = new FlowFinder();
  for (const e of parse(text).events) f.see(e);
  return f.result();
};
const analyze = (text: string) => analyzeStreams([{ name: 'test', open: () => Readable.from([text]) }]);

describe('strace lines', () => {
  test('a plain call: name, arguments, result, -y paths and the -T duration', () => {
    const [c] = parse('openat(AT_FDCWD</tmp/zc>, "file.bin", O_RDONLY) = 3</tmp/zc/file.bin> <0.000017>').calls;
    expect(c).toMatchObject({ name: 'openat', result: 3, resultPath: '/tmp/zc/file.bin', duration: 0.000017 });
    expect(c.args.map((a) => a.raw)).toEqual(['AT_FDCWD</tmp/zc>', '"file.bin"', 'O_RDONLY']);
    expect(c.args[0]).toMatchObject({ fd: -100, path: '/tmp/zc' });
  });

  test('-yy annotations nest and hold "->" and commas in a string', () => {
    const [c] = parse('22988 sendto(4<TCP:[127.0.0.1:18023->127.0.0.1:54288]>, "a, b)\\"c"..., 65536, 0, NULL, 0) = 65536 <0.000010>').calls;
    expect(c.pid).toBe(22988);
    expect(c.args.map((a) => a.raw)).toEqual(['4<TCP:[127.0.0.1:18023->127.0.0.1:54288]>', '"a, b)\\"c"...', '65536', '0', 'NULL', '0']);
    expect(c.args[0].path).toBe('TCP:[127.0.0.1:18023->127.0.0.1:54288]');
    const [d] = parse('dup2(3</dev/null<char 1:3>>, 1</dev/null<char 1:3>>) = 1</dev/null<char 1:3>> <0.000014>').calls;
    expect(d.args.map((a) => a.path)).toEqual(['/dev/null<char 1:3>', '/dev/null<char 1:3>']);
    expect(d.resultPath).toBe('/dev/null<char 1:3>');
  });

  test('failed calls keep their errno; a call that never returned has no result', () => {
    const { calls } = parse(['read(5, 0x7ffd, 4096) = -1 EAGAIN (Resource temporarily unavailable) <0.000010>', 'exit_group(0) = ?', 'poll([{fd=3, events=POLLIN}], 1, 500) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)'].join('\n'));
    expect(calls.map((c) => [c.result, c.errno])).toEqual([
      [-1, 'EAGAIN'],
      [null, undefined],
      [null, 'ERESTART_RESTARTBLOCK'],
    ]);
  });

  test('[pid N] and -o prefixes, and -t, -tt, -ttt and -r timestamps', () => {
    const lines = ['[pid  1427] close(3) = 0', '1409  close(4) = 0', '11:08:27 close(5) = 0', '11:08:27.123456 close(6) = 0', '1733482000.123456 close(7) = 0', '     0.000052 close(8) = 0', '9 11:08:27.5 close(9) = 0'];
    const { calls, lines: counts } = parse(lines.join('\n'));
    expect(calls.map((c) => [c.pid, c.args[0].fd])).toEqual([
      [1427, 3],
      [1409, 4],
      [0, 5],
      [0, 6],
      [0, 7],
      [0, 8],
      [9, 9],
    ]);
    expect(counts).toEqual({ read: 7, understood: 7, skipped: 0 });
  });

  test('unfinished and resumed halves are joined per process', () => {
    const text = ['7 read(3</f>,  <unfinished ...>', '8 write(1</g>, "x", 1 <unfinished ...>', '7 <... read resumed>"abc", 4096) = 3 <0.1>', '8 <... write resumed>) = 1 <0.2>'].join('\n');
    const { calls, lines } = parse(text);
    expect(calls.map((c) => [c.pid, c.name, c.args.map((a) => a.raw), c.result])).toEqual([
      [7, 'read', ['3</f>', '"abc"', '4096'], 3],
      [8, 'write', ['1</g>', '"x"', '1'], 1],
    ]);
    expect(lines).toEqual({ read: 4, understood: 4, skipped: 0 });
  });

  test("a line strace's own message cut in two is put back together", () => {
    const { calls } = parse(['clone3({flags=CLONE_VM|CLONE_FILES, child_tid=0x7f}strace: Process 2922 attached', ' => {parent_tid=[2922]}, 88) = 2922 <0.000071>'].join('\n'));
    expect(calls.map((c) => [c.name, c.result])).toEqual([['clone3', 2922]]);
  });

  test('signals, exits and strace messages are understood; nonsense and a cut-off last line are counted, not fatal', () => {
    const text = ['--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5} ---', '+++ exited with 0 +++', '[pid 5] +++ killed by SIGTERM +++', 'strace: Process 5 attached', 'hello world', 'poll([{fd=3, events=POLLIN}], 1, 500'].join('\n');
    const { events, lines } = parse(text);
    expect(events).toEqual([
      { kind: 'signal', pid: 0, signal: 'SIGCHLD' },
      { kind: 'exit', pid: 0, code: 0 },
      { kind: 'exit', pid: 5, code: null, signal: 'SIGTERM' },
    ]);
    expect(lines).toEqual({ read: 6, understood: 4, skipped: 2 });
  });

  test('a call still unfinished when the trace ends is skipped', () => {
    expect(parse('accept4(3,  <unfinished ...>').lines).toEqual({ read: 1, understood: 0, skipped: 1 });
  });

  test('truncated strings stay one argument', () => {
    expect(splitArgs('1, "\\212\\361B"..., 65536').map((a) => a.raw)).toEqual(['1', '"\\212\\361B"...', '65536']);
  });
});

describe('descriptors and flows', () => {
  test('read then write of the same bytes is a read-write flow; a header written from nothing read is not payload', () => {
    const flows = flowsOf(
      [
        'socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4',
        'openat(AT_FDCWD, "/srv/page", O_RDONLY) = 5',
        'recvfrom(4, "GET / HTTP/1.0", 8192, 0, NULL, NULL) = 14',
        'write(2, "log line", 8) = 8',
        'sendto(4, "HTTP/1.0 200 OK", 15, 0, NULL, 0) = 15',
        'read(5, "..."..., 65536) = 65536',
        'sendto(4, "..."..., 65536, 0, NULL, 0) = 65536',
        'read(5, "..."..., 65536) = 100',
        'read(5, "", 65536) = 0',
        'sendto(4, "..."..., 100, 0, NULL, 0) = 100',
      ].join('\n'),
    );
    expect(flows).toEqual([
      { from: { fd: 5, path: '/srv/page', kind: 'file' }, to: { fd: 4, path: null, kind: 'socket' }, technique: 'read-write', calls: { read: 2, sendto: 2 }, bytes: 65636, chunk: 100, pids: [0] },
    ]);
  });

  test('a buffer read once and written in two halves is one move: the first half quotes the same bytes, the second takes the rest', () => {
    const flows = flowsOf(['openat(AT_FDCWD, "/f", O_RDONLY) = 3', 'socket(AF_INET, SOCK_STREAM, 0) = 4', 'read(3, "\\177ELF\\2"..., 65536) = 65536', 'write(4, "\\177ELF\\2"..., 32768) = 32768', 'write(4, "zz"..., 32768) = 32768', 'write(4, "log", 3) = 3'].join('\n'));
    expect(flows.map((f) => [f.technique, f.calls, f.bytes, f.chunk])).toEqual([['read-write', { read: 1, write: 2 }, 65536, 32768]]);
  });

  test('dup2 carries a descriptor; close ends what was read from it', () => {
    const flows = flowsOf(['openat(AT_FDCWD, "in", O_RDONLY|O_DIRECT) = 3', 'dup2(3, 0) = 0', 'close(3) = 0', 'openat(AT_FDCWD, "/dev/null", O_WRONLY) = 3', 'dup2(3, 1) = 1', 'read(0, "", 4096) = 4096', 'write(1, "", 4096) = 4096', 'read(4, "x", 9) = 9', 'close(4) = 0', 'write(1, "x", 9) = 9'].join('\n'));
    expect(flows.map((f) => [f.technique, f.from.path, f.to, f.bytes])).toEqual([['direct-io', 'in', { fd: 1, path: '/dev/null', kind: 'device' }, 4096]]);
  });

  test('splice through a pipe is one flow from the file to the socket, both halves counted', () => {
    const flows = flowsOf(
      ['pipe2([3, 4], 0) = 0', 'openat(AT_FDCWD, "/f", O_RDONLY) = 5', 'accept4(6, NULL, NULL, 0) = 7', ...Array(3).fill('splice(5, NULL, 4, NULL, 65536, SPLICE_F_MOVE) = 65536\nsplice(3, NULL, 7, NULL, 65536, SPLICE_F_MOVE) = 65536')].join('\n'),
    );
    expect(flows.map((f) => [f.technique, f.from.path, f.to.kind, f.calls, f.bytes, f.chunk])).toEqual([['splice', '/f', 'socket', { splice: 6 }, 3 * 65536, 65536]]);
  });

  test('a trace begun with -p, of descriptors opened before it: the -y annotations name them', () => {
    const flows = flowsOf(['read(5</srv/page>, "..."..., 4096) = 4096', 'write(9<TCP:[10.0.0.1:80->10.0.0.2:5000]>, "..."..., 4096) = 4096', 'sendfile(9<TCP:[10.0.0.1:80->10.0.0.2:5000]>, 5</srv/page>, [4096] => [8192], 4096) = 4096'].join('\n'));
    expect(flows.map((f) => [f.technique, f.from, f.to])).toEqual([
      ['read-write', { fd: 5, path: '/srv/page', kind: 'file' }, { fd: 9, path: 'TCP:[10.0.0.1:80->10.0.0.2:5000]', kind: 'socket' }],
      ['sendfile', { fd: 5, path: '/srv/page', kind: 'file' }, { fd: 9, path: 'TCP:[10.0.0.1:80->10.0.0.2:5000]', kind: 'socket' }],
    ]);
  });

  test('a fork copies the table and a thread shares it', () => {
    const flows = flowsOf(['openat(AT_FDCWD, "/f", O_RDONLY) = 3', 'socket(AF_INET, SOCK_STREAM, 0) = 4', 'clone(child_stack=NULL, flags=SIGCHLD) = 9', '9 sendfile(4, 3, NULL, 1000) = 1000', '9 close(3) = 0', 'sendfile(4, 3, NULL, 10) = 10'].join('\n'));
    expect(flows.map((f) => [f.technique, f.from, f.to.kind, f.bytes, f.pids])).toEqual([['sendfile', { fd: 3, path: '/f', kind: 'file' }, 'socket', 1010, [0, 9]]]);
  });

  test('mmap + write, MSG_ZEROCOPY and a FICLONE are found; the loader mapping a library is not a flow', () => {
    const flows = flowsOf(
      [
        'openat(AT_FDCWD, "/usr/lib/libc.so.6", O_RDONLY) = 3',
        'mmap(NULL, 2000000, PROT_READ, MAP_PRIVATE|MAP_DENYWRITE, 3, 0) = 0x7f0000000000',
        'write(1, "banner", 6) = 6',
        'openat(AT_FDCWD, "/data", O_RDONLY) = 5',
        'socket(AF_INET, SOCK_STREAM, 0) = 6',
        'mmap(NULL, 131072, PROT_READ, MAP_SHARED, 5, 0) = 0x7f1000000000',
        'write(6, "..."..., 65536) = 65536',
        'write(6, "..."..., 65536) = 65536',
        'socket(AF_INET, SOCK_STREAM, 0) = 7',
        'setsockopt(7, SOL_SOCKET, SO_ZEROCOPY, [1], 4) = 0',
        'sendto(7, "..."..., 65536, MSG_ZEROCOPY, NULL, 0) = 65536',
        'recvmsg(7, {msg_name=NULL}, MSG_ERRQUEUE) = 0',
        'openat(AT_FDCWD, "/copy", O_WRONLY|O_CREAT, 0644) = 8',
        'ioctl(8, BTRFS_IOC_CLONE or FICLONE, 5) = 0',
      ].join('\n'),
    );
    expect(flows.map((f) => [f.technique, f.seen, f.from.path, f.to.fd, f.calls, f.bytes])).toEqual([
      ['mmap-write', undefined, '/data', 6, { write: 2 }, 131072],
      ['msg-zerocopy', undefined, '/data', 7, { sendto: 1, recvmsg: 1 }, 65536],
      ['other', 'ioctl(FICLONE)', '/data', 8, { ioctl: 1 }, 0],
    ]);
  });
});

describe('the traces shipped in traces/ (real programs, captured by traces/capture.sh)', () => {
  const read = (...names: string[]) => analyzeFiles(names.map((n) => join(TRACES, n)), Readable.from([]));

  test('every line of every shipped trace is understood', async () => {
    for (const name of readdirSync(TRACES).filter((n) => /\.trace/.test(n) && !n.startsWith('http'))) {
      const { lines } = await read(name);
      expect([name, lines.skipped]).toEqual([name, 0]);
    }
  });

  test("cp and cat into a file: coreutils copies inside the kernel, one copy_file_range for the 300000-byte file (and one that returns 0 at its end)", async () => {
    for (const name of ['cp.trace', 'cat.trace', 'cat-no-y.trace']) {
      const { flows } = await read(name);
      expect([name, flows.map((f) => [f.technique, f.from.kind, f.to.kind, f.calls, f.bytes, f.chunk])]).toEqual([name, [['copy-file-range', 'file', 'file', { copy_file_range: 1 }, 300000, 300000]]]);
    }
  });

  test('the same cat without -y: the paths come from openat and the shell\'s dup2 of out2.bin onto standard output', async () => {
    const { flows } = await read('cat-no-y.trace');
    expect([flows[0].from.path, flows[0].to]).toEqual(['file.bin', { fd: 1, path: 'out2.bin', kind: 'file' }]);
  });

  test('dd iflag=direct bs=64k of a 320 KiB file to /dev/null: 5 O_DIRECT reads and 5 writes of 64 KiB', async () => {
    const { flows } = await read('dd-direct.trace');
    expect(flows.map((f) => [f.technique, f.from.path, f.to, f.calls, f.bytes, f.chunk])).toEqual([['direct-io', '/tmp/zc/blocks.bin', { fd: 1, path: '/dev/null', kind: 'device' }, { read: 5, write: 5 }, 327680, 65536]]);
  });

  test("Python's socket.sendfile(): one sendfile call moves the whole 300000 bytes to the socket (-f, and -ff's two files)", async () => {
    const ff = readdirSync(TRACES).filter((n) => n.startsWith('py-sendfile-ff.trace.'));
    expect(ff).toHaveLength(2);
    for (const names of [['py-sendfile.trace'], ff]) {
      const { flows } = await read(...names);
      expect(flows.map((f) => [f.technique, f.from.path, f.to.kind, f.calls, f.bytes])).toEqual([['sendfile', '/tmp/zc/file.bin', 'socket', { sendfile: 1 }, 300000]]);
    }
  });

  test("Python's http.server serving 200000 bytes to curl: read() and sendto() in 64 KiB chunks, 4 of each (3 whole and the last 3392 bytes)", async () => {
    const { flows, lines } = await read('http-server.trace');
    expect(flows.map((f) => [f.technique, f.from.path, f.to.kind, f.calls, f.bytes, f.chunk])).toEqual([['read-write', '/tmp/zc/www/page.bin', 'socket', { read: 4, sendto: 4 }, 200000, 65536]]);
    // The server was killed in a poll(): that one call never finished.
    expect(lines.skipped).toBeLessThanOrEqual(1);
  });
});

describe('what is not a trace', () => {
  test('text no line of which strace wrote, and binary data, are refused', async () => {
    await expect(analyze(Array(60).fill('just some words').join('\n'))).rejects.toThrow(NotATrace);
    await expect(analyze('short note\n')).rejects.toMatchObject({ why: 'text' });
    await expect(analyzeStreams([{ name: 'bin', open: () => Readable.from([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff, 10])]) }])).rejects.toMatchObject({ why: 'binary' });
  });
});
