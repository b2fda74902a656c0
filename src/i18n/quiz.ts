import type { Job } from '../lessons/index.js';
import { formulaText, type Counters, type Formula } from '../model/index.js';
import type { Constraint, Kind, ModeWhy, QuizCounter } from '../quiz/topics.js';
import { catalogue } from './lang.js';
import { MACHINE } from './machine.js';
import { PUNCTUATION } from './punctuation.js';
import { grouped, groupedIn } from '../term/bytes.js';

/** Words put together beside Chinese, spaced where a Latin word meets a character ("写进 socket 缓冲区的"). */
const ph = (...words: string[]) => PUNCTUATION.zh.phrase(words);

export const KIND_LABELS = catalogue<Record<Kind, string>>({
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
});

/** What a job does, as the header of a question whose answer is a scenario. */
export const JOB_LABELS = catalogue<Record<Job, string>>({
  en: { read: 'reading a file into a process', send: 'sending a file to the network', share: 'sharing pages', cache: 'serving readers from the page cache' },
  zh: { read: '把文件读进进程', send: '把文件发到网络', share: '共享页', cache: '用页缓存服务读者' },
});

const NAMES = catalogue<Record<QuizCounter, string>>({
  en: { cpuCopies: 'CPU copies', dmaCopies: 'DMA copies', modeSwitches: 'mode switches', syscalls: 'system calls' },
  zh: { cpuCopies: 'CPU 拷贝', dmaCopies: 'DMA 拷贝', modeSwitches: '模式切换', syscalls: '系统调用' },
});

/** Steps a feedback cites: "steps 5 and 8", "第 5 步和第 8 步". */
const SESSION_STEPS = catalogue({
  en: (steps: readonly number[]) => `step${steps.length > 1 ? 's' : ''} ${PUNCTUATION.en.and(steps)}`,
  zh: (steps: readonly number[]) => PUNCTUATION.zh.and(steps.map((n) => `第 ${n} 步`)),
});

export const Q = catalogue({
  en: {
    countPrompt: (id: string, c: QuizCounter) => `How many ${NAMES.en[c]} does ${id} make in all?`,
    countExplain: (id: string, n: number, c: QuizCounter, steps: number[]) =>
      `${id} makes ${MACHINE.en.amount(n, c)}${steps.length ? ` (${SESSION_STEPS.en(steps)})` : ''}.`,
    callsAre: (calls: string[]) => `The calls: ${PUNCTUATION.en.list(calls)}.`,
    twoPerCall: (calls: number) =>
      calls === 1 ? 'Its one system call costs two: into the kernel and back.' : `Each of its ${calls} system calls costs two: into the kernel and back.`,
    oneChunk: (chunks: number) => `That is one chunk's figure: the file is ${grouped(chunks)} chunks, and every one repeats the transfer steps.`,
    whatIf: (words: string) => `What if ${words}? `,
    countPromptFile: (id: string, c: QuizCounter, size: string, chunk: string) => `A program moves a ${size} file with ${id}, in ${chunk} chunks. How many ${NAMES.en[c]} does it make in all?`,
    countExplainFile: (id: string, c: QuizCounter, chunks: number, f: Formula, size: string, chunk: string, rounds: string | null) =>
      `${rounds ? `${rounds} ` : ''}${size} in ${chunk} chunks is ${grouped(chunks)} ${chunks === 1 ? 'chunk' : 'chunks'}; ${id} makes ${grouped(f.perChunk)} per chunk${f.setup ? `, ${grouped(f.setup)} once to set up` : ''}${f.teardown ? `, ${grouped(f.teardown)} at the end` : ''}: ${groupedIn(formulaText(f))} = ${MACHINE.en.amount(f.total, c)}.`,
    countPromptPerChunk: (id: string, c: QuizCounter) => `Once ${id} is set up, how many ${NAMES.en[c]} does it make per chunk (what a program repeats for every chunk)?`,
    countExplainPerChunk: (id: string, n: number, c: QuizCounter, steps: number[]) =>
      `Per chunk ${id} makes ${MACHINE.en.amount(n, c)}${steps.length ? ` (${SESSION_STEPS.en(steps)})` : ''}.`,
    /** How the once-only steps make the difference between one chunk's total and what each chunk costs. */
    onceNote: (c: QuizCounter, perChunk: number, total: number, once: string[]) =>
      `${once.length ? `${PUNCTUATION.en.list(once)} ${once.length > 1 ? 'are' : 'is'} made once, not per chunk` : 'Its set-up happens once, not per chunk'}, so one chunk's total is ${MACHINE.en.amount(total, c)} but every further chunk costs ${MACHINE.en.amount(perChunk, c)}.`,
    typeNumber: 'Type a number.',
    typeChoice: (last: string) => `Type a letter (a-${last}) or the choice.`,
    stepHead: (id: string, n: number, does: string) => `${id}, step ${n}: ${does}.`,
    moverPrompt: (id: string, n: number, blocks: string, from: string, to: string) =>
      `${id}, step ${n}: ${blocks} goes from the ${from} to the ${to}, as bytes or as a reference or mapping. Who moves the bytes?`,
    moverChoices: ['the CPU', 'the DMA controller', 'nobody: only a reference or a mapping moves'],
    moverExplain: (n: number, does: string) => `Step ${n}: ${does}.`,
    modePrompt: (head: string) => `${head} After this step, which mode is the CPU in, and does the step add to the mode-switch count?`,
    modeChoices: ['user mode, counted as a mode switch', 'kernel mode, counted as a mode switch', 'user mode, not counted as a mode switch', 'kernel mode, not counted as a mode switch'],
    /**
     * Why the step counts or not. Only a system call's entry and return count
     * (docs/MODEL.md, "Counting rules"), but an interrupt or a fault taken from user
     * mode does enter the kernel: the sentence says which of the two happened.
     */
    modeExplain: (n: number, mode: string, why: ModeWhy, total: number) =>
      `After step ${n} the CPU is in ${mode} mode. ` +
      {
        call: `The step is a system call's entry or return: it is counted, mode switch number ${total} in this scenario.`,
        trapIn: 'Taking an interrupt or a page fault from user mode does enter the kernel, but it is not counted as a mode switch: zcopy, like the sources, counts only system calls\' entries and returns, and counts this as an interrupt or a page fault.',
        trapOut: 'Returning from an interrupt or fault handler to user mode does leave the kernel, but it is not counted as a mode switch: zcopy, like the sources, counts only system calls\' entries and returns.',
        trapInKernel: 'The CPU was already in kernel mode when it took this interrupt or fault, so the mode did not change, and nothing is counted as a mode switch.',
        same: 'The step does not change the mode, so nothing is counted as a mode switch.',
      }[why],
    modeOnly: (mode: string) => `Mixed up the modes: after this step the CPU runs in ${mode} mode.`,
    nextPrompt: (head: string) => `${head} What happens next?`,
    nextExplain: (n: number, does: string, narration: string) => `Step ${n}: ${does}. ${narration}`,
    wherePrompt: (head: string) => `${head} Which of these places holds the payload's bytes after this step?`,
    whereExplain: (n: number, held: string, pointers: string) =>
      `After step ${n} the bytes are in: ${held}.${pointers ? ` Only references or mappings: ${pointers}.` : ''} The other choices hold nothing of the payload.`,
    fitsPrompt: (situation: string) => `${situation} Which technique fits?`,
    fitsExplain: (id: string, why: string, others: string) => `${id} fits: ${why}. ${others}`,
    /** What the answer still asks of the program, from its properties. */
    fitsCaveat: { needsPipe: 'It needs a pipe: one end of every splice() call must be one.', ownsDevice: 'It needs the device itself: the process drives it from user space, past the kernel.' },
    reversePrompt: (job: string, trace: string, counters: string, perChunk: boolean) =>
      perChunk
        ? `A program ${job}, once set up, repeats for every chunk: ${trace}. Per chunk: ${counters}. Which technique is it?`
        : `A program ${job} makes, for one chunk (set-up included): ${trace}. In all: ${counters}. Which technique is it?`,
    /** A trace whose call names would name the answer is told by its length only. */
    callCount: (n: number) => (n === 0 ? 'no system call' : `${n} system call${n === 1 ? '' : 's'} (names withheld)`),
    reverseExplain: (id: string, trace: string, counters: string, others: string) => `It is ${id}: ${trace}; ${counters}. ${others}`,
    /** How a wrong choice differs: its own figure where the answer's differs. */
    reverseOther: (id: string, differs: string) => `${id} would show ${differs}`,
    fewerPrompt: (c: QuizCounter, a: string, b: string, perChunk: boolean) =>
      `${perChunk ? 'Once set up, per chunk (what a program repeats for every chunk)' : 'For one chunk, set-up included'}: which makes fewer ${NAMES.en[c]}, ${a} or ${b}, and by how many?`,
    fewerChoice: (id: string, d: number) => `${id}, by ${d}`,
    fewerSame: 'neither: they make the same number',
    fewerExplain: (c: QuizCounter, a: string, na: number, b: string, nb: number, perChunk: boolean) => {
      const scope = perChunk ? 'Per chunk, once set up' : 'For one chunk with its set-up';
      if (na === nb) return `${scope}, ${a} and ${b} both make ${MACHINE.en.amount(na, c)}: the same number.`;
      const [lo, nlo, hi, nhi] = na < nb ? [a, na, b, nb] : [b, nb, a, na];
      return `${scope}, ${lo} makes ${MACHINE.en.amount(nlo, c)}, ${hi} ${MACHINE.en.amount(nhi, c)}: ${lo} makes ${nhi - nlo} fewer.`;
    },
  },
  zh: {
    countPrompt: (id: string, c: QuizCounter) => `${id} ${ph('一共发生几次', NAMES.zh[c])}？`,
    countExplain: (id: string, n: number, c: QuizCounter, steps: number[]) =>
      `${id} 一共 ${MACHINE.zh.amount(n, c)}${steps.length ? `（第 ${PUNCTUATION.zh.list(steps)} 步）` : ''}。`,
    callsAre: (calls: string[]) => `调用依次是：${PUNCTUATION.zh.list(calls)}。`,
    twoPerCall: (calls: number) => `它的 ${calls} 次系统调用每次两次切换：进入内核一次，返回一次。`,
    oneChunk: (chunks: number) => `这是一段的数字：文件共 ${grouped(chunks)} 段，每段都要重复传输的步骤。`,
    whatIf: (words: string) => `${ph('假如', words)}：`,
    countPromptFile: (id: string, c: QuizCounter, size: string, chunk: string) => `程序用 ${id} 搬运一个 ${size} 的文件，每段 ${chunk}。${ph('一共发生几次', NAMES.zh[c])}？`,
    countExplainFile: (id: string, c: QuizCounter, chunks: number, f: Formula, size: string, chunk: string, rounds: string | null) =>
      `${rounds ?? ''}${size} 每段 ${chunk}，共 ${grouped(chunks)} 段；${id} 每段 ${grouped(f.perChunk)} 次${f.setup ? `，准备时一次性 ${grouped(f.setup)} 次` : ''}${f.teardown ? `，收尾 ${grouped(f.teardown)} 次` : ''}：${groupedIn(formulaText(f))} = ${ph(`${grouped(f.total)} 次`, NAMES.zh[c])}。`,
    countPromptPerChunk: (id: string, c: QuizCounter) => `${id} 做完准备工作之后，${ph('每传一段数据发生几次', NAMES.zh[c])}（程序每段都要重复的部分）？`,
    countExplainPerChunk: (id: string, n: number, c: QuizCounter, steps: number[]) =>
      `${id} 每段 ${MACHINE.zh.amount(n, c)}${steps.length ? `（第 ${PUNCTUATION.zh.list(steps)} 步）` : ''}。`,
    onceNote: (c: QuizCounter, perChunk: number, total: number, once: string[]) =>
      `${once.length ? `${PUNCTUATION.zh.list(once)} 只调用一次，并非每段都调` : '它的准备工作只做一次，并非每段都做'}，所以一段数据的总数是 ${MACHINE.zh.amount(total, c)}，之后每段只需 ${MACHINE.zh.amount(perChunk, c)}。`,
    typeNumber: '请输入一个数字。',
    typeChoice: (last: string) => `请输入字母（a-${last}）或选项内容。`,
    stepHead: (id: string, n: number, does: string) => `${id} 第 ${n} 步：${does}。`,
    moverPrompt: (id: string, n: number, blocks: string, from: string, to: string) =>
      `${id} 第 ${n} 步：${blocks} ${ph('从', from, '到了', to)}，可能是字节本身，也可能只是引用或映射。是谁搬运这些字节？`,
    moverChoices: ['CPU', 'DMA 控制器', '没有谁：只移动了引用或映射'],
    moverExplain: (n: number, does: string) => `第 ${n} 步：${does}。`,
    modePrompt: (head: string) => `${head}这一步之后 CPU 处于哪种模式？这一步计不计入模式切换次数？`,
    modeChoices: ['用户态，计入模式切换', '内核态，计入模式切换', '用户态，不计入模式切换', '内核态，不计入模式切换'],
    modeExplain: (n: number, mode: string, why: ModeWhy, total: number) =>
      `${ph(`第 ${n} 步之后 CPU 处于`, mode)}。` +
      {
        call: `这一步是系统调用的进入或返回，计入模式切换，是本场景的第 ${total} 次。`,
        trapIn: '从用户态接收中断或缺页，确实会进入内核，但不计为模式切换：zcopy 和原文一样，只统计系统调用的进入和返回，这一步记作中断或缺页。',
        trapOut: '从中断或缺页处理程序返回用户态，确实离开了内核，但不计为模式切换：zcopy 和原文一样，只统计系统调用的进入和返回。',
        trapInKernel: 'CPU 接收这次中断或缺页时已经在内核态，模式没有改变，也不计模式切换。',
        same: '这一步没有改变模式，不计模式切换。',
      }[why],
    modeOnly: (mode: string) => `把模式弄反了：${ph('这一步之后 CPU 运行在', mode)}。`,
    nextPrompt: (head: string) => `${head}接下来发生什么？`,
    nextExplain: (n: number, does: string, narration: string) => `第 ${n} 步：${does}。${narration}`,
    wherePrompt: (head: string) => `${head}这一步之后，下面哪个位置存有数据的字节？`,
    whereExplain: (n: number, held: string, pointers: string) =>
      `第 ${n} 步之后，字节在：${held}。${pointers ? `只有引用或映射：${pointers}。` : ''}其余选项不存有任何数据。`,
    fitsPrompt: (situation: string) => `${situation}哪种技术合适？`,
    fitsExplain: (id: string, why: string, others: string) => `${id} 合适：${why}。${others}`,
    fitsCaveat: { needsPipe: '它需要一个管道：每次 splice() 调用都必须有一端是管道。', ownsDevice: '它需要独占设备：进程绕过内核，在用户态直接驱动设备。' },
    reversePrompt: (job: string, trace: string, counters: string, perChunk: boolean) =>
      perChunk
        ? `${ph('一个', job, '的程序做完准备工作后')}，每段数据都要重复的系统调用：${trace}。每段：${counters}。这是哪种技术？`
        : `${ph('一个', job, '的程序传一段数据（含准备工作）的系统调用')}：${trace}。合计：${counters}。这是哪种技术？`,
    callCount: (n: number) => (n === 0 ? '无' : `共 ${n} 次（名字略去）`),
    reverseExplain: (id: string, trace: string, counters: string, others: string) => `是 ${id}：${trace}；${counters}。${others}`,
    // A space before a number or a Latin word only ("则会看到 2 次缺页", "则会看到无").
    reverseOther: (id: string, differs: string) => `${id} 则会看到${/^[\x21-\x7e]/.test(differs) ? ' ' : ''}${differs}`,
    fewerPrompt: (c: QuizCounter, a: string, b: string, perChunk: boolean) =>
      `${perChunk ? '做完准备工作之后，每段数据（程序每段都要重复的部分）' : '传一段数据（含准备工作）'}：${a} 和 ${b}，${ph('哪个的', NAMES.zh[c], '更少')}？少几次？`,
    fewerChoice: (id: string, d: number) => `${id}，少 ${d} 次`,
    fewerSame: '一样多',
    fewerExplain: (c: QuizCounter, a: string, na: number, b: string, nb: number, perChunk: boolean) => {
      const scope = perChunk ? '做完准备工作之后每段数据' : '一段数据连同准备工作';
      if (na === nb) return `${scope}，${a} 和 ${b} 都是 ${MACHINE.zh.amount(na, c)}：一样多。`;
      const [lo, nlo, hi, nhi] = na < nb ? [a, na, b, nb] : [b, nb, a, na];
      return `${scope}，${lo} ${MACHINE.zh.amount(nlo, c)}，${hi} ${MACHINE.zh.amount(nhi, c)}：${lo} 少 ${nhi - nlo} 次。`;
    },
  },
});

/**
 * Each situation, why a technique fits it, and why one does not. `counts` is
 * what the sentence quotes of the technique (the model's): per chunk for "no
 * system call per chunk", on a NIC that cannot gather for "no scatter-gather".
 */
export const SITUATIONS = catalogue<Record<Constraint, { text: string; fits: string; fails: (id: string, counts: Counters) => string }>>({
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
      fails: (id, n) => `${id} makes ${MACHINE.en.amount(n.cpuCopies, 'cpuCopies')} on such a card`,
    },
    noSyscallPerChunk: {
      text: 'A packet sender must push every chunk out without a single system call per chunk.',
      fits: 'once set up, the process drives the devices itself: 0 system calls per chunk',
      fails: (id, n) => `${id} makes ${MACHINE.en.amount(n.syscalls, 'syscalls')} per chunk`,
    },
    hugeFile: {
      text: 'A process reads a huge file once, so the read must not flood the page cache.',
      fits: 'it reads the file without ever putting it in the page cache',
      fails: (id) => `${id} reads the payload through the page cache`,
    },
  },
  zh: {
    modify: {
      text: '服务器把文件发到网络上，程序自己必须在途中改写这些字节：用它自己的代码压缩每一段。',
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
      fails: (id, n) => `${id} 在这样的网卡上要 ${MACHINE.zh.amount(n.cpuCopies, 'cpuCopies')}`,
    },
    noSyscallPerChunk: {
      text: '一个发包程序必须做到每发一段数据都不进行任何系统调用。',
      fits: '准备完成后，进程自己驱动设备：每段 0 次系统调用',
      fails: (id, n) => `${id} 每段要 ${MACHINE.zh.amount(n.syscalls, 'syscalls')}`,
    },
    hugeFile: {
      text: '进程只读一次一个很大的文件，读的时候不能把页缓存挤满。',
      fits: '它读文件时完全不经过页缓存',
      fails: (id) => `${id} 要经过页缓存读取数据`,
    },
  },
});

/** What a wrong count reveals; null when the number matches no known mistake. */
export const COUNT_MISTAKES = catalogue({
  en: {
    dmaAsCpu: 'Counted the DMA copies as CPU copies: the DMA controller moves those bytes; the CPU only programs it.',
    refAsCopy: 'Counted a descriptor or page-reference copy as a data copy: only addresses and lengths move there, not the bytes.',
    cpuAsDma: 'Counted the CPU copies as DMA copies: a DMA copy runs between a device and memory; memory-to-memory copies are the CPU\'s.',
    zeroDma: '"Zero-copy" never means zero copies: the DMA copies between the devices and memory remain.',
    oneSwitchPerCall: 'Forgot that each system call costs two switches: one into the kernel and one back out.',
    faultsAsSwitches: 'Counted interrupts or page faults as mode switches: taken from user mode they do enter the kernel, but zcopy counts only system calls\' entries and returns as mode switches.',
    switchesAsCalls: 'Counted each mode switch as a system call: one call makes two switches.',
    forgotSetup: 'Left out the set-up calls: calls like pipe(), setsockopt() or mmap() count like any other.',
    countedOnce: 'Counted the set-up too: it happens once, before the first chunk; a program repeats only the transfer steps for every chunk.',
  },
  zh: {
    dmaAsCpu: '把 DMA 拷贝算成了 CPU 拷贝：那些字节由 DMA 控制器搬运，CPU 只负责设置它。',
    refAsCopy: '把描述符或页引用的拷贝算成了数据拷贝：那里移动的只是地址和长度，不是字节。',
    cpuAsDma: '把 CPU 拷贝算成了 DMA 拷贝：DMA 只在设备和内存之间搬数据，内存之间的拷贝由 CPU 完成。',
    zeroDma: '“零拷贝”并不是一次拷贝都没有：设备和内存之间的 DMA 拷贝仍然存在。',
    oneSwitchPerCall: '忘了每个系统调用要两次模式切换：进入内核一次，返回用户态一次。',
    faultsAsSwitches: '把中断或缺页算成了模式切换：从用户态接收它们确实会进入内核，但 zcopy 只把系统调用的进入和返回计为模式切换。',
    switchesAsCalls: '把每次模式切换当成了一次系统调用：一次调用会产生两次切换。',
    forgotSetup: '漏掉了准备性的调用：pipe()、setsockopt()、mmap() 这类调用也要计数。',
    countedOnce: '把准备工作也算进去了：它只在第一段之前做一次，程序每段只重复传输的那些步骤。',
  },
});

/**
 * What a wrong prediction reveals (src/quiz/misconceptions.ts): predict mode in `learn` and the
 * quiz's explanations share these, so a learner hears the same correction wherever they make the same mistake.
 */
export const PREDICT_MISTAKES = catalogue({
  en: {
    mover: {
      dmaAsCpu: 'Counted the DMA copy as a CPU copy: the DMA controller moves these bytes; the CPU only programmed it.',
      missedDma: 'Missed a DMA copy: bytes move between a device and memory even though the CPU does not touch them.',
      cpuAsDma: "Thought the DMA does this one: DMA only moves data between a device and memory; memory-to-memory copies are the CPU's.",
      missedCpu: 'Missed a CPU copy: the CPU moves the payload bytes itself here.',
      referenceAsCopy: 'Counted a reference as a copy: only a descriptor, page pointer or mapping moves here, not the data.',
      noPayload: 'No payload bytes move in this step: it is control work (a system call, programming a register, an interrupt or a wait).',
    },
    mode: {
      returnSwitches: 'Forgot that returning is a switch too: each system call costs two mode switches, one in and one out.',
      callSwitches: 'Forgot that a system call switches mode: entering the kernel is one user-to-kernel switch.',
      trapAsSwitch:
        "Counted an interrupt or a page fault as a mode switch: taken from user mode they do enter the kernel, but zcopy counts only a system call's entry and return as mode switches; interrupts and faults have counters of their own.",
      notCounted:
        "No mode switch is counted here: only a system call's entry and return are (a return from an interrupt or fault handler to user mode leaves the kernel too, but is not counted either).",
    },
  },
  zh: {
    mover: {
      dmaAsCpu: '把 DMA 拷贝算成了 CPU 拷贝：这些字节由 DMA 控制器搬运，CPU 只负责设置它。',
      missedDma: '漏掉了一次 DMA 拷贝：即使 CPU 没动手，设备和内存之间的数据也在移动。',
      cpuAsDma: '以为这一步由 DMA 完成：DMA 只在设备和内存之间搬数据，内存到内存的拷贝要 CPU 亲自做。',
      missedCpu: '漏掉了一次 CPU 拷贝：CPU 在这里亲手搬运了数据。',
      referenceAsCopy: '把引用当成了拷贝：这里移动的只是描述符、页指针或映射，数据本身没动。',
      noPayload: '这一步没有搬运任何数据：它是控制步骤（系统调用、设置寄存器、中断或等待）。',
    },
    mode: {
      returnSwitches: '忘了返回也是一次切换：每个系统调用要两次模式切换，进入一次，返回一次。',
      callSwitches: '忘了系统调用会切换模式：进入内核就是一次从用户态到内核态的切换。',
      trapAsSwitch: '把中断或缺页算成了模式切换：从用户态接收它们时确实会进入内核，但 zcopy 只把系统调用的进入和返回计为模式切换，中断和缺页各有自己的计数。',
      notCounted: '这里不计模式切换：只有系统调用的进入和返回才计数（从中断或缺页处理程序返回用户态也会离开内核，但同样不计）。',
    },
  },
});

export const REVERSE_MISTAKE = catalogue({
  en: (other: string) => `That one does not match: ${other}.`,
  zh: (other: string) => `那个对不上：${other}。`,
});

export const FITS_MISTAKE = catalogue({
  en: (why: string) => `That one does not fit: ${why}.`,
  zh: (why: string) => `这个不合适：${why}。`,
});

export const FEWER_MISTAKES = catalogue({
  en: {
    wrongSide: (id: string) => `It is ${id} that makes fewer.`,
    wrongBy: (d: number) => `Right technique, but the difference is ${d}.`,
    same: 'Neither makes fewer here: the two make the same number.',
    notSame: (id: string, d: number) => `They differ: ${id} makes ${d} fewer.`,
  },
  zh: {
    wrongSide: (id: string) => `更少的是 ${id}。`,
    wrongBy: (d: number) => `技术选对了，但差值是 ${d}。`,
    same: '这里两者一样多，谁也不比谁少。',
    notSame: (id: string, d: number) => `两者不一样：${id} 少 ${d} 次。`,
  },
});

export const NEXT_MISTAKE = catalogue({
  en: (n: number) => `That happens at another point of the scenario; step through it again around step ${n}.`,
  zh: (n: number) => `那一步发生在场景的别处；请在第 ${n} 步附近再走一遍。`,
});

export const WHERE_MISTAKE = catalogue({
  en: (place: string) => `Nothing of the payload is in the ${place} after this step.`,
  zh: (place: string) => `${ph('这一步之后', place, '里没有任何数据')}。`,
});

/** A place that held the bytes earlier and holds none now: a drained device buffer, a NIC after its transmit. */
export const WHERE_DRAINED = catalogue({
  en: (place: string, last: number) => `The ${place} still held the bytes after step ${last}; after this step it holds none of the payload.`,
  zh: (place: string, last: number) => `${ph(`第 ${last} 步之后`, place, '里还有这些字节')}；这一步之后它里面没有任何数据。`,
});

/** The quiz session's own words. */
export const SESSION = catalogue({
  en: {
    seed: (seed: number) => `Seed ${seed} (replay this quiz with --seed ${seed})`,
    fewerQuestions: (n: number, asked: number) => `Only ${n} different questions fit this choice of scenarios and kinds (asked for ${asked}).`,
    noReview: 'No wrong answers recorded yet, so there is nothing to review: here is a regular quiz.',
    question: (i: number, n: number, heading: string, kind: Kind) => `Question ${i}/${n} · ${heading} · ${KIND_LABELS.en[kind]}`,
    yourAnswer: 'Your answer: ',
    noAnswer: '(none)',
    right: 'Right.',
    wrong: (answer: string) => `Wrong: the answer is ${answer}.`,
    invalid: (answer: string) => `Not one of the choices: the answer is ${answer}.`,
    notNumber: (answer: string) => `Not a number: the answer is ${answer}.`,
    /** Where to look again: the command, after the steps it rests on where they are more than the command names. */
    revisit: (where: string, steps: readonly number[] = []) => (steps.length > 1 ? `Revisit ${SESSION_STEPS.en(steps)}: ${where}` : `Revisit: ${where}`),
    /** The same in the app, where a key opens the first step cited (or the lesson's start). */
    revisitKey: (id: string, steps: readonly number[], key: string) =>
      steps.length ? `Revisit ${SESSION_STEPS.en(steps)} of ${id}: ${key} opens step ${steps[0]}.` : `Revisit ${id}: ${key} opens the lesson.`,
    /** The footer's word for that key. */
    revisitBrief: (steps: readonly number[]) => (steps.length ? `step ${steps[0]}` : 'the lesson'),
    unanswered: (n: number) => `Input ended: ${n} question${n === 1 ? '' : 's'} left unanswered.`,
    weakest: 'Weakest topics:',
    wrongCount: (n: number) => `${n} wrong`,
    answer: 'Answer: ',
    /** The last line, one shape for a script to read in each language (`--lang en` for the English one). */
    score: (right: number, total: number) => `Score: ${right}/${total}`,
    /** After the score of a quiz left early: it counts the questions answered, of how many. */
    answeredOf: (answered: number, total: number) => ` (${answered} of ${total} answered)`,
    noAnswers: (total: number) => `no answers given, so no score (the quiz had ${total} question${total === 1 ? '' : 's'})`,
  },
  zh: {
    seed: (seed: number) => `种子 ${seed}（用 --seed ${seed} 可重做同一套题）`,
    fewerQuestions: (n: number, asked: number) => `这些场景和题型只能出 ${n} 道不同的题（要求 ${asked} 道）。`,
    noReview: '还没有答错的记录，无可复习：下面是一套普通测验。',
    question: (i: number, n: number, heading: string, kind: Kind) => `第 ${i}/${n} 题 · ${heading} · ${KIND_LABELS.zh[kind]}`,
    yourAnswer: '你的答案：',
    noAnswer: '（无）',
    right: '答对了。',
    wrong: (answer: string) => `答错了：正确答案是 ${answer}。`,
    invalid: (answer: string) => `不是任何一个选项：正确答案是 ${answer}。`,
    notNumber: (answer: string) => `不是数字：正确答案是 ${answer}。`,
    revisit: (where: string, steps: readonly number[] = []) => (steps.length > 1 ? `复习${SESSION_STEPS.zh(steps)}：${where}` : `复习：${where}`),
    revisitKey: (id: string, steps: readonly number[], key: string) =>
      steps.length ? `复习 ${id} 的${SESSION_STEPS.zh(steps)}：按 ${key} 打开第 ${steps[0]} 步。` : `复习 ${id}：按 ${key} 打开这一课。`,
    revisitBrief: (steps: readonly number[]) => (steps.length ? `第 ${steps[0]} 步` : '这一课'),
    unanswered: (n: number) => `输入已结束：还有 ${n} 道题没有作答。`,
    weakest: '最薄弱的主题：',
    wrongCount: (n: number) => `错 ${n} 题`,
    answer: '答案：',
    score: (right: number, total: number) => `得分：${right}/${total}`,
    answeredOf: (answered: number, total: number) => `（共 ${total} 题，答了 ${answered} 题）`,
    noAnswers: (total: number) => `一道题也没有作答，没有得分（这套测验共 ${total} 题）`,
  },
});

export const ERRORS = catalogue({
  en: {
    badCount: (v: string, max: number) => `--count must be a whole number from 1 to ${max}, not "${v}"`,
    badSeed: (v: string) => `--seed must be a whole number from 0 to 4294967295, not "${v}"`,
    badKind: (v: string, guess: string | undefined, kinds: readonly string[]) => `no question kind "${v}"; ${guess ? `did you mean ${guess}? ` : ''}kinds: ${kinds.join(', ')}`,
    knobsCountOnly: '--cache and --nic ask count questions: use them with --kind counts, or without --kind',
    jsonNeedsReveal: '--json prints the answer key, so it needs --reveal',
  },
  zh: {
    badCount: (v: string, max: number) => `--count 必须是 1 到 ${max} 之间的整数，而不是“${v}”`,
    badSeed: (v: string) => `--seed 必须是 0 到 4294967295 之间的整数，而不是“${v}”`,
    badKind: (v: string, guess: string | undefined, kinds: readonly string[]) => `没有“${v}”这种题型；${guess ? `你是不是想输入 ${guess}？` : ''}题型有：${kinds.join('、')}`,
    knobsCountOnly: '--cache 和 --nic 只出计数题：请配合 --kind counts 使用，或不写 --kind',
    jsonNeedsReveal: '--json 输出的是答案，需要同时使用 --reveal',
  },
});


/** The in-app quiz's chooser (the home menu's quiz): what `--scenario`, `--kind` and `--review` choose on the command line. */
export const AIM = catalogue({
  en: {
    title: 'zcopy quiz: what to ask',
    note: 'answers are saved as you give them',
    items: {
      all: ['all lessons', 'every lesson, every kind of question'],
      lesson: ['one lesson', 'questions on a lesson you pick'],
      kind: ['one kind', 'one kind of question, on every lesson'],
      review: ['review', 'your weakest topics first: what you got wrong most'],
    },
    lessonTitle: 'zcopy quiz: on which lesson?',
    kindTitle: 'zcopy quiz: which kind of question?',
  },
  zh: {
    title: 'zcopy quiz：出什么题',
    note: '每答一题都会保存',
    items: {
      all: ['全部课程', '所有课程、所有题型'],
      lesson: ['一课', '只考你选的那一课'],
      kind: ['一种题型', '所有课程的同一种题型'],
      review: ['复习', '先考你最薄弱的主题：答错最多的'],
    },
    lessonTitle: 'zcopy quiz：考哪一课？',
    kindTitle: 'zcopy quiz：考哪种题型？',
  },
});
