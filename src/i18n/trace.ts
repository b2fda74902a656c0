import { catalogue } from './lang.js';
import { grouped } from '../term/bytes.js';
import { PUNCTUATION } from './punctuation.js';

/** The words of `zcopy trace`: a real program's strace, read through the model. */
export const TRACE_TEXT = catalogue({
  en: {
    heading: (source: string, read: number, understood: number, skipped: number) =>
      skipped === 0 ? `${source}: ${grouped(read)} lines read, all understood` : `${source}: ${grouped(read)} lines read, ${grouped(understood)} understood, ${grouped(skipped)} not understood (skipped)`,
    stdin: 'standard input',
    noFlows: 'No payload moved from one descriptor to another in this trace (reads into the program, or writes of its own data, are not flows).',
    flow: (n: number, from: string, to: string) => `Flow ${n}: ${from} -> ${to}`,
    end: (name: string, kind: string) => `${name} (${kind})`,
    via: (end: string) => `Through: ${end}, from one process to the next`,
    fdName: (fd: number) => `fd ${fd}`,
    unknownEnd: 'the program',
    kind: { file: 'file', socket: 'socket', pipe: 'pipe', device: 'device', unknown: 'unknown' } as Record<string, string>,
    localSocket: 'UNIX socket',
    technique: (technique: string, lesson: string | null) => (lesson ? `Technique: ${technique} (lesson ${lesson})` : `Technique: ${technique} (no lesson)`),
    other: (seen: string, lesson: string | null) =>
      lesson ? `Technique: other: ${seen} (lesson ${lesson} teaches it; zcopy trace does not count it)` : `Technique: other: ${seen} (not one zcopy models)`,
    calls: (calls: string) => `Calls: ${calls}`,
    callsThrough: (into: string, out: string) => `Calls: ${into} into the pipe; ${out} out of it`,
    callCount: (name: string, n: number) => `${name} x ${grouped(n)}`,
    moved: (bytes: number, size: string | null, chunk: string) => `Moved: ${grouped(bytes)} bytes${size ? ` (${size})` : ''}, typically ${chunk} per call`,
    loopback:
      'The connection is loopback, this machine to itself: no network card moves these bytes (the kernel hands them to the receiving socket). The model counts them as sent to a network card, as they are once the server has a real client.',
    model: 'The model at this size and chunk:',
    rounded: (chunk: string) => `(the model counts whole pages: the chunk is taken as ${chunk})`,
    outside: (calls: string, to: string) => `Not counted: ${calls} to ${to}, which takes the bytes without copying them; the read job ends in the program's buffer.`,
    notWhole: (lesson: string | null) =>
      lesson ? `No lesson counts this flow whole: lesson ${lesson} teaches its reads, not what is done with the bytes after them.` : 'No lesson counts this flow whole.',
    throughPipe: (lesson: string | null) =>
      `No lesson counts this flow whole: the pipe between the two processes adds, for every chunk, a write into it and a read out of it, each a CPU copy, which lesson ${lesson ?? 'traditional'} does not count.`,
    noJob: (from: string, to: string) =>
      `No lesson does this job (${from} to ${to}): the lessons read a file, send one to the network, share pages and serve the page cache. So the model gives no counts here and compares no techniques: figures of another job would not be this program's cost.`,
    instead: {
      send: 'Sending the same bytes by the other techniques, at the same size and chunk:',
      read: 'Reading the same bytes by the other techniques, at the same size and chunk:',
    },
    /** An alternative named by its technique, and its lesson where that is named otherwise (the read job's read-write is lesson dma-io). */
    alternative: (technique: string, lesson: string | null, rounds = 1) =>
      [
        lesson && lesson !== technique ? `${technique} (lesson ${lesson})` : technique,
        rounds > 1 ? ` (${rounds} rounds a chunk${technique === 'splice' ? ": a call moves at most a pipe's 64 KiB" : ''}, each with its own disk read and send)` : '',
      ].join(''),
    saves: (what: string) => `saves ${what}`,
    costs: (what: string) => `costs ${what} more`,
    same: 'the same counts',
    open: 'Open the lesson at this scale:',
    openPlain: 'The lesson that teaches these calls:',
    /** What no trace shows; the network card's part only where a flow is sent to one. */
    unknowable: (sent: boolean): string =>
      sent
        ? "What a trace cannot tell: whether the page cache held the file (the model assumes it did not: a cold cache), whether the network card gathers scattered pages (the counts are the lessons' as written: sendfile's CPU copy into the socket buffer is gone with a gathering card, lesson sendfile-sg), and copies a device makes on its own."
        : 'What a trace cannot tell: whether the page cache held the file (the model assumes it did not: a cold cache), and copies a device makes on its own.',
    notTrace: (file: string) => `${file} is not an strace trace (no line of it is one strace writes); make one with: strace -f -yy -T -o FILE COMMAND`,
    binary: (file: string) => `${file} is binary, not an strace trace; make one with: strace -f -yy -T -o FILE COMMAND`,
    unreadable: (file: string, why: string) => `cannot read ${file}: ${why}`,
    why: { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a folder' } as Record<string, string>,
    noStrace: 'zcopy trace -- COMMAND runs the command under strace, which is not installed; install it (apt install strace, dnf install strace), or give zcopy trace a trace file',
    notLinux: (platform: string) => `strace traces Linux programs and this is ${platform}; zcopy trace FILE reads a trace made on Linux (traces/ has examples)`,
    refused: (line: string) =>
      `strace may not trace here (${line}); allow ptrace (sysctl kernel.yama.ptrace_scope=0, or run the container with --cap-add=SYS_PTRACE), or read a trace file`,
    couldNotStart: (command: string, why: string) => `strace could not start ${command}: ${why}`,
    noCommand: 'give a trace file, - for standard input, or -- COMMAND [ARGS...] to trace a command',
    tracing: (command: string) => `Tracing ${command} under strace. When it has done what you want to see (a request to a server, say), Ctrl-C stops it and the report follows.`,
    stopped: 'Stopped: reading what was captured.',
    progress: (lines: number) => `${grouped(lines)} lines read`,
  },
  zh: {
    heading: (source: string, read: number, understood: number, skipped: number) =>
      skipped === 0 ? `${source}：读了 ${grouped(read)} 行，全部看懂` : `${source}：读了 ${grouped(read)} 行，看懂 ${grouped(understood)} 行，${grouped(skipped)} 行看不懂（已跳过）`,
    stdin: '标准输入',
    noFlows: '这份跟踪里没有数据从一个描述符流向另一个描述符（读进程序的数据、程序自己写出的数据都不算数据流）。',
    flow: (n: number, from: string, to: string) => `数据流 ${n}：${from} -> ${to}`,
    end: (name: string, kind: string) => `${name}（${kind}）`,
    via: (end: string) => `经由：${end}，从一个进程到下一个进程`,
    fdName: (fd: number) => `fd ${fd}`,
    unknownEnd: '程序自身',
    kind: { file: '文件', socket: '套接字', pipe: '管道', device: '设备', unknown: '未知' } as Record<string, string>,
    localSocket: 'UNIX 套接字',
    technique: (technique: string, lesson: string | null) => (lesson ? `技术：${technique}（课程 ${lesson}）` : `技术：${technique}（没有对应课程）`),
    other: (seen: string, lesson: string | null) => (lesson ? `技术：其他：${seen}（课程 ${lesson} 讲它；zcopy trace 不为它计数）` : `技术：其他：${seen}（zcopy 的模型不涉及）`),
    calls: (calls: string) => `系统调用：${calls}`,
    callsThrough: (into: string, out: string) => `系统调用：写进管道的一方 ${into}；从管道读出的一方 ${out}`,
    callCount: (name: string, n: number) => `${name} x ${grouped(n)}`,
    moved: (bytes: number, size: string | null, chunk: string) => `搬运：${grouped(bytes)} 字节${size ? `（${size}）` : ''}，每次调用一般 ${chunk}`,
    loopback: '这是回环连接，本机连本机：没有网卡搬运这些字节（内核把它们直接交给接收的套接字）。模型按发到网卡来计数，服务器有了真正的客户端时就是这样。',
    model: '模型在这个大小和分段下的计数：',
    rounded: (chunk: string) => `（模型按整页计数：分段按 ${chunk} 算）`,
    outside: (calls: string, to: string) => `未计入：写到 ${to} 的 ${calls}；它收下字节而不拷贝，读任务到程序的缓冲区就结束了。`,
    notWhole: (lesson: string | null) => (lesson ? `没有课程完整计数这条数据流：课程 ${lesson} 讲的是它的读，不是读完之后怎么处理这些字节。` : '没有课程完整计数这条数据流。'),
    throughPipe: (lesson: string | null) => `没有课程完整计数这条数据流：两个进程之间的管道让每一段多出一次写入管道和一次从管道读出，各是一次 CPU 拷贝，课程 ${lesson ?? 'traditional'} 没有计入。`,
    noJob: (from: string, to: string) =>
      `没有课程做这个任务（${PUNCTUATION.zh.phrase([from, '到', to])}）：课程讲的是读文件、把文件发到网络、共享页和页缓存。所以这里模型不给计数，也不比较技术：别的任务的数字不是这个程序的开销。`,
    instead: {
      send: '用其他技术发送同样的字节，大小和分段相同：',
      read: '用其他技术读取同样的字节，大小和分段相同：',
    },
    alternative: (technique: string, lesson: string | null, rounds = 1) =>
      [
        lesson && lesson !== technique ? `${technique}（课程 ${lesson}）` : technique,
        rounds > 1 ? `（每段 ${rounds} 轮${technique === 'splice' ? '：一次调用最多搬运管道的 64 KiB' : ''}，每一轮各有一次读盘和一次发送）` : '',
      ].join(''),
    saves: (what: string) => `省下 ${what}`,
    costs: (what: string) => `多花 ${what}`,
    same: '计数相同',
    open: '按这个规模打开课程：',
    openPlain: '讲这些调用的课程：',
    unknowable: (sent: boolean): string =>
      sent
        ? '跟踪看不出的事：页缓存里是否已有这个文件（模型假定没有：冷缓存），网卡能否收集分散的页（计数按课程原样：网卡支持收集时，sendfile 由 CPU 拷进 socket 缓冲区的那一次就没有了，见课程 sendfile-sg），以及设备自己做的拷贝。'
        : '跟踪看不出的事：页缓存里是否已有这个文件（模型假定没有：冷缓存），以及设备自己做的拷贝。',
    notTrace: (file: string) => `${file} 不是 strace 的跟踪（没有一行是 strace 写的）；可以这样生成：strace -f -yy -T -o FILE COMMAND`,
    binary: (file: string) => `${file} 是二进制文件，不是 strace 的跟踪；可以这样生成：strace -f -yy -T -o FILE COMMAND`,
    unreadable: (file: string, why: string) => `无法读取 ${file}：${why}`,
    why: { ENOENT: '没有这个文件', EACCES: '没有权限', EISDIR: '这是一个文件夹' } as Record<string, string>,
    noStrace: 'zcopy trace -- COMMAND 要在 strace 下运行命令，但没有安装 strace；请安装（apt install strace、dnf install strace），或给 zcopy trace 一个跟踪文件',
    notLinux: (platform: string) => `strace 跟踪的是 Linux 程序，这台机器是 ${platform}；zcopy trace FILE 可以读在 Linux 上生成的跟踪（traces/ 里有例子）`,
    refused: (line: string) =>
      `这里不允许 strace 跟踪（${line}）；请允许 ptrace（sysctl kernel.yama.ptrace_scope=0，或用 --cap-add=SYS_PTRACE 运行容器），或读取跟踪文件`,
    couldNotStart: (command: string, why: string) => `strace 无法启动 ${command}：${why}`,
    noCommand: '请给出跟踪文件、表示标准输入的 -，或 -- COMMAND [ARGS...] 来跟踪一个命令',
    tracing: (command: string) => `正在用 strace 跟踪 ${command}。等它做完你想看的事（比如服务器处理完一个请求），按 Ctrl-C 让它停下，随后给出报告。`,
    stopped: '已停止：分析已捕获的部分。',
    progress: (lines: number) => `已读 ${grouped(lines)} 行`,
  },
});
