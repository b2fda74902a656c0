import type { EventType, Location, Phase } from '../model/index.js';
import { catalogue } from './lang.js';
import { MACHINE } from './machine.js';

/**
 * The palette's words: what each event does, in a line, and the question each
 * field asks. The names stay the lesson format's, so that a path built here reads
 * the same as a path written in a file.
 */
export const EVENT_GLOSS = catalogue<Record<EventType, string>>({
  en: {
    syscall: 'the program calls into the kernel (a mode switch)',
    sysret: 'the open call returns to the program (a mode switch)',
    run: 'the program runs on in user mode',
    deviceRead: 'the disk reads blocks into its controller buffer',
    pollStatus: 'the CPU reads a device status register until it is done',
    sleep: 'the process sleeps until an interrupt wakes it',
    programDma: 'set the DMA registers: from, to, which blocks',
    dmaTransfer: 'the DMA controller moves the blocks, the CPU is free',
    raiseInterrupt: 'a device signals that it is done',
    handleInterrupt: 'the CPU runs the interrupt handler',
    cpuCopy: 'the CPU copies the bytes itself',
    descriptorCopy: 'hand on a descriptor (where and how long), not the bytes',
    pageRefMove: 'move a reference to a page, not the bytes',
    mapPages: 'map pages into the program’s address space',
    unmapPages: 'remove a mapping',
    pin: 'pin user pages so a device may use them',
    unpin: 'unpin user pages',
    pageFault: 'the program touches a page that is not ready: a fault',
    faultIn: 'the fault handler maps the page in',
    cowCopy: 'copy-on-write: copy the one page written to',
    faultReturn: 'the fault handler returns',
  },
  zh: {
    syscall: '程序发起系统调用，进入内核（一次模式切换）',
    sysret: '当前的系统调用返回程序（一次模式切换）',
    run: '程序在用户态继续运行',
    deviceRead: '磁盘把块读入控制器缓冲区',
    pollStatus: 'CPU 反复读设备状态寄存器，直到完成',
    sleep: '进程睡眠，等中断唤醒',
    programDma: '设置 DMA 寄存器：从哪里、到哪里、哪些块',
    dmaTransfer: 'DMA 控制器搬运数据块，CPU 空闲',
    raiseInterrupt: '设备发出中断，表示完成',
    handleInterrupt: 'CPU 运行中断处理程序',
    cpuCopy: 'CPU 亲自拷贝数据',
    descriptorCopy: '只传递描述符（位置和长度），不拷贝数据',
    pageRefMove: '移动页的引用，不拷贝数据',
    mapPages: '把页映射进程序的地址空间',
    unmapPages: '解除映射',
    pin: '锁定用户页，让设备可以使用',
    unpin: '解除锁定用户页',
    pageFault: '程序访问尚未就绪的页：缺页',
    faultIn: '缺页处理程序把页映射进来',
    cowCopy: '写时复制：只拷贝被写的那一页',
    faultReturn: '缺页处理程序返回',
  },
});

/**
 * Each event as a short noun, for a level's conditions ("no CPU copy"): words a learner reads, not the file format's names.
 * An event a counter counts one of is called as the counter calls it.
 */
export const EVENT_NOUNS = catalogue<Record<EventType, string>>({
  en: {
    syscall: MACHINE.en.counterNoun.syscalls[0],
    sysret: 'return from a call',
    run: 'running in user mode',
    deviceRead: 'disk read',
    pollStatus: 'polling a device',
    sleep: 'sleeping',
    programDma: 'programming the DMA',
    dmaTransfer: 'DMA transfer',
    raiseInterrupt: 'raised interrupt',
    handleInterrupt: 'interrupt handler',
    cpuCopy: MACHINE.en.counterNoun.cpuCopies[0],
    descriptorCopy: MACHINE.en.counterNoun.descriptorCopies[0],
    pageRefMove: 'page reference move',
    mapPages: 'mapping pages',
    unmapPages: 'unmapping',
    pin: 'pinning',
    unpin: 'unpinning',
    pageFault: MACHINE.en.counterNoun.pageFaults[0],
    faultIn: 'faulting a page in',
    cowCopy: 'copy-on-write copy',
    faultReturn: 'return from a fault',
  },
  zh: {
    syscall: MACHINE.zh.counterNoun.syscalls[0],
    sysret: '系统调用返回',
    run: '用户态运行',
    deviceRead: '磁盘读取',
    pollStatus: '轮询设备',
    sleep: '睡眠',
    programDma: '设置 DMA',
    dmaTransfer: 'DMA 传输',
    raiseInterrupt: '发出中断',
    handleInterrupt: '中断处理',
    cpuCopy: MACHINE.zh.counterNoun.cpuCopies[0],
    descriptorCopy: MACHINE.zh.counterNoun.descriptorCopies[0],
    pageRefMove: '移动页引用',
    mapPages: '映射页',
    unmapPages: '解除映射',
    pin: '锁定页',
    unpin: '解除锁定',
    pageFault: MACHINE.zh.counterNoun.pageFaults[0],
    faultIn: '缺页调入',
    cowCopy: '写时复制拷贝',
    faultReturn: '缺页返回',
  },
});

/** The kinds in the palette, grouped as a program meets them: calls, the DMA, devices, moving bytes, memory, faults. */
export const PALETTE_ORDER = [
  'syscall',
  'sysret',
  'run',
  'programDma',
  'dmaTransfer',
  'raiseInterrupt',
  'handleInterrupt',
  'pollStatus',
  'sleep',
  'deviceRead',
  'cpuCopy',
  'descriptorCopy',
  'pageRefMove',
  'mapPages',
  'unmapPages',
  'pin',
  'unpin',
  'pageFault',
  'faultIn',
  'cowCopy',
  'faultReturn',
] as const satisfies readonly EventType[];

// Every kind is in the palette: an event the model adds and this list leaves out does not compile.
const paletteComplete: [Exclude<EventType, (typeof PALETTE_ORDER)[number]>] extends [never] ? true : never = true;
void paletteComplete;

/**
 * The words a level's task uses for each place (its label, and the articles' names for it): a
 * place the task names is drawn on the challenge screen from the start. The pool a kernel-bypass
 * program pins is its own user memory, so only "fbuf" names the fbuf pool.
 */
export const PLACE_WORDS = catalogue<Record<Location, string[]>>({
  en: {
    disk: ['disk'],
    ctrl: ['controller buffer', 'disk controller'],
    pageCache: ['page cache', 'kernel buffer'],
    user: ['user buffer', 'your buffer'],
    socket: ['socket buffer'],
    pipe: ['pipe'],
    fbuf: ['fbuf'],
    nic: ['NIC', 'network card'],
  },
  zh: {
    disk: ['磁盘'],
    ctrl: ['控制器缓冲区', '磁盘控制器'],
    pageCache: ['页缓存', '内核缓冲区'],
    user: ['用户缓冲区', '你的缓冲区'],
    socket: ['socket 缓冲区'],
    pipe: ['管道'],
    fbuf: ['fbuf'],
    nic: ['网卡'],
  },
});

export const PHASE_LABELS = catalogue<Record<Phase, string>>({
  en: {
    setup: 'set-up',
    transfer: 'per chunk',
    teardown: 'teardown',
  },
  zh: {
    setup: '准备',
    transfer: '每段',
    teardown: '收尾',
  },
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` names `word` at least once without a word ruling it out just before it ("no pipe"): such a place is not what the task is about. */
const namedIn = (text: string, found: RegExp, negated: RegExp) => [...text.matchAll(found)].some((m) => !negated.test(text.slice(0, m.index)));

export const BUILD = catalogue({
  en: {
    /** Each field's question; `block` is a flag on programDma and a page elsewhere. */
    field: (type: EventType, field: string): string =>
      ({
        from: 'from where?',
        to: 'to where?',
        blocks: 'which blocks?',
        block: type === 'programDma' ? 'does the process sleep until it is done?' : 'which page?',
        name: 'which system call?',
        count: 'how many blocks this time?',
        source: 'which device raises it?',
        lazy: 'map on first touch (lazy)?',
        cow: 'copy-on-write?',
        writable: 'writable?',
      })[field] ?? `${field}?`,
    /** Whether a level's task names a place by `word` (PLACE_WORDS): a whole word, or its plural. */
    names: (text: string, word: string) => namedIn(text, new RegExp(`\\b${escapeRe(word)}s?\\b`, 'gi'), /\b(?:no|without|not)\s+$/i),
    /** A lesson file the sandbox writes: its title and summary, for the teacher to replace. */
    draftTitle: 'A path built in the sandbox',
    draftSummary: 'Drafted in zcopy sandbox: say here what the path shows.',
    sandbox: 'sandbox',
    challenge: 'challenge',
    step: (n: number) => (n === 0 ? 'start' : `step ${n}`),
    phase: (p: string) => `new steps: ${p}`,
    startHint: 'Build a data path one event at a time: Enter opens the palette of events.',
    palette: 'Add a step',
    yes: 'yes',
    no: 'no',
    all: 'all it holds',
    allBlocks: 'all',
    banned: (type: string) => `${type} is banned in this level`,
    refused: (why: string) => `Refused: ${why}`,
    undone: (n: number) => `Undid step ${n}.`,
    nothingToUndo: 'Nothing to undo.',
    nothingToRedo: 'Nothing to redo.',
    redone: (n: number) => `Redid step ${n}.`,
    phaseOrder: 'A path sets up, then moves chunks, then tears down: the next step cannot go back to an earlier phase.',
    goal: 'Goal',
    limits: 'Limits',
    hint: (i: number, n: number, text: string) => `Hint ${i}/${n}: ${text}`,
    noMoreHints: 'No more hints.',
    solved: 'Solved!',
    notYet: 'Not yet:',
    wrote: (path: string) => `Wrote ${path}: zcopy validate ${path}`,
    wroteBeside: (edited: string, path: string) => `${edited} was changed since it was written, so it is left as it is. Wrote ${path}: zcopy validate ${path}`,
    notWritten: (why: string) => `Not written: ${why}`,
    emptyPath: 'There is no step to write yet.',
    discard: (n: number) => `Leave and discard this path of ${n} step${n === 1 ? '' : 's'}?`,
    keptPath: (n: number) => `The path you left here, ${n} step${n === 1 ? '' : 's'}, as you left it.`,
    confirmHelp: 'leaving a path not saved',
    helpTitle: 'Keys',
    paletteHelp: 'In the palette (it opens on the first kind the machine accepts now)',
    legend: 'The machine reads as in learn: [A] bytes, <A> a reference, {A} a mapping; ▲ a counter that changed.',
  },
  zh: {
    field: (type, field) =>
      ({
        from: '从哪里？',
        to: '到哪里？',
        blocks: '哪些块？',
        block: type === 'programDma' ? '进程睡眠等待完成？' : '哪一页？',
        name: '哪个系统调用？',
        count: '这次搬几块？',
        source: '哪个设备发出？',
        lazy: '首次访问时才映射（延迟）？',
        cow: '写时复制？',
        writable: '可写？',
      })[field] ?? `${field}?`,
    // Chinese has no word boundaries: a place's word counts anywhere.
    // 不用|不经|没有|无, escaped: the bundle is ASCII (scripts/build.mjs) and esbuild keeps a regular expression's characters as written.
    names: (text, word) => namedIn(text, new RegExp(escapeRe(word), 'g'), /(?:\u4e0d\u7528|\u4e0d\u7ecf|\u6ca1\u6709|\u65e0)$/),
    draftTitle: '在沙盒中搭建的路径',
    draftSummary: '在 zcopy sandbox 中起草：请在这里写下这条路径说明了什么。',
    sandbox: '沙盒',
    challenge: '挑战',
    step: (n: number) => (n === 0 ? '开始' : `第 ${n} 步`),
    phase: (p: string) => `新步骤：${p}`,
    startHint: '一次一个事件地搭建数据路径：按回车打开事件面板。',
    palette: '添加一步',
    yes: '是',
    no: '否',
    all: '它持有的全部',
    allBlocks: '全部',
    banned: (type: string) => `本关禁止使用 ${type}`,
    refused: (why: string) => `被拒绝：${why}`,
    undone: (n: number) => `已撤销第 ${n} 步。`,
    nothingToUndo: '没有可撤销的步骤。',
    nothingToRedo: '没有可重做的步骤。',
    redone: (n: number) => `已重做第 ${n} 步。`,
    phaseOrder: '路径先准备，再逐段传输，最后收尾：下一步不能回到更早的阶段。',
    goal: '目标',
    limits: '限制',
    hint: (i: number, n: number, text: string) => `提示 ${i}/${n}：${text}`,
    noMoreHints: '没有更多提示了。',
    solved: '通过！',
    notYet: '还差：',
    wrote: (path: string) => `已写入 ${path}：zcopy validate ${path}`,
    wroteBeside: (edited: string, path: string) => `${edited} 在写入后被改过，保持原样。已写入 ${path}：zcopy validate ${path}`,
    notWritten: (why: string) => `未写入：${why}`,
    emptyPath: '还没有可写入的步骤。',
    discard: (n: number) => `离开并放弃这条 ${n} 步的路径？`,
    keptPath: (n: number) => `这是你离开时的路径，共 ${n} 步，保持原样。`,
    confirmHelp: '离开未保存的路径时',
    helpTitle: '按键',
    paletteHelp: '在事件面板中（打开时光标停在机器此刻接受的第一类事件上）',
    legend: '机器的读法与 learn 相同：[A] 数据本身，<A> 引用，{A} 映射；▲ 表示刚变化的计数器。',
  },
});
