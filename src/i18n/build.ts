import type { EventType, Location, Phase } from '../model/index.js';
import type { Lang, Text } from './lang.js';

/**
 * The palette's words: what each event does, in a line, and the question each
 * field asks. The names stay the lesson format's, so that a path built here reads
 * the same as a path written in a file.
 */
export const EVENT_GLOSS: Record<EventType, Text> = {
  syscall: { en: 'the program calls into the kernel (a mode switch)', zh: '程序发起系统调用，进入内核（一次模式切换）' },
  sysret: { en: 'the open call returns to the program (a mode switch)', zh: '当前的系统调用返回程序（一次模式切换）' },
  run: { en: 'the program runs on in user mode', zh: '程序在用户态继续运行' },
  deviceRead: { en: 'the disk reads blocks into its controller buffer', zh: '磁盘把块读入控制器缓冲区' },
  pollStatus: { en: 'the CPU reads a device status register until it is done', zh: 'CPU 反复读设备状态寄存器，直到完成' },
  sleep: { en: 'the process sleeps until an interrupt wakes it', zh: '进程睡眠，等中断唤醒' },
  programDma: { en: 'set the DMA registers: from, to, which blocks', zh: '设置 DMA 寄存器：从哪里、到哪里、哪些块' },
  dmaTransfer: { en: 'the DMA controller moves the blocks, the CPU is free', zh: 'DMA 控制器搬运数据块，CPU 空闲' },
  raiseInterrupt: { en: 'a device signals that it is done', zh: '设备发出中断，表示完成' },
  handleInterrupt: { en: 'the CPU runs the interrupt handler', zh: 'CPU 运行中断处理程序' },
  cpuCopy: { en: 'the CPU copies the bytes itself', zh: 'CPU 亲自拷贝数据' },
  descriptorCopy: { en: 'hand on a descriptor (where and how long), not the bytes', zh: '只传递描述符（位置和长度），不拷贝数据' },
  pageRefMove: { en: 'move a reference to a page, not the bytes', zh: '移动页的引用，不拷贝数据' },
  mapPages: { en: 'map pages into the program’s address space', zh: '把页映射进程序的地址空间' },
  unmapPages: { en: 'remove a mapping', zh: '解除映射' },
  pin: { en: 'pin user pages so a device may use them', zh: '锁定用户页，让设备可以使用' },
  unpin: { en: 'unpin user pages', zh: '解除锁定用户页' },
  pageFault: { en: 'the program touches a page that is not ready: a fault', zh: '程序访问尚未就绪的页：缺页' },
  faultIn: { en: 'the fault handler maps the page in', zh: '缺页处理程序把页映射进来' },
  cowCopy: { en: 'copy-on-write: copy the one page written to', zh: '写时复制：只拷贝被写的那一页' },
  faultReturn: { en: 'the fault handler returns', zh: '缺页处理程序返回' },
};

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

/** Each field's question; `block` is a flag on programDma and a page elsewhere. */
export function fieldQuestion(type: EventType, field: string, lang: Lang): string {
  const zh = lang === 'zh';
  switch (field) {
    case 'from':
      return zh ? '从哪里？' : 'from where?';
    case 'to':
      return zh ? '到哪里？' : 'to where?';
    case 'blocks':
      return zh ? '哪些块？' : 'which blocks?';
    case 'block':
      if (type === 'programDma') return zh ? '进程睡眠等待完成？' : 'does the process sleep until it is done?';
      return zh ? '哪一页？' : 'which page?';
    case 'name':
      return zh ? '哪个系统调用？' : 'which system call?';
    case 'count':
      return zh ? '这次搬几块？' : 'how many blocks this time?';
    case 'source':
      return zh ? '哪个设备发出？' : 'which device raises it?';
    case 'lazy':
      return zh ? '首次访问时才映射（延迟）？' : 'map on first touch (lazy)?';
    case 'cow':
      return zh ? '写时复制？' : 'copy-on-write?';
    case 'writable':
      return zh ? '可写？' : 'writable?';
    default:
      return `${field}?`;
  }
}

/**
 * The words a level's task uses for each place (its label, and the articles' names for it): a
 * place the task names is drawn on the challenge screen from the start. The pool a kernel-bypass
 * program pins is its own user memory, so only "fbuf" names the fbuf pool.
 */
export const PLACE_WORDS: Record<Location, Record<Lang, string[]>> = {
  disk: { en: ['disk'], zh: ['磁盘'] },
  ctrl: { en: ['controller buffer', 'disk controller'], zh: ['控制器缓冲区', '磁盘控制器'] },
  pageCache: { en: ['page cache', 'kernel buffer'], zh: ['页缓存', '内核缓冲区'] },
  user: { en: ['user buffer', 'your buffer'], zh: ['用户缓冲区', '你的缓冲区'] },
  socket: { en: ['socket buffer'], zh: ['socket 缓冲区'] },
  pipe: { en: ['pipe'], zh: ['管道'] },
  fbuf: { en: ['fbuf'], zh: ['fbuf'] },
  nic: { en: ['NIC', 'network card'], zh: ['网卡'] },
};

export const PHASE_LABELS: Record<Phase, Text> = {
  setup: { en: 'set-up', zh: '准备' },
  transfer: { en: 'per chunk', zh: '每段' },
  teardown: { en: 'teardown', zh: '收尾' },
};

export const BUILD = {
  en: {
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
    notWritten: (why: string) => `Not written: ${why}`,
    emptyPath: 'There is no step to write yet.',
    helpTitle: 'Keys',
    paletteHelp: 'In the palette',
    legend: 'The machine reads as in learn: [A] bytes, <A> a reference, {A} a mapping; ▲ a counter that changed.',
  },
  zh: {
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
    notWritten: (why: string) => `未写入：${why}`,
    emptyPath: '还没有可写入的步骤。',
    helpTitle: '按键',
    paletteHelp: '在事件面板中',
    legend: '机器的读法与 learn 相同：[A] 数据本身，<A> 引用，{A} 映射；▲ 表示刚变化的计数器。',
  },
} satisfies Record<Lang, Record<string, unknown>>;
