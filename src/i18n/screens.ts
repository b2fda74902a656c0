import { catalogue } from './lang.js';

/** The words the screens share: a page of text's position, a scrolled menu's edges. */
export const SCREENS = catalogue({
  en: {
    /** Which lines of a page of text are shown (explain, compare, the glossary, progress). */
    lines: (from: number, to: number, of: number) => `lines ${from}-${to} of ${of}`,
    /** A menu scrolled past some of its items. */
    above: (n: number) => `↑ ${n} more above`,
    below: (n: number) => `↓ ${n} more below`,
    /** A list's filter matched nothing. */
    noMatch: (typed: string) => `nothing matches "${typed}"`,
  },
  zh: {
    lines: (from, to, of) => `第 ${from}-${to} 行，共 ${of} 行`,
    above: (n) => `↑ 上面还有 ${n} 项`,
    below: (n) => `↓ 下面还有 ${n} 项`,
    noMatch: (typed) => `没有与“${typed}”匹配的项`,
  },
});

/** The lab as the app runs it: what it will do, how far it is, how it ended. */
export const LAB_SCREEN = catalogue({
  en: {
    title: 'zcopy lab: measure the techniques on this machine',
    does: (techniques: number, runs: number, warmup: number, size: string, chunk: string) =>
      `The lab sends a ${size} file over TCP on this machine (127.0.0.1) in ${chunk} chunks with each of ${techniques} techniques, ${warmup} warm-up and ${runs} measured runs each, and counts the system calls, CPU time and page faults beside what the model predicts.`,
    takes: (seconds: number) => `It takes roughly ${seconds} seconds (more on a busy machine); the first run also builds a small C helper with the system's compiler.`,
    start: 'Press Enter to start, q to go back. While it runs, q stops it and removes its files.',
    building: 'building the C helper…',
    measuring: 'measuring',
    waiting: 'waiting',
    measured: 'done',
    stopping: 'stopping: the helper is removing its files…',
    stopped: 'Stopped; the temporary files and child processes are gone. Enter runs it again.',
    failed: 'The lab cannot run here:',
  },
  zh: {
    title: 'zcopy lab：在这台机器上实测各种技术',
    does: (techniques, runs, warmup, size, chunk) =>
      `lab 在本机通过 TCP（127.0.0.1）发送一个 ${size} 的文件，每段 ${chunk}，${techniques} 种技术各预热 ${warmup} 轮、实测 ${runs} 轮，统计系统调用、CPU 时间和缺页，并与模型的预测并列。`,
    takes: (seconds) => `大约需要 ${seconds} 秒（机器繁忙时更久）；第一次运行还要用系统的编译器编译一个小的 C 辅助程序。`,
    start: '按 Enter 开始，q 返回。运行中按 q 可停止，并清理它的文件。',
    building: '正在编译 C 辅助程序…',
    measuring: '测量中',
    waiting: '等待',
    measured: '完成',
    stopping: '正在停止：辅助程序在清理文件…',
    stopped: '已停止；临时文件和子进程都已清理。按 Enter 可重新运行。',
    failed: 'lab 无法在这里运行：',
  },
});

/** `zcopy trace` on a terminal: its report as a page, a flow marked, its lesson a key away. */
export const TRACE_SCREEN = catalogue({
  en: {
    title: (source: string) => `zcopy trace · ${source}`,
    /** Which flow is marked, of how many. */
    flowOf: (n: number, of: number) => `flow ${n}/${of}`,
    noLesson: (n: number, technique: string) => `Flow ${n} (${technique}) has no lesson to open.`,
    noFlows: 'There is no flow to open.',
  },
  zh: {
    title: (source) => `zcopy trace · ${source}`,
    flowOf: (n, of) => `数据流 ${n}/${of}`,
    noLesson: (n, technique) => `数据流 ${n}（${technique}）没有可打开的课程。`,
    noFlows: '没有可打开的数据流。',
  },
});
