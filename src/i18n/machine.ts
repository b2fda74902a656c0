import type { Activity, Counters, Location, State, TransferKind } from '../model/index.js';
import { catalogue, type Catalogue } from './lang.js';
import { PUNCTUATION } from './punctuation.js';
import { grouped } from '../term/bytes.js';

/** The machine's own vocabulary: what the model's counters, places, moves and CPU activities are called. */
interface MachineWords {
  counter: Record<keyof Counters, string>;
  place: Record<Location, string>;
  transfer: Record<TransferKind, string>;
  activity: Record<Activity, string>;
  /** A counter as a noun, for one and for several ("-1 system call", "-2 mode switches"); Chinese has one form. */
  counterNoun: Record<keyof Counters, [string, string]>;
  /** A count of a counter: "1 CPU copy", "2 mode switches"; "1 次 CPU 拷贝". */
  amount: (n: number, counter: keyof Counters) => string;
  /** A place in the page table and beside an arrow, where the screen is narrow. */
  frameShort: Partial<Record<Location, string>>;
  dmaStatus: Record<State['dma']['status'], string>;
}

export const MACHINE: Catalogue<MachineWords> = catalogue<MachineWords>({
  en: {
    /** A counter as a column or a line names it. */
    counter: {
      cpuCopies: 'CPU copies',
      dmaCopies: 'DMA copies',
      modeSwitches: 'Mode switches',
      syscalls: 'Syscalls',
      descriptorCopies: 'Descriptor copies',
      interrupts: 'Interrupts',
      pageFaults: 'Page faults',
    },
    /** Each place, bare, as the machine and the lists label it. */
    place: {
      disk: 'disk',
      ctrl: 'controller buffer',
      pageCache: 'page cache',
      user: 'user buffer',
      socket: 'socket buffer',
      pipe: 'pipe',
      fbuf: 'fbuf pool',
      nic: 'NIC',
    },
    /** What kind of move a step made. */
    transfer: {
      'cpu-copy': 'CPU copy',
      'dma-copy': 'DMA copy',
      descriptor: 'descriptor copy',
      reference: 'page references',
      mapping: 'mapping',
      device: 'device read',
    },
    /** What the CPU is doing. */
    activity: {
      running: 'running the program',
      syscall: 'kernel code',
      copying: 'copying',
      polling: 'busy-polling',
      interrupt: 'in an interrupt',
      fault: 'in a page fault',
      free: 'free for other work',
    },
    counterNoun: {
      cpuCopies: ['CPU copy', 'CPU copies'],
      dmaCopies: ['DMA copy', 'DMA copies'],
      modeSwitches: ['mode switch', 'mode switches'],
      syscalls: ['system call', 'system calls'],
      descriptorCopies: ['descriptor copy', 'descriptor copies'],
      interrupts: ['interrupt', 'interrupts'],
      pageFaults: ['page fault', 'page faults'],
    },
    amount: (n, counter) => `${grouped(n)} ${MACHINE.en.counterNoun[counter][n === 1 ? 0 : 1]}`,
    frameShort: { pageCache: 'cache', user: 'user', fbuf: 'fbuf', nic: 'NIC', socket: 'sock', ctrl: 'ctrl', pipe: 'pipe' },
    dmaStatus: { idle: 'idle', programmed: 'programmed', done: 'done' },
  },
  zh: {
    counter: {
      cpuCopies: 'CPU 拷贝',
      dmaCopies: 'DMA 拷贝',
      modeSwitches: '模式切换',
      syscalls: '系统调用',
      descriptorCopies: '描述符拷贝',
      interrupts: '中断',
      pageFaults: '缺页',
    },
    place: {
      disk: '磁盘',
      ctrl: '控制器缓冲区',
      pageCache: '页缓存',
      user: '用户缓冲区',
      socket: 'socket 缓冲区',
      pipe: '管道',
      fbuf: 'fbuf 缓冲池',
      nic: '网卡',
    },
    transfer: {
      'cpu-copy': 'CPU 拷贝',
      'dma-copy': 'DMA 拷贝',
      descriptor: '描述符拷贝',
      reference: '页引用',
      mapping: '映射',
      device: '设备读取',
    },
    activity: {
      running: '运行程序',
      syscall: '执行内核代码',
      copying: '拷贝数据',
      polling: '忙等轮询',
      interrupt: '处理中断',
      fault: '处理缺页',
      free: '空闲，可做别的事',
    },
    counterNoun: {
      cpuCopies: ['CPU 拷贝', 'CPU 拷贝'],
      dmaCopies: ['DMA 拷贝', 'DMA 拷贝'],
      modeSwitches: ['模式切换', '模式切换'],
      syscalls: ['系统调用', '系统调用'],
      descriptorCopies: ['描述符拷贝', '描述符拷贝'],
      interrupts: ['中断', '中断'],
      pageFaults: ['缺页', '缺页'],
    },
    // Chinese counts with the measure word 次, spaced from a Latin word ("2 次 CPU 拷贝", "2 次中断").
    amount: (n, counter) => PUNCTUATION.zh.phrase([`${grouped(n)} 次`, MACHINE.zh.counterNoun[counter][0]]),
    frameShort: { pageCache: '页缓存', user: '用户', fbuf: 'fbuf', nic: '网卡', socket: 'sock', ctrl: '控制器', pipe: '管道' },
    dmaStatus: { idle: '空闲', programmed: '已设置', done: '完成' },
  },
});
