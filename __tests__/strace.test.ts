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

  test('a process that reads from two descriptors before writing either moves each to where its bytes go (the most recent read whose bytes match)', () => {
    const flows = flowsOf(
      [
        'read(3<TCP:[1.1.1.1:80->2.2.2.2:1]>, "from client a"..., 65536) = 65536',
        'read(4<TCP:[1.1.1.1:80->2.2.2.2:2]>, "from client b"..., 65536) = 65536',
        'write(5</srv/a.log>, "from client a"..., 65536) = 65536',
        'write(6</srv/b.log>, "from client b"..., 65536) = 65536',
      ].join('\n'),
    );
    expect(flows.map((f) => [f.from.path, f.to.path, f.calls, f.bytes])).toEqual([
      ['TCP:[1.1.1.1:80->2.2.2.2:1]', '/srv/a.log', { read: 1, write: 1 }, 65536],
      ['TCP:[1.1.1.1:80->2.2.2.2:2]', '/srv/b.log', { read: 1, write: 1 }, 65536],
    ]);
  });

  test('reads gathered into one buffer and written at once are one move; a header read and kept is not payload', () => {
    const gathered = flowsOf(['read(0</in>, "aa"..., 8192) = 8192', 'read(0</in>, "bb"..., 16384) = 16384', 'read(0</in>, "", 8192) = 0', 'sendto(4<TCP:[a->b]>, "aa"..., 24576, 0, NULL, 0) = 24576'].join('\n'));
    expect(gathered.map((f) => [f.calls, f.bytes, f.chunk])).toEqual([[{ read: 2, sendto: 1 }, 24576, 24576]]);
    const header = flowsOf(['read(3</f>, "HDR1", 512) = 512', 'read(3</f>, "body"..., 4096) = 4096', 'write(4</g>, "body"..., 4096) = 4096'].join('\n'));
    expect(header.map((f) => [f.calls, f.bytes])).toEqual([[{ read: 1, write: 1 }, 4096]]);
  });

  test('a process keeps a few reads, not all: the oldest of nine descriptors read before any write is forgotten', () => {
    const reads = Array.from({ length: 9 }, (_, i) => `read(${10 + i}</f${i}>, "data ${i}"..., 4096) = 4096`);
    const flows = flowsOf([...reads, 'write(1</out>, "data 0"..., 4096) = 4096', 'write(1</out>, "data 8"..., 4096) = 4096'].join('\n'));
    expect(flows.map((f) => [f.from.path, f.bytes])).toEqual([['/f8', 4096]]);
  });

  test('writev: the iovec that holds the bytes read is the payload, the headers before it are not', () => {
    const flows = flowsOf(
      [
        'pread64(7</www/f>, "body"..., 32768, 0) = 32768',
        'writev(6<TCP:[a->b]>, [{iov_base="HTTP/1.1 200 OK"..., iov_len=244}, {iov_base="body"..., iov_len=32768}], 2) = 33012',
        'pread64(7</www/f>, "more"..., 32768, 32768) = 100',
        'writev(6<TCP:[a->b]>, [{iov_base="more", iov_len=100}], 1) = 100',
      ].join('\n'),
    );
    expect(flows.map((f) => [f.technique, f.calls, f.bytes, f.chunk])).toEqual([['read-write', { pread64: 2, writev: 2 }, 32868, 100]]);
  });

  test('a pipe between two processes (-yy names it by inode): one flow from the file to the socket, through the pipe, with both sides\' calls', () => {
    const flows = flowsOf(
      [
        '1 pipe2([3<pipe:[77]>, 4<pipe:[77]>], 0) = 0',
        '2 read(3</f>, "abc"..., 131072) = 131072',
        '2 write(1<pipe:[77]>, "abc"..., 131072) = 131072',
        '3 read(0<pipe:[77]>, "abc"..., 65536) = 65536',
        '3 read(0<pipe:[77]>, "def"..., 65536) = 65536',
        '3 sendto(5<TCP:[a->b]>, "abc"..., 131072, 0, NULL, 0) = 131072',
      ].join('\n'),
    );
    expect(flows).toEqual([
      {
        from: { fd: 3, path: '/f', kind: 'file' },
        to: { fd: 5, path: 'TCP:[a->b]', kind: 'socket' },
        via: { fd: 1, path: 'pipe:[77]', kind: 'pipe' },
        technique: 'read-write',
        calls: { read: 3, write: 1, sendto: 1 },
        // Each side's, for the report: the file's reads and the pipe's are two loops.
        sides: { into: { read: 1, write: 1 }, out: { read: 2, sendto: 1 } },
        bytes: 131072,
        chunk: 131072,
        pids: [2, 3],
      },
    ]);
    // Two files into one pipe: which bytes left it for where is not known, and the three flows stay apart.
    const two = flowsOf(['2 read(3</f>, "abc", 3) = 3', '2 write(1<pipe:[77]>, "abc", 3) = 3', '2 read(4</g>, "def", 3) = 3', '2 write(1<pipe:[77]>, "def", 3) = 3', '3 read(0<pipe:[77]>, "abcdef", 6) = 6', '3 write(1</out>, "abcdef", 6) = 6'].join('\n'));
    expect(two.map((f) => [f.from.path, f.to.path, f.via])).toEqual([
      ['pipe:[77]', '/out', undefined],
      ['/f', 'pipe:[77]', undefined],
      ['/g', 'pipe:[77]', undefined],
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

  test('the zero-copy techniques from Python (traces/techniques.py), 300,000 bytes in 64 KiB chunks, ceil(300000 / 65536) = 5: splice twice a chunk through its pipe; sends from an mmap of the file; MSG_ZEROCOPY sends on a SO_ZEROCOPY socket', async () => {
    const found = async (name: string) => (await read(name)).flows.map((f) => [f.technique, f.from.path, f.to.kind, f.calls, f.bytes, f.chunk]);
    expect(await found('py-splice.trace')).toEqual([['splice', '/tmp/zc/file.bin', 'socket', { splice: 10 }, 300000, 65536]]);
    expect(await found('py-mmap.trace')).toEqual([['mmap-write', '/tmp/zc/file.bin', 'socket', { sendto: 5 }, 300000, 65536]]);
    expect(await found('py-zerocopy.trace')).toEqual([['msg-zerocopy', '/tmp/zc/file.bin', 'socket', { sendmsg: 5 }, 300000, 65536]]);
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

  test('nginx 1.22 serving 300000 and 1000000 bytes to curl with sendfile on: one sendfile call each, file to socket', async () => {
    const { flows, lines } = await read('nginx-sendfile-on.trace');
    expect(flows.map((f) => [f.technique, f.from.path, f.to.kind, f.calls, f.bytes])).toEqual([
      ['sendfile', '/tmp/zc/ngx/www/big.bin', 'socket', { sendfile: 1 }, 1000000],
      ['sendfile', '/tmp/zc/ngx/www/file.bin', 'socket', { sendfile: 1 }, 300000],
    ]);
    expect(lines.skipped).toBe(0);
  });

  test('the same nginx with sendfile off: pread64 into its 32 KiB output buffer and writev, the first with the headers before the payload (ceil(n / 32768) of each)', async () => {
    const { flows } = await read('nginx-sendfile-off.trace');
    expect(flows.map((f) => [f.technique, f.from.path, f.to.kind, f.calls, f.bytes, f.chunk])).toEqual([
      ['read-write', '/tmp/zc/ngx/www/big.bin', 'socket', { pread64: 31, writev: 31 }, 1000000, 32768],
      ['read-write', '/tmp/zc/ngx/www/file.bin', 'socket', { pread64: 10, writev: 10 }, 300000, 32768],
    ]);
  });

  test('cat file.bin | python3 sending its standard input to a socket: one flow through the pipe, cat\'s 3 reads and writes of 128 KiB and Python\'s 17 reads of the pipe and one sendto', async () => {
    // Python's reads of the pipe, counted in the trace by hand: 17 that return bytes (8192, 8448, ... 23299; they add up to 300000), then one that returns 0.
    const { flows } = await read('pipe.trace');
    expect(flows.map((f) => [f.technique, f.from.path, f.to.kind, f.via?.kind, f.calls, f.bytes])).toEqual([['read-write', '/tmp/zc/file.bin', 'socket', 'pipe', { read: 3 + 17, write: 3, sendto: 1 }, 300000]]);
    expect(flows[0].pids).toHaveLength(2);
  });

  test('Linux AIO: io_submit of a read is `other`, with what was seen', async () => {
    const { flows } = await read('aio.trace');
    expect(flows.map((f) => [f.technique, f.seen, f.from.path, f.calls])).toEqual([['other', 'io_submit', '/tmp/zc/aio.bin', { io_submit: 1 }]]);
  });
});

describe('what is not a trace', () => {
  test('text no line of which strace wrote, and binary data, are refused', async () => {
    await expect(analyze(Array(60).fill('just some words').join('\n'))).rejects.toThrow(NotATrace);
    await expect(analyze('short note\n')).rejects.toMatchObject({ why: 'text' });
    await expect(analyzeStreams([{ name: 'bin', open: () => Readable.from([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff, 10])]) }])).rejects.toMatchObject({ why: 'binary' });
  });
});
