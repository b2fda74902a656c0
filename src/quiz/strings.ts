import type { Lang } from '../i18n/lang.js';
import { COUNTER_NOUNS } from '../i18n/strings.js';
import type { Job } from '../lessons/index.js';
import { formulaText, type Counters, type Formula } from '../model/index.js';

/** Every learner-visible string of the quiz and of `zcopy progress`, in both languages. */

export const KINDS = ['counts', 'mover', 'mode', 'next', 'where', 'fits', 'fewer', 'reverse'] as const;
export type Kind = (typeof KINDS)[number];

/** The counters the quiz asks about. */
export const QUIZ_COUNTERS = ['cpuCopies', 'dmaCopies', 'modeSwitches', 'syscalls'] as const;
export type QuizCounter = (typeof QUIZ_COUNTERS)[number];

/** Situations a "which technique fits" question describes. */
export const CONSTRAINTS = ['modify', 'socketInput', 'noScatterGather', 'noSyscallPerChunk', 'hugeFile'] as const;
export type Constraint = (typeof CONSTRAINTS)[number];

type L<T> = Record<Lang, T>;

/** Why a step is, or is not, counted as a mode switch: the case a mode question's explanation states. */
export type ModeWhy = 'call' | 'trapIn' | 'trapOut' | 'trapInKernel' | 'same';

export const KIND_LABELS: L<Record<Kind, string>> = {
  en: {
    counts: 'counting',
    mover: 'who moves the bytes',
    mode: 'CPU mode',
    next: 'what happens next',
    where: 'where the payload is',
    fits: 'which technique fits',
    fewer: 'which makes fewer',
    reverse: 'which technique is it',
  },
  zh: {
    counts: '计数',
    mover: '谁搬运数据',
    mode: 'CPU 模式',
    next: '下一步发生什么',
    where: '数据在哪里',
    fits: '哪种技术合适',
    fewer: '谁更少',
    reverse: '这是哪种技术',
  },
};

/** What a job does, as the header of a question whose answer is a scenario. */
export const JOB_LABELS: L<Record<Job, string>> = {
  en: { read: 'reading a file into a process', send: 'sending a file to the network', share: 'sharing pages', cache: 'serving readers from the page cache' },
  zh: { read: '把文件读进进程', send: '把文件发到网络', share: '共享页面', cache: '用页缓存服务读者' },
};

const NAMES: L<Record<QuizCounter, string>> = {
  en: { cpuCopies: 'CPU copies', dmaCopies: 'DMA copies', modeSwitches: 'mode switches', syscalls: 'system calls' },
  // Latin words get a space before them after Chinese text.
  zh: { cpuCopies: ' CPU 拷贝', dmaCopies: ' DMA 拷贝', modeSwitches: '模式切换', syscalls: '系统调用' },
};

/** "1 CPU copy", "2 mode switches"; "1 次 CPU 拷贝". */
export function amount(n: number, counter: keyof Counters, lang: Lang): string {
  const [one, many] = COUNTER_NOUNS[lang][counter];
  // Chinese counts with the measure word 次, and spaces a Latin word from it.
  return lang === 'zh' ? `${n} 次${/^[A-Za-z]/.test(one) ? ' ' : ''}${one}` : `${n} ${n === 1 ? one : many}`;
}

const list = (items: (string | number)[], lang: Lang) => items.join(lang === 'zh' ? '、' : ', ');

export const Q = {
  countPrompt: {
    en: (id: string, c: QuizCounter) => `How many ${NAMES.en[c]} does ${id} make in all?`,
    zh: (id: string, c: QuizCounter) => `${id} 一共发生几次${NAMES.zh[c]}？`,
  },
  countExplain: {
    en: (id: string, n: number, c: QuizCounter, steps: number[]) =>
      `${id} makes ${amount(n, c, 'en')}${steps.length ? ` (step${steps.length > 1 ? 's' : ''} ${list(steps, 'en')})` : ''}.`,
    zh: (id: string, n: number, c: QuizCounter, steps: number[]) =>
      `${id} 一共 ${amount(n, c, 'zh')}${steps.length ? `（第 ${list(steps, 'zh')} 步）` : ''}。`,
  },
  callsAre: {
    en: (calls: string[]) => `The calls: ${list(calls, 'en')}.`,
    zh: (calls: string[]) => `调用依次是：${list(calls, 'zh')}。`,
  },
  twoPerCall: {
    en: (calls: number) =>
      calls === 1 ? 'Its one system call costs two: into the kernel and back.' : `Each of its ${calls} system calls costs two: into the kernel and back.`,
    zh: (calls: number) => `它的 ${calls} 次系统调用每次两次切换：进入内核一次，返回一次。`,
  },
  oneChunk: {
    en: (chunks: number) => `That is one chunk's figure: the file is ${chunks} chunks, and every one repeats the transfer steps.`,
    zh: (chunks: number) => `这是一段的数字：文件共 ${chunks} 段，每段都要重复传输的步骤。`,
  },
  whatIf: { en: (words: string) => `What if ${words}? `, zh: (words: string) => `假如${words}：` },
  countPromptFile: {
    en: (id: string, c: QuizCounter, size: string, chunk: string) => `A program moves a ${size} file with ${id}, in ${chunk} chunks. How many ${NAMES.en[c]} does it make in all?`,
    zh: (id: string, c: QuizCounter, size: string, chunk: string) => `程序用 ${id} 搬运一个 ${size} 的文件，每段 ${chunk}。一共发生几次${NAMES.zh[c]}？`,
  },
  countExplainFile: {
    en: (id: string, c: QuizCounter, chunks: number, f: Formula, size: string, chunk: string, rounds: string | null) =>
      `${rounds ? `${rounds} ` : ''}${size} in ${chunk} chunks is ${chunks} ${chunks === 1 ? 'chunk' : 'chunks'}; ${id} makes ${f.perChunk} per chunk${f.setup ? `, ${f.setup} once to set up` : ''}${f.teardown ? `, ${f.teardown} at the end` : ''}: ${formulaText(f)} = ${amount(f.total, c, 'en')}.`,
    zh: (id: string, c: QuizCounter, chunks: number, f: Formula, size: string, chunk: string, rounds: string | null) =>
      `${rounds ?? ''}${size} 每段 ${chunk}，共 ${chunks} 段；${id} 每段 ${f.perChunk} 次${f.setup ? `，准备时一次性 ${f.setup} 次` : ''}${f.teardown ? `，收尾 ${f.teardown} 次` : ''}：${formulaText(f)} = ${f.total} 次${NAMES.zh[c]}。`,
  },
  countPromptPerChunk: {
    en: (id: string, c: QuizCounter) => `Once ${id} is set up, how many ${NAMES.en[c]} does it make per chunk (what a program repeats for every chunk)?`,
    zh: (id: string, c: QuizCounter) => `${id} 做完准备工作之后，每传一块数据发生几次${NAMES.zh[c]}（程序每块都要重复的部分）？`,
  },
  countExplainPerChunk: {
    en: (id: string, n: number, c: QuizCounter, steps: number[]) =>
      `Per chunk ${id} makes ${amount(n, c, 'en')}${steps.length ? ` (step${steps.length > 1 ? 's' : ''} ${list(steps, 'en')})` : ''}.`,
    zh: (id: string, n: number, c: QuizCounter, steps: number[]) =>
      `${id} 每块 ${amount(n, c, 'zh')}${steps.length ? `（第 ${list(steps, 'zh')} 步）` : ''}。`,
  },
  /** How the once-only steps make the difference between one chunk's total and what each chunk costs. */
  onceNote: {
    en: (c: QuizCounter, perChunk: number, total: number, once: string[]) =>
      `${once.length ? `${list(once, 'en')} ${once.length > 1 ? 'are' : 'is'} made once, not per chunk` : 'Its set-up happens once, not per chunk'}, so one chunk's total is ${amount(total, c, 'en')} but every further chunk costs ${amount(perChunk, c, 'en')}.`,
    zh: (c: QuizCounter, perChunk: number, total: number, once: string[]) =>
      `${once.length ? `${list(once, 'zh')} 只调用一次，并非每块都调` : '它的准备工作只做一次，并非每块都做'}，所以一块数据的总数是 ${amount(total, c, 'zh')}，之后每块只需 ${amount(perChunk, c, 'zh')}。`,
  },
  typeNumber: { en: 'Type a number.', zh: '请输入一个数字。' },
  typeChoice: { en: (last: string) => `Type a letter (a-${last}) or the choice.`, zh: (last: string) => `请输入字母（a-${last}）或选项内容。` },
  stepHead: {
    en: (id: string, n: number, does: string) => `${id}, step ${n}: ${does}.`,
    zh: (id: string, n: number, does: string) => `${id} 第 ${n} 步：${does}。`,
  },
  moverPrompt: {
    en: (id: string, n: number, blocks: string, from: string, to: string) =>
      `${id}, step ${n}: ${blocks} goes from the ${from} to the ${to}, as bytes or as a reference or mapping. Who moves the bytes?`,
    zh: (id: string, n: number, blocks: string, from: string, to: string) =>
      `${id} 第 ${n} 步：${blocks} 从${from}到了${to}，可能是字节本身，也可能只是引用或映射。是谁搬运这些字节？`,
  },
  moverChoices: {
    en: ['the CPU', 'the DMA controller', 'nobody: only a reference or a mapping moves'],
    zh: ['CPU', 'DMA 控制器', '没有谁：只移动了引用或映射'],
  },
  moverExplain: {
    en: (n: number, does: string) => `Step ${n}: ${does}.`,
    zh: (n: number, does: string) => `第 ${n} 步：${does}。`,
  },
  modePrompt: {
    en: (head: string) => `${head} After this step, which mode is the CPU in, and does the step add to the mode-switch count?`,
    zh: (head: string) => `${head}这一步之后 CPU 处于哪种模式？这一步计不计入模式切换次数？`,
  },
  modeChoices: {
    en: ['user mode, counted as a mode switch', 'kernel mode, counted as a mode switch', 'user mode, not counted as a mode switch', 'kernel mode, not counted as a mode switch'],
    zh: ['用户态，计入模式切换', '内核态，计入模式切换', '用户态，不计入模式切换', '内核态，不计入模式切换'],
  },
  /**
   * Why the step counts or not. Only a system call's entry and return count
   * (docs/MODEL.md, "Counting rules"), but an interrupt or a fault taken from user
   * mode does enter the kernel: the sentence says which of the two happened.
   */
  modeExplain: {
    en: (n: number, mode: string, why: ModeWhy, total: number) =>
      `After step ${n} the CPU is in ${mode} mode. ` +
      {
        call: `The step is a system call's entry or return: it is counted, mode switch number ${total} in this scenario.`,
        trapIn: 'Taking an interrupt or a page fault from user mode does enter the kernel, but it is not counted as a mode switch: zcopy, like the sources, counts only system calls\' entries and returns, and counts this as an interrupt or a page fault.',
        trapOut: 'Returning from an interrupt or fault handler to user mode does leave the kernel, but it is not counted as a mode switch: zcopy, like the sources, counts only system calls\' entries and returns.',
        trapInKernel: 'The CPU was already in kernel mode when it took this interrupt or fault, so the mode did not change, and nothing is counted as a mode switch.',
        same: 'The step does not change the mode, so nothing is counted as a mode switch.',
      }[why],
    zh: (n: number, mode: string, why: ModeWhy, total: number) =>
      `第 ${n} 步之后 CPU 处于${mode}。` +
      {
        call: `这一步是系统调用的进入或返回，计入模式切换，是本场景的第 ${total} 次。`,
        trapIn: '从用户态接收中断或缺页，确实会进入内核，但不计为模式切换：zcopy 和原文一样，只统计系统调用的进入和返回，这一步记作中断或缺页。',
        trapOut: '从中断或缺页处理程序返回用户态，确实离开了内核，但不计为模式切换：zcopy 和原文一样，只统计系统调用的进入和返回。',
        trapInKernel: 'CPU 接收这次中断或缺页时已经在内核态，模式没有改变，也不计模式切换。',
        same: '这一步没有改变模式，不计模式切换。',
      }[why],
  },
  modeOnly: {
    en: (mode: string) => `Mixed up the modes: after this step the CPU runs in ${mode} mode.`,
    zh: (mode: string) => `把模式弄反了：这一步之后 CPU 运行在${mode}。`,
  },
  nextPrompt: {
    en: (head: string) => `${head} What happens next?`,
    zh: (head: string) => `${head}接下来发生什么？`,
  },
  nextExplain: {
    en: (n: number, does: string, narration: string) => `Step ${n}: ${does}. ${narration}`,
    zh: (n: number, does: string, narration: string) => `第 ${n} 步：${does}。${narration}`,
  },
  wherePrompt: {
    en: (head: string) => `${head} Which of these places holds the payload's bytes after this step?`,
    zh: (head: string) => `${head}这一步之后，下面哪个位置存有数据的字节？`,
  },
  whereExplain: {
    en: (n: number, held: string, pointers: string) =>
      `After step ${n} the bytes are in: ${held}.${pointers ? ` Only references or mappings: ${pointers}.` : ''} The other choices hold nothing of the payload.`,
    zh: (n: number, held: string, pointers: string) =>
      `第 ${n} 步之后，字节在：${held}。${pointers ? `只有引用或映射：${pointers}。` : ''}其余选项不存有任何数据。`,
  },
  fitsPrompt: {
    en: (situation: string) => `${situation} Which technique fits?`,
    zh: (situation: string) => `${situation}哪种技术合适？`,
  },
  fitsExplain: {
    en: (id: string, why: string, others: string) => `${id} fits: ${why}. ${others}`,
    zh: (id: string, why: string, others: string) => `${id} 合适：${why}。${others}`,
  },
  /** What the answer still asks of the program, from its properties. */
  fitsCaveat: {
    en: { needsPipe: 'It needs a pipe: one end of every splice() call must be one.', ownsDevice: 'It needs the device itself: the process drives it from user space, past the kernel.' },
    zh: { needsPipe: '它需要一个管道：每次 splice() 调用都必须有一端是管道。', ownsDevice: '它需要独占设备：进程绕过内核，在用户态直接驱动设备。' },
  },
  reversePrompt: {
    en: (job: string, trace: string, counters: string, perChunk: boolean) =>
      perChunk
        ? `A program ${job}, once set up, repeats for every chunk: ${trace}. Per chunk: ${counters}. Which technique is it?`
        : `A program ${job} makes, for one chunk (set-up included): ${trace}. In all: ${counters}. Which technique is it?`,
    zh: (job: string, trace: string, counters: string, perChunk: boolean) =>
      perChunk
        ? `一个${job}的程序做完准备工作后，每块数据都要重复的系统调用：${trace}。每块：${counters}。这是哪种技术？`
        : `一个${job}的程序传一块数据（含准备工作）的系统调用：${trace}。合计：${counters}。这是哪种技术？`,
  },
  /** A trace whose call names would name the answer is told by its length only. */
  callCount: {
    en: (n: number) => (n === 0 ? 'no system call' : `${n} system call${n === 1 ? '' : 's'} (names withheld)`),
    zh: (n: number) => (n === 0 ? '无' : `共 ${n} 次（名字略去）`),
  },
  reverseExplain: {
    en: (id: string, trace: string, counters: string, others: string) => `It is ${id}: ${trace}; ${counters}. ${others}`,
    zh: (id: string, trace: string, counters: string, others: string) => `是 ${id}：${trace}；${counters}。${others}`,
  },
  /** How a wrong choice differs: its own figure where the answer's differs. */
  reverseOther: {
    en: (id: string, differs: string) => `${id} would show ${differs}`,
    // A space before a number or a Latin word only ("则会看到 2 次缺页", "则会看到无").
    zh: (id: string, differs: string) => `${id} 则会看到${/^[\x21-\x7e]/.test(differs) ? ' ' : ''}${differs}`,
  },
  fewerPrompt: {
    en: (c: QuizCounter, a: string, b: string, perChunk: boolean) =>
      `${perChunk ? 'Once set up, per chunk (what a program repeats for every chunk)' : 'For one chunk, set-up included'}: which makes fewer ${NAMES.en[c]}, ${a} or ${b}, and by how many?`,
    zh: (c: QuizCounter, a: string, b: string, perChunk: boolean) =>
      `${perChunk ? '做完准备工作之后，每块数据（程序每块都要重复的部分）' : '传一块数据（含准备工作）'}：${a} 和 ${b}，哪个的${NAMES.zh[c]}更少？少几次？`,
  },
  fewerChoice: {
    en: (id: string, d: number) => `${id}, by ${d}`,
    zh: (id: string, d: number) => `${id}，少 ${d} 次`,
  },
  fewerSame: { en: 'neither: they make the same number', zh: '一样多' },
  fewerExplain: {
    en: (c: QuizCounter, a: string, na: number, b: string, nb: number, perChunk: boolean) => {
      const scope = perChunk ? 'Per chunk, once set up' : 'For one chunk with its set-up';
      if (na === nb) return `${scope}, ${a} and ${b} both make ${amount(na, c, 'en')}: the same number.`;
      const [lo, nlo, hi, nhi] = na < nb ? [a, na, b, nb] : [b, nb, a, na];
      return `${scope}, ${lo} makes ${amount(nlo, c, 'en')}, ${hi} ${amount(nhi, c, 'en')}: ${lo} makes ${nhi - nlo} fewer.`;
    },
    zh: (c: QuizCounter, a: string, na: number, b: string, nb: number, perChunk: boolean) => {
      const scope = perChunk ? '做完准备工作之后每块数据' : '一块数据连同准备工作';
      if (na === nb) return `${scope}，${a} 和 ${b} 都是 ${amount(na, c, 'zh')}：一样多。`;
      const [lo, nlo, hi, nhi] = na < nb ? [a, na, b, nb] : [b, nb, a, na];
      return `${scope}，${lo} ${amount(nlo, c, 'zh')}，${hi} ${amount(nhi, c, 'zh')}：${lo} 少 ${nhi - nlo} 次。`;
    },
  },
};

/**
 * Each situation, why a technique fits it, and why one does not. `counts` is
 * what the sentence quotes of the technique (the model's): per chunk for "no
 * system call per chunk", on a NIC that cannot gather for "no scatter-gather".
 */
export const SITUATIONS: L<Record<Constraint, { text: string; fits: string; fails: (id: string, counts: Counters) => string }>> = {
  en: {
    modify: {
      // The program's own code: kernel TLS encrypts on sendfile's path, so "encrypt" alone would not decide it.
      text: 'A server sends a file over the network, and the program itself must rewrite the bytes on their way: it compresses each chunk with its own code.',
      fits: 'the bytes pass through memory the program writes, so its own code can compress them before they are sent',
      fails: (id) => `${id} moves the bytes inside the kernel, where the program's own code never gets to change them`,
    },
    socketInput: {
      text: 'A proxy forwards data over the network, and its input is a socket, not a file.',
      fits: 'its input need not be a file',
      fails: (id) => `${id} needs its input to be a file, read through the page cache or a mapping`,
    },
    noScatterGather: {
      text: 'A server sends a file through a network card that cannot gather (no scatter-gather DMA), and the CPU must not copy the payload at all.',
      fits: 'even without gather it makes 0 CPU copies',
      fails: (id, n) => `${id} makes ${amount(n.cpuCopies, 'cpuCopies', 'en')} on such a card`,
    },
    noSyscallPerChunk: {
      text: 'A packet sender must push every chunk out without a single system call per chunk.',
      fits: 'once set up, the process drives the devices itself: 0 system calls per chunk',
      fails: (id, n) => `${id} makes ${amount(n.syscalls, 'syscalls', 'en')} per chunk`,
    },
    hugeFile: {
      text: 'A process reads a huge file once, so the read must not flood the page cache.',
      fits: 'it reads the file without ever putting it in the page cache',
      fails: (id) => `${id} reads the payload through the page cache`,
    },
  },
  zh: {
    modify: {
      text: '服务器把文件发到网络上，程序自己必须在途中改写这些字节：用它自己的代码压缩每一块。',
      fits: '字节会经过程序自己写的内存，它的代码可以先压缩再发送',
      fails: (id) => `${id} 在内核里搬运字节，程序自己的代码改不了它们`,
    },
    socketInput: {
      text: '代理把数据转发到网络上，而它的输入是一个 socket，不是文件。',
      fits: '它的输入不必是文件',
      fails: (id) => `${id} 要求输入是文件，经页缓存或映射读取`,
    },
    noScatterGather: {
      text: '服务器通过一块不能收集（没有 scatter-gather DMA）的网卡发送文件，而且 CPU 一次也不能拷贝数据。',
      fits: '没有收集功能时它也是 0 次 CPU 拷贝',
      fails: (id, n) => `${id} 在这样的网卡上要 ${amount(n.cpuCopies, 'cpuCopies', 'zh')}`,
    },
    noSyscallPerChunk: {
      text: '一个发包程序必须做到每发一块数据都不进行任何系统调用。',
      fits: '准备完成后，进程自己驱动设备：每块 0 次系统调用',
      fails: (id, n) => `${id} 每块要 ${amount(n.syscalls, 'syscalls', 'zh')}`,
    },
    hugeFile: {
      text: '进程只读一次一个很大的文件，读的时候不能把页缓存挤满。',
      fits: '它读文件时完全不经过页缓存',
      fails: (id) => `${id} 要经过页缓存读取数据`,
    },
  },
};

/** What a wrong count reveals; null when the number matches no known mistake. */
export const COUNT_MISTAKES = {
  dmaAsCpu: {
    en: 'Counted the DMA copies as CPU copies: the DMA controller moves those bytes; the CPU only programs it.',
    zh: '把 DMA 拷贝算成了 CPU 拷贝：那些字节由 DMA 控制器搬运，CPU 只负责设置它。',
  },
  refAsCopy: {
    en: 'Counted a descriptor or page-reference copy as a data copy: only addresses and lengths move there, not the bytes.',
    zh: '把描述符或页引用的拷贝算成了数据拷贝：那里移动的只是地址和长度，不是字节。',
  },
  cpuAsDma: {
    en: 'Counted the CPU copies as DMA copies: a DMA copy runs between a device and memory; memory-to-memory copies are the CPU\'s.',
    zh: '把 CPU 拷贝算成了 DMA 拷贝：DMA 只在设备和内存之间搬数据，内存之间的拷贝由 CPU 完成。',
  },
  zeroDma: {
    en: '"Zero-copy" never means zero copies: the DMA copies between the devices and memory remain.',
    zh: '"零拷贝"并不是一次拷贝都没有：设备和内存之间的 DMA 拷贝仍然存在。',
  },
  oneSwitchPerCall: {
    en: 'Forgot that each system call costs two switches: one into the kernel and one back out.',
    zh: '忘了每个系统调用要两次模式切换：进入内核一次，返回用户态一次。',
  },
  faultsAsSwitches: {
    en: 'Counted interrupts or page faults as mode switches: taken from user mode they do enter the kernel, but zcopy counts only system calls\' entries and returns as mode switches.',
    zh: '把中断或缺页算成了模式切换：从用户态接收它们确实会进入内核，但 zcopy 只把系统调用的进入和返回计为模式切换。',
  },
  switchesAsCalls: {
    en: 'Counted each mode switch as a system call: one call makes two switches.',
    zh: '把每次模式切换当成了一次系统调用：一次调用会产生两次切换。',
  },
  forgotSetup: {
    en: 'Left out the set-up calls: calls like pipe(), setsockopt() or mmap() count like any other.',
    zh: '漏掉了准备性的调用：pipe()、setsockopt()、mmap() 这类调用也要计数。',
  },
  countedOnce: {
    en: 'Counted the set-up too: it happens once, before the first chunk; a program repeats only the transfer steps for every chunk.',
    zh: '把准备工作也算进去了：它只在第一块之前做一次，程序每块只重复传输的那些步骤。',
  },
};

export const REVERSE_MISTAKE = {
  en: (other: string) => `That one does not match: ${other}.`,
  zh: (other: string) => `那个对不上：${other}。`,
};

export const FITS_MISTAKE = {
  en: (why: string) => `That one does not fit: ${why}.`,
  zh: (why: string) => `这个不合适：${why}。`,
};

export const FEWER_MISTAKES = {
  wrongSide: {
    en: (id: string) => `It is ${id} that makes fewer.`,
    zh: (id: string) => `更少的是 ${id}。`,
  },
  wrongBy: {
    en: (d: number) => `Right technique, but the difference is ${d}.`,
    zh: (d: number) => `技术选对了，但差值是 ${d}。`,
  },
  same: {
    en: 'Neither makes fewer here: the two make the same number.',
    zh: '这里两者一样多，谁也不比谁少。',
  },
  notSame: {
    en: (id: string, d: number) => `They differ: ${id} makes ${d} fewer.`,
    zh: (id: string, d: number) => `两者不一样：${id} 少 ${d} 次。`,
  },
};

export const NEXT_MISTAKE = {
  en: (n: number) => `That happens at another point of the scenario; step through it again around step ${n}.`,
  zh: (n: number) => `那一步发生在场景的别处；请在第 ${n} 步附近再走一遍。`,
};

export const WHERE_MISTAKE = {
  en: (place: string) => `Nothing of the payload is in the ${place} after this step.`,
  zh: (place: string) => `这一步之后${place}里没有任何数据。`,
};

/** A place that held the bytes earlier and holds none now: a drained device buffer, a NIC after its transmit. */
export const WHERE_DRAINED = {
  en: (place: string, last: number) => `The ${place} still held the bytes after step ${last}; after this step it holds none of the payload.`,
  zh: (place: string, last: number) => `第 ${last} 步之后${place}里还有这些字节；这一步之后它里面没有任何数据。`,
};

/** The quiz session's own words. */
export const SESSION = {
  seed: {
    en: (seed: number) => `Seed ${seed} (replay this quiz with --seed ${seed})`,
    zh: (seed: number) => `种子 ${seed}（用 --seed ${seed} 可重做同一套题）`,
  },
  fewerQuestions: {
    en: (n: number, asked: number) => `Only ${n} different questions fit this choice of scenarios and kinds (asked for ${asked}).`,
    zh: (n: number, asked: number) => `这些场景和题型只能出 ${n} 道不同的题（要求 ${asked} 道）。`,
  },
  noReview: {
    en: 'No wrong answers recorded yet, so there is nothing to review: here is a regular quiz.',
    zh: '还没有答错的记录，无可复习：下面是一套普通测验。',
  },
  question: {
    en: (i: number, n: number, heading: string, kind: Kind) => `Question ${i}/${n} · ${heading} · ${KIND_LABELS.en[kind]}`,
    zh: (i: number, n: number, heading: string, kind: Kind) => `第 ${i}/${n} 题 · ${heading} · ${KIND_LABELS.zh[kind]}`,
  },
  yourAnswer: { en: 'Your answer: ', zh: '你的答案：' },
  noAnswer: { en: '(none)', zh: '（无）' },
  right: { en: 'Right.', zh: '答对了。' },
  wrong: { en: (answer: string) => `Wrong: the answer is ${answer}.`, zh: (answer: string) => `答错了：正确答案是 ${answer}。` },
  invalid: {
    en: (answer: string) => `Not one of the choices: the answer is ${answer}.`,
    zh: (answer: string) => `不是任何一个选项：正确答案是 ${answer}。`,
  },
  notNumber: {
    en: (answer: string) => `Not a number: the answer is ${answer}.`,
    zh: (answer: string) => `不是数字：正确答案是 ${answer}。`,
  },
  revisit: { en: (where: string) => `Revisit: ${where}`, zh: (where: string) => `复习：${where}` },
  unanswered: {
    en: (n: number) => `Input ended: ${n} question${n === 1 ? '' : 's'} left unanswered.`,
    zh: (n: number) => `输入已结束：还有 ${n} 道题没有作答。`,
  },
  weakest: { en: 'Weakest topics:', zh: '最薄弱的主题：' },
  wrongCount: { en: (n: number) => `${n} wrong`, zh: (n: number) => `错 ${n} 题` },
  answer: { en: 'Answer: ', zh: '答案：' },
  /** The last line, one shape for a script to read in each language (`--lang en` for the English one). */
  score: (right: number, total: number, lang: Lang = 'en') => (lang === 'zh' ? `得分：${right}/${total}` : `Score: ${right}/${total}`),
};

export const ERRORS = {
  badCount: {
    en: (v: string, max: number) => `--count must be a whole number from 1 to ${max}, not "${v}"`,
    zh: (v: string, max: number) => `--count 必须是 1 到 ${max} 之间的整数，而不是 "${v}"`,
  },
  badSeed: {
    en: (v: string) => `--seed must be a whole number from 0 to 4294967295, not "${v}"`,
    zh: (v: string) => `--seed 必须是 0 到 4294967295 之间的整数，而不是 "${v}"`,
  },
  badKind: {
    en: (v: string, guess?: string) => `no question kind "${v}"; ${guess ? `did you mean ${guess}? ` : ''}kinds: ${KINDS.join(', ')}`,
    zh: (v: string, guess?: string) => `没有 "${v}" 这种题型；${guess ? `你是不是想输入 ${guess}？` : ''}题型有：${KINDS.join('、')}`,
  },
  knobsCountOnly: {
    en: '--cache and --nic ask count questions: use them with --kind counts, or without --kind',
    zh: '--cache 和 --nic 只出计数题：请配合 --kind counts 使用，或不写 --kind',
  },
  jsonNeedsReveal: {
    en: '--json prints the answer key, so it needs --reveal',
    zh: '--json 输出的是答案，需要同时使用 --reveal',
  },
};

