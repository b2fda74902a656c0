import type { Counters } from '../model/index.js';
import { catalogue } from './lang.js';
import { grouped } from '../term/bytes.js';

/** One-line errors of `zcopy lab`. */
export const LAB_ERRORS = catalogue({
  en: {
    claimsAlone: '--claims chooses its own sizes, chunks and runs: use it without --size, --chunk, --runs and --technique',
    badSize: (key: string, value: string, min: string, max: string) => `--${key} must be a size from ${min} to ${max} (like 64K, 16M, 1G), not "${value}"`,
    badRuns: (value: string, max: number) => `--runs must be a whole number from 1 to ${max}, not "${value}"`,
    badTechnique: (name: string, guess: string | undefined, all: readonly string[]) =>
      `no technique called "${name}"; ${guess ? `did you mean ${guess}?` : `the techniques are ${all.join(', ')}`}`,
    notLinux: (platform: string) => `the lab measures the Linux kernel and this is ${platform}; the other commands work here`,
    noCompiler: (cc: string) => `the lab builds a small C helper on first use and found no C compiler (${cc}); install gcc or clang, or set CC`,
    buildFailed: (cc: string, line: string) => `the lab could not build its C helper with ${cc}: ${line}`,
    cacheUnwritable: (dir: string, why: string) => `the lab cannot keep its helper in ${dir}: ${why}`,
    helperFailed: (call: string, errno: string, message: string) => `the lab failed on this machine: ${call}() gave ${errno} (${message})`,
    helperBroken: (why: string) => `the lab helper misbehaved: ${why}`,
    bytesWrong: (technique: string, sent: number, received: number, size: number) =>
      `${technique}: ${sent} bytes sent and ${received} received, not ${size}`,
    interrupted: 'interrupted; the temporary files and child processes are gone',
  },
  zh: {
    claimsAlone: '--claims 自己决定大小、分段和轮数：请不要同时使用 --size、--chunk、--runs 和 --technique',
    badSize: (key: string, value: string, min: string, max: string) => `--${key} 须是 ${min} 到 ${max} 之间的大小（如 64K、16M、1G），“${value}”不行`,
    badRuns: (value: string, max: number) => `--runs 须是 1 到 ${max} 之间的整数，“${value}”不行`,
    badTechnique: (name: string, guess: string | undefined, all: readonly string[]) =>
      `没有叫“${name}”的技术；${guess ? `你是想输入 ${guess} 吗？` : `可选的有 ${all.join('、')}`}`,
    notLinux: (platform: string) => `lab 测量的是 Linux 内核，这台机器是 ${platform}；其他命令在这里照常可用`,
    noCompiler: (cc: string) => `lab 首次使用时要编译一个小的 C 辅助程序，但找不到 C 编译器（${cc}）；请安装 gcc 或 clang，或设置 CC`,
    buildFailed: (cc: string, line: string) => `lab 无法用 ${cc} 编译它的 C 辅助程序：${line}`,
    cacheUnwritable: (dir: string, why: string) => `lab 无法把辅助程序放进 ${dir}：${why}`,
    helperFailed: (call: string, errno: string, message: string) => `实验在这台机器上失败了：${call}() 返回 ${errno}（${message}）`,
    helperBroken: (why: string) => `实验辅助程序行为异常：${why}`,
    bytesWrong: (technique: string, sent: number, received: number, size: number) =>
      `${technique}：发送 ${sent} 字节、收到 ${received} 字节，应为 ${size}`,
    interrupted: '已中断；临时文件和子进程都已清理',
  },
});

export interface NoteFacts {
  technique: string;
  fs: string;
  chunks: number;
  chunk: number;
  nvcsw: number;
  minflt: number;
  zcCompletions: number;
  zcCopied: number;
}

/** What `zcopy lab` prints around its numbers, and the notes that say what they can and cannot show. */
export const LAB_TEXT = catalogue({
  en: {
    progress: (technique: string, run: string) => `measuring ${technique} (${run})`,
    warmup: 'warm-up',
    runOf: (i: number, n: number) => `run ${grouped(i)} of ${grouped(n)}`,
    heading: (size: string, chunk: string, chunks: number, runs: number) =>
      `zcopy lab: ${size} in ${chunk} chunks (${grouped(chunks)}), ${grouped(runs)} run${runs === 1 ? '' : 's'} after a warm-up`,
    machine: (kernel: string, arch: string, fs: string) => `Linux ${kernel} ${arch} · the file on ${fs} · receiver on 127.0.0.1 over TCP`,
    pageCache: (pct: number) =>
      pct >= 99.5
        ? `Page cache: warm. The file was just written and fsync'd, and mincore() found ${fmtPct(pct)} of its pages cached before every run: reads came from memory, not the disk. zcopy leaves the cache warm, so every technique starts alike.`
        : `Page cache: partly warm: mincore() found at least ${fmtPct(pct)} of the file's pages cached before each run.`,
    columns: { technique: 'technique', calls: 'calls/chunk', lab: 'lab', model: 'model', cpu: 'CPU ms', wall: 'wall ms', median: 'median (min-max)' },
    refused: 'refused',
    barsCalls: 'System calls per chunk, sender side: █ measured  ░ model',
    barsCpu: 'Sender CPU time per run, from the scheduler\'s clock (median)',
    clocks:
      'CPU ms is the sender\'s time on a CPU over its whole life, from its creation to its exit (start-up and exit included); wall ms runs from its first system call until the receiver holds the last byte. The two cover different spans, so CPU can exceed wall. Under each technique below, the CPU time stands beside the sender\'s life, the span it covers.',
    lived: (life: string, cpu: string) => `lived ${life} ms from its creation to its exit, ${cpu} ms of it on a CPU`,
    split: (user: string, sys: string) => `getrusage's user/system split, a hint (often sampled per timer tick): user ${user} ms, system ${sys} ms`,
    details: 'What the sender did, per run (median)',
    callsPerRun: 'calls',
    switches: (v: number, i: number) => `context switches: ${grouped(v)} voluntary, ${grouped(i)} involuntary`,
    received: (bytes: string) => `receiver counted ${bytes}, all of it`,
    copied: (bytes: string) => `the copy holds ${bytes}, all of it`,
    medians: 'Figures are medians over the runs, with (min-max) where shown.',
    verified: 'the warm-up checked every byte',
    modelFrom: (n: number, calls: string, source: string) => `model: ${grouped(n)} per chunk (${calls}; ${source})`,
    modelTotals: (c: Counters, chunks: number, loop: number, cache: 'cold' | 'warm') =>
      `model for this run (${grouped(chunks)} chunks, ${cache === 'warm' ? 'the file already cached: no disk DMA' : 'a cold cache: every chunk read from the disk'}): ${grouped(c.syscalls)} system calls, ${grouped(c.modeSwitches)} mode switches, ${grouped(c.cpuCopies)} CPU copies, ${grouped(c.dmaCopies)} DMA copies, ${grouped(c.interrupts)} interrupts; measured: ${grouped(loop)} calls in the transfer loop. The copies and interrupts are not measured: on loopback no NIC DMA happens, and the receiver copies too.`,
    notes: 'Notes',
    general: [
      'Loopback has no network card: no DMA to a NIC happens, the bytes end in the receiver\'s socket buffer, and the receiver still copies every one of them out with read(). Only the sender is measured.',
      'System calls are counted by the helper at each call site, by their kernel names: the same counts `strace -f` shows for the sender\'s process.',
      'Context switches (ru_nvcsw, ru_nivcsw) count the times the sender\'s process gave up or lost the CPU. They are process context switches, not the model\'s mode switches: every system call is two mode switches and usually no context switch.',
      'CPU time is the sender\'s time on the CPU by the scheduler\'s own clock (/proc/PID/schedstat, in nanoseconds), user and kernel together, from the sender\'s creation to its exit. The user/system split under each technique is getrusage()\'s, which many kernels sample at each timer tick: read it as a hint (0 can mean less than a tick).',
    ],
    technique: {
      'read-write': () => 'read() copies page cache -> user buffer and write() copies user buffer -> socket buffer: the model\'s two CPU copies are made inside those calls, in kernel mode, and counted in the CPU total.',
      'mmap-write': (f: NoteFacts) =>
        `One mmap() before the loop and one munmap() after; reading the mapping took ${grouped(f.minflt)} minor page faults per run, which are not system calls.`,
      sendfile: () => 'One sendfile() per chunk because the lab asks for a chunk per call; one call could move the whole file.',
      splice: (f: NoteFacts) =>
        `pipe2() once (the lesson's pipe), then two splice() calls per chunk: file -> pipe, pipe -> socket.${f.chunk > 64 * 1024 ? ' A pipe holds 64 KiB (16 pages) unless resized, so a larger chunk takes more splices.' : ''}`,
      'msg-zerocopy': (f: NoteFacts) =>
        `${grouped(f.zcCopied)} of ${grouped(f.zcCompletions)} completions per run said SO_EE_CODE_ZEROCOPY_COPIED: on loopback the packet is delivered to a local socket, and the kernel copies it there (a deferred copy). MSG_ZEROCOPY avoids the copy only towards a real NIC. The file is mapped once and each chunk is a slice of the mapping, sent as it is; after each send the error queue is read once (recvmsg), and poll() waits only at the end for the completions still out, as the lesson says.`,
      'direct-io': (f: NoteFacts) =>
        f.fs === 'tmpfs'
          ? 'The file is on tmpfs, which has no disk: O_DIRECT reads memory here.'
          : `O_DIRECT skips the page cache even though the file is cached: every read waits for the disk (${grouped(f.nvcsw)} voluntary context switches for ${grouped(f.chunks)} chunks).`,
      'copy-file-range': (f: NoteFacts) =>
        `File to file inside the kernel: no socket and no receiver process; the bytes are checked by the copy's size. On ${f.fs}${f.fs === 'btrfs' || f.fs === 'xfs' ? ' the kernel may share the blocks (reflink) instead of copying them' : ' the kernel copies the pages itself'}.`,
    } as Record<string, (f: NoteFacts) => string>,
    refusedNote: (fs: string, call: string, errno: string, message: string) =>
      `This machine refused it: ${call}() gave ${errno} (${message}) on ${fs}. Nothing was measured.`,
    directRefused: ' O_DIRECT needs the buffer, the offset and the length aligned to the block size, and a filesystem that supports it; programs that meet a refusal fall back to ordinary buffered reads.',
    difference: (name: string, measured: number, predicted: number) => `${name}: ${grouped(measured)} calls per run against the model's ${grouped(predicted)}`,
    why: {
      more: 'a call moved less than it was asked to (a socket buffer was full, or a pipe held less), so another call moved the rest',
      fewer: 'one completion notification covered several sends',
    },
  },
  zh: {
    progress: (technique: string, run: string) => `正在测量 ${technique}（${run}）`,
    warmup: '预热',
    runOf: (i: number, n: number) => `第 ${grouped(i)}/${grouped(n)} 轮`,
    heading: (size: string, chunk: string, chunks: number, runs: number) =>
      `zcopy lab：${size}，每段 ${chunk}（共 ${grouped(chunks)} 段），预热后测 ${grouped(runs)} 轮`,
    machine: (kernel: string, arch: string, fs: string) => `Linux ${kernel} ${arch} · 文件在 ${fs} 上 · 接收方在 127.0.0.1，走 TCP`,
    pageCache: (pct: number) =>
      pct >= 99.5
        ? `页缓存：热。文件刚写完并 fsync，每轮之前 mincore() 都发现 ${fmtPct(pct)} 的页在缓存里：读取来自内存而不是磁盘。zcopy 不清空缓存，让每种技术从同样的起点开始。`
        : `页缓存：部分为热：每轮之前 mincore() 发现至少 ${fmtPct(pct)} 的页在缓存里。`,
    columns: { technique: '技术', calls: '每段调用', lab: '实测', model: '模型', cpu: 'CPU ms', wall: '耗时 ms', median: '中位数（最小-最大）' },
    refused: '被拒绝',
    barsCalls: '发送方每段的系统调用：█ 实测  ░ 模型',
    barsCpu: '发送方每轮 CPU 时间，按调度器的时钟（中位数）',
    clocks:
      'CPU ms 是发送方整个生命周期（从创建到退出，启动和退出都算在内）占用 CPU 的时间；耗时 ms 从它的第一个系统调用算起，到接收方拿到最后一个字节为止。两者覆盖的时间段不同，所以 CPU 时间可能超过耗时。下面每种技术之下，CPU 时间旁边是它覆盖的时间段，即发送方的存活时间。',
    lived: (life: string, cpu: string) => `从创建到退出存活 ${life} ms，其中占用 CPU ${cpu} ms`,
    split: (user: string, sys: string) => `getrusage 的用户/系统拆分，仅供参考（常按时钟滴答抽样）：用户态 ${user} ms，内核态 ${sys} ms`,
    details: '发送方每轮做了什么（中位数）',
    callsPerRun: '调用',
    switches: (v: number, i: number) => `进程上下文切换：自愿 ${grouped(v)} 次，非自愿 ${grouped(i)} 次`,
    received: (bytes: string) => `接收方收到 ${bytes}，一个不少`,
    copied: (bytes: string) => `副本有 ${bytes}，一个不少`,
    medians: '数字是各轮的中位数，括号里是（最小-最大）。',
    verified: '预热时逐字节核对过',
    modelFrom: (n: number, calls: string, source: string) => `模型：每段 ${grouped(n)} 次（${calls}；${source}）`,
    modelTotals: (c: Counters, chunks: number, loop: number, cache: 'cold' | 'warm') =>
      `本次运行的模型（${grouped(chunks)} 段，${cache === 'warm' ? '文件已在缓存中：没有磁盘 DMA' : '缓存是冷的：每段都从磁盘读'}）：系统调用 ${grouped(c.syscalls)} 次，模式切换 ${grouped(c.modeSwitches)} 次，CPU 拷贝 ${grouped(c.cpuCopies)} 次，DMA 拷贝 ${grouped(c.dmaCopies)} 次，中断 ${grouped(c.interrupts)} 次；实测：传输循环中 ${grouped(loop)} 次调用。拷贝和中断没有测量：回环上没有网卡 DMA，接收方也要拷贝。`,
    notes: '说明',
    general: [
      '回环没有网卡：不会有到网卡的 DMA，数据停在接收方的 socket 缓冲区里，接收方还要用 read() 把每个字节拷出来。这里只测发送方。',
      '系统调用由辅助程序在每个调用处按内核名字计数：和 `strace -f` 对发送方进程看到的数一样。',
      '进程上下文切换（ru_nvcsw、ru_nivcsw）数的是发送方进程让出或被夺走 CPU 的次数，不是模型里的模式切换：每次系统调用是两次模式切换，通常没有进程上下文切换。',
      'CPU 时间是调度器自己的时钟记下的发送方从创建到退出占用 CPU 的时间（/proc/PID/schedstat，纳秒），用户态和内核态合在一起。每种技术下的用户/系统拆分来自 getrusage()，很多内核在每个时钟滴答时抽样记账：只作参考（0 可能表示不到一个滴答）。',
    ],
    technique: {
      'read-write': () => 'read() 把页缓存拷到用户缓冲区，write() 再把用户缓冲区拷到 socket 缓冲区：模型里的两次 CPU 拷贝都在这两个调用里、在内核态完成，计入 CPU 合计。',
      'mmap-write': (f: NoteFacts) => `循环前一次 mmap()，循环后一次 munmap()；读映射区每轮产生 ${grouped(f.minflt)} 次次要缺页，缺页不是系统调用。`,
      sendfile: () => '每段一次 sendfile()，因为实验每次只要求一段；其实一次调用就能发完整个文件。',
      splice: (f: NoteFacts) =>
        `先一次 pipe2()（课程里的管道），然后每段两次 splice()：文件 -> 管道，管道 -> socket。${f.chunk > 64 * 1024 ? '管道默认只能装 64 KiB（16 页），段更大就要更多次 splice。' : ''}`,
      'msg-zerocopy': (f: NoteFacts) =>
        `每轮 ${grouped(f.zcCompletions)} 个完成通知里有 ${grouped(f.zcCopied)} 个带 SO_EE_CODE_ZEROCOPY_COPIED：在回环上数据包被交给本机的 socket，内核在那里照样拷贝（延迟拷贝）。MSG_ZEROCOPY 只有发往真实网卡时才省掉拷贝。文件只映射一次，每段都是映射区里的一片，原样发送；每次发送之后读一次错误队列（recvmsg），只在最后用 poll() 等待剩下的完成通知，和课程里说的一样。`,
      'direct-io': (f: NoteFacts) =>
        f.fs === 'tmpfs'
          ? '文件在 tmpfs 上，没有磁盘：这里的 O_DIRECT 读的是内存。'
          : `即使文件在缓存里，O_DIRECT 也绕过页缓存：每次 read 都要等磁盘（${grouped(f.chunks)} 段对应 ${grouped(f.nvcsw)} 次自愿上下文切换）。`,
      'copy-file-range': (f: NoteFacts) =>
        `在内核里从文件到文件：没有 socket，也没有接收进程；字节数由副本的大小核对。在 ${f.fs} 上${f.fs === 'btrfs' || f.fs === 'xfs' ? '内核可能共享数据块（reflink）而不拷贝' : '内核自己拷贝这些页'}。`,
    } as Record<string, (f: NoteFacts) => string>,
    refusedNote: (fs: string, call: string, errno: string, message: string) => `这台机器拒绝了它：在 ${fs} 上 ${call}() 返回 ${errno}（${message}）。没有测到任何数据。`,
    directRefused: 'O_DIRECT 要求缓冲区、偏移和长度都按块大小对齐，还要文件系统支持；被拒绝的程序会退回普通的带缓存读取。',
    difference: (name: string, measured: number, predicted: number) => `${name}：每轮 ${grouped(measured)} 次，模型是 ${grouped(predicted)} 次`,
    why: {
      more: '有的调用没搬完要求的量（socket 缓冲区满了，或管道装不下），于是再调用一次搬剩下的',
      fewer: '一个完成通知覆盖了好几次发送',
    },
  },
});

/** A percentage to one decimal: 99.5%, 6.3%. */
export function fmtPct(pct: number): string {
  return `${Math.round(pct * 10) / 10}%`;
}

/** The figures the direct I/O claim's verdict states (percentages and milliseconds, formatted). */
export interface DirectFigures {
  /** The most of the file O_DIRECT left cached after a run, and the least buffered reads left. */
  dio: string;
  rw: string;
  big: string;
  small: string;
  bigDio: string;
  bigRw: string;
  smallDio: string;
  smallRw: string;
  smallCheaper: boolean;
  /** The larger reads' wall times; slower when O_DIRECT's was the longer. */
  bigDioWall: string;
  bigRwWall: string;
  slower: boolean;
}

/** `zcopy lab --claims`: the articles' claims, what was measured, and a verdict with its caveats. */
export const CLAIMS = catalogue({
  en: {
    title: 'Claims checked on this machine',
    claim: {
      twiceAsFast: 'Zero-copy makes file transfer at least twice as fast.',
      zerocopyThreshold: 'MSG_ZEROCOPY pays off only for sends of about 10 KB or more.',
      directIoHugeFiles: 'For huge files, direct I/O (with asynchronous I/O) beats the page cache and zero-copy.',
    },
    source: {
      twiceAsFast: 'source: the article “零拷贝，性能优化必争之地！” (“Zero-copy, the battleground of performance”), comparing sendfile with read() + write()',
      zerocopyThreshold:
        'source: the Linux kernel documentation, Documentation/networking/msg_zerocopy.rst (“generally only effective at writes over around 10 KB”), as quoted in “Linux I/O 原理和 Zero-copy 技术全面揭秘” (Tencent 腾讯技术工程, 2020)',
      directIoHugeFiles: 'source: the article “零拷贝，性能优化必争之地！” (“Zero-copy, the battleground of performance”), on transferring large files',
    },
    wall: (t: string, v: string) => `${t}: ${v} ms wall time per run (median)`,
    cpu: (t: string, v: string) => `${t}: ${v} ms of the sender's CPU per run (median)`,
    sweep: (chunk: string, copy: string, zc: string, copied: number, all: number) =>
      `${chunk} chunks: mmap + write ${copy} ms CPU, MSG_ZEROCOPY ${zc} ms CPU (${copied} of ${all} completions said the kernel copied)`,
    ratio: (r: string, size: string) => `read() + write() took ${r}x sendfile's time for ${size}`,
    crossover: (chunk: string) => `MSG_ZEROCOPY used no more CPU than a copy from ${chunk} chunks up`,
    never: 'MSG_ZEROCOPY used more CPU than a copy at every chunk size tried',
    allCopied: 'every completion reported SO_EE_CODE_ZEROCOPY_COPIED: the kernel copied the bytes anyway, so a threshold cannot show here',
    refused: 'the kernel or the filesystem refused a technique it needs',
    directNotMeasured: (fs: string, call: string, errno: string) =>
      `O_DIRECT was refused on ${fs} (${call}() gave ${errno}): nothing read around the page cache, so there was nothing to compare`,
    direct: {
      cacheLine: (t: string, before: string, after: string) => `${t}: ${before} of the file in the page cache before each run, ${after} after it`,
      reads: (chunk: string, rwCpu: string, dioCpu: string, rwWall: string, dioWall: string) =>
        `${chunk} reads: read-write ${rwCpu} ms of the sender's CPU, direct-io ${dioCpu} ms; wall time ${rwWall} ms and ${dioWall} ms (medians)`,
      held: (f: DirectFigures) =>
        `O_DIRECT left ${f.dio} of the file in the page cache where buffered reads left ${f.rw}, and with ${f.big} reads it used ${f.bigDio} ms of CPU against ${f.bigRw} ms` +
        (f.smallCheaper
          ? ` (${f.small} reads: ${f.smallDio} ms against ${f.smallRw} ms)`
          : `; with ${f.small} reads it used more (${f.smallDio} ms against ${f.smallRw} ms): without read-ahead every O_DIRECT read is a request to the disk of its own`) +
        (f.slower ? `; by the clock its ${f.big} reads were slower (${f.bigDioWall} ms against ${f.bigRwWall} ms), one request at a time` : ''),
      dirtied: (f: DirectFigures) => `O_DIRECT left ${f.dio} of the file in the page cache (buffered reads ${f.rw}): it did not keep the file out of the cache`,
      bufferedLeftLittle: (f: DirectFigures) =>
        `buffered reads left only ${f.rw} of the file in the page cache (O_DIRECT ${f.dio}): there was no cache pollution here for O_DIRECT to avoid`,
      costlier: (f: DirectFigures) =>
        `O_DIRECT kept the file out of the page cache (${f.dio}, buffered reads ${f.rw}) but used more CPU even with ${f.big} reads: ${f.bigDio} ms against ${f.bigRw} ms`,
      notCold: (pct: string, fs: string) =>
        `posix_fadvise(POSIX_FADV_DONTNEED) still left ${pct} of the file in the page cache before a run${fs === 'tmpfs' ? ' (on tmpfs the page cache is where the file lives)' : ''}: the reads were not cold, so they cannot show what reading around the cache saves`,
      noMincore: "mincore() could not see the file's pages, so what each way of reading left in the page cache is unknown",
      huge: (size: string) =>
        `the file is ${size}, far smaller than memory: nothing else was pushed out of the cache here; that a huge file's pages push out other data is extrapolated from how much of this file each way of reading left cached`,
      noAio: 'no asynchronous I/O: each O_DIRECT read waits for the disk alone, with no read-ahead, while buffered reads are read ahead; a program that keeps several large O_DIRECT reads in flight need not be slower, so a slower clock here makes the verdict mixed, not a failure',
      coldIs: "cold means out of this kernel's page cache (posix_fadvise drops the file's pages before every run); the disk below may keep a cache of its own (a virtual machine's host, a drive's buffer)",
    },
    verdict: { holds: 'Holds here', mixed: 'Mixed here', doesNotHold: 'Does not hold here', notTestableHere: 'Cannot be tested here', notMeasured: 'Not measured' },
    /** Between the verdict and what it says. */
    colon: ': ',
    caveat: {
      loopback: 'loopback: no network card, no NIC DMA, and the receiver copies every byte out',
      warm: 'the file was cached before every run (warm page cache)',
      fs: (fs: string) => `one filesystem (${fs}), one kernel, one machine`,
    },
  },
  zh: {
    title: '在本机上检验的说法',
    claim: {
      twiceAsFast: '零拷贝能把文件传输的性能提高至少一倍。',
      zerocopyThreshold: 'MSG_ZEROCOPY 只在发送 10KB 左右以上的大包时才划算。',
      directIoHugeFiles: '对于超大文件，直接 I/O（配合异步 I/O）胜过页缓存和零拷贝。',
    },
    source: {
      twiceAsFast: '出处：《零拷贝，性能优化必争之地！》一文，比较 sendfile 与 read() + write()',
      zerocopyThreshold: '出处：Linux 内核文档 Documentation/networking/msg_zerocopy.rst（“generally only effective at writes over around 10 KB”），《Linux I/O 原理和 Zero-copy 技术全面揭秘》（腾讯技术工程，2020）引用了它',
      directIoHugeFiles: '出处：《零拷贝，性能优化必争之地！》一文中讲大文件传输的部分',
    },
    wall: (t: string, v: string) => `${t}：每轮耗时 ${v} ms（中位数）`,
    cpu: (t: string, v: string) => `${t}：发送方每轮 CPU ${v} ms（中位数）`,
    sweep: (chunk: string, copy: string, zc: string, copied: number, all: number) =>
      `每段 ${chunk}：mmap + write CPU ${copy} ms，MSG_ZEROCOPY CPU ${zc} ms（${all} 个完成通知中有 ${copied} 个说内核做了拷贝）`,
    ratio: (r: string, size: string) => `传输 ${size} 时，read() + write() 用时是 sendfile 的 ${r} 倍`,
    crossover: (chunk: string) => `从每段 ${chunk} 起，MSG_ZEROCOPY 的 CPU 开销不超过拷贝`,
    never: '在所有测试的段大小下，MSG_ZEROCOPY 的 CPU 开销都高于拷贝',
    allCopied: '每个完成通知都报告 SO_EE_CODE_ZEROCOPY_COPIED：内核还是拷贝了数据，所以这里测不出阈值',
    refused: '内核或文件系统拒绝了所需的某种技术',
    directNotMeasured: (fs: string, call: string, errno: string) =>
      `O_DIRECT 在 ${fs} 上被拒绝（${call}() 返回 ${errno}）：没有绕过页缓存的读取，也就无从比较`,
    direct: {
      cacheLine: (t: string, before: string, after: string) => `${t}：每轮开始前文件有 ${before} 在页缓存中，结束后有 ${after}`,
      reads: (chunk: string, rwCpu: string, dioCpu: string, rwWall: string, dioWall: string) =>
        `每次读 ${chunk}：发送方 CPU read-write ${rwCpu} ms，direct-io ${dioCpu} ms；耗时分别为 ${rwWall} ms 和 ${dioWall} ms（中位数）`,
      held: (f: DirectFigures) =>
        `O_DIRECT 读完后文件只有 ${f.dio} 留在页缓存里，带缓存的读取则留下 ${f.rw}；每次读 ${f.big} 时，O_DIRECT 用了 ${f.bigDio} ms CPU，带缓存的读取用了 ${f.bigRw} ms` +
        (f.smallCheaper
          ? `（每次读 ${f.small} 时：${f.smallDio} ms 对 ${f.smallRw} ms）`
          : `；每次读 ${f.small} 时 O_DIRECT 反而更费 CPU（${f.smallDio} ms 对 ${f.smallRw} ms）：没有预读，O_DIRECT 的每次读取都是单独一次磁盘请求`) +
        (f.slower ? `；按耗时算，O_DIRECT 每次读 ${f.big} 反而更慢（${f.bigDioWall} ms 对 ${f.bigRwWall} ms），因为一次只发一个请求` : ''),
      dirtied: (f: DirectFigures) => `O_DIRECT 读完后文件仍有 ${f.dio} 留在页缓存里（带缓存的读取是 ${f.rw}）：它没能让文件远离缓存`,
      bufferedLeftLittle: (f: DirectFigures) => `带缓存的读取只在页缓存里留下 ${f.rw} 的文件（O_DIRECT 是 ${f.dio}）：这里本就没有需要 O_DIRECT 避免的缓存污染`,
      costlier: (f: DirectFigures) =>
        `O_DIRECT 确实没让文件进入页缓存（${f.dio}，带缓存的读取是 ${f.rw}），但即使每次读 ${f.big}，它的 CPU 开销也更高：${f.bigDio} ms 对 ${f.bigRw} ms`,
      notCold: (pct: string, fs: string) =>
        `posix_fadvise(POSIX_FADV_DONTNEED) 之后，每轮开始前仍有 ${pct} 的文件在页缓存里${fs === 'tmpfs' ? '（tmpfs 上的文件本来就存放在页缓存里）' : ''}：读取不是冷的，测不出绕过缓存能省下什么`,
      noMincore: 'mincore() 看不到文件的页，无从知道每种读法在页缓存里留下了多少',
      huge: (size: string) =>
        `文件只有 ${size}，远小于内存：这里没有别的数据被挤出缓存；超大文件会把别人的数据挤出去，是从每种读法在缓存里留下了多少推断出来的`,
      noAio: '没有异步 I/O：O_DIRECT 的每次读取都独自等待磁盘，没有预读，而带缓存的读取有预读；同时挂起几个大读请求的程序未必更慢，所以这里按耗时更慢只让结论变成有利有弊，而不是不成立',
      coldIs: '“冷”指不在本内核的页缓存里（每轮之前用 posix_fadvise 丢弃文件的页）；下面的磁盘可能还有自己的缓存（虚拟机的宿主机、硬盘的缓冲区）',
    },
    verdict: { holds: '在这里成立', mixed: '在这里有利有弊', doesNotHold: '在这里不成立', notTestableHere: '在这里无法检验', notMeasured: '未测量' },
    colon: '：',
    caveat: {
      loopback: '回环：没有网卡、没有网卡 DMA，接收方还要把每个字节拷出来',
      warm: '每轮之前文件都已在缓存中（热页缓存）',
      fs: (fs: string) => `只有一种文件系统（${fs}）、一个内核、一台机器`,
    },
  },
});
