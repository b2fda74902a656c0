import type { Lang } from '../i18n/lang.js';
import type { Counters, EventType, Mover } from '../model/index.js';
import { COUNT_MISTAKES } from './strings.js';

/**
 * Steps that enter or leave the kernel without a system call: an interrupt
 * handler, a page fault and its return. They are the traps of "does this switch
 * modes?": the sources count only system-call transitions.
 */
export const UNCOUNTED_TRAPS: readonly EventType[] = ['handleInterrupt', 'pageFault', 'faultReturn'];

/**
 * What a wrong prediction reveals, in the learner's language. Predict mode in
 * `learn` and the quiz's explanations share these, so a learner hears the same
 * correction wherever they make the same mistake.
 */
export function moverMistake(predicted: Mover, actual: Mover, event: EventType, lang: Lang): string | null {
  if (predicted === actual) return null;
  const zh = lang === 'zh';
  const referenceMove = event === 'descriptorCopy' || event === 'pageRefMove' || event === 'mapPages' || event === 'faultIn';
  if (actual === 'dma') {
    return predicted === 'cpu'
      ? zh
        ? '把 DMA 拷贝算成了 CPU 拷贝：这些字节由 DMA 控制器搬运，CPU 只负责设置它。'
        : 'Counted the DMA copy as a CPU copy: the DMA controller moves these bytes; the CPU only programmed it.'
      : zh
        ? '漏掉了一次 DMA 拷贝：即使 CPU 没动手，设备和内存之间的数据也在移动。'
        : 'Missed a DMA copy: bytes move between a device and memory even though the CPU does not touch them.';
  }
  if (actual === 'cpu') {
    return predicted === 'dma'
      ? zh
        ? '以为这一步由 DMA 完成：DMA 只在设备和内存之间搬数据，内存到内存的拷贝要 CPU 亲自做。'
        : 'Thought the DMA does this one: DMA only moves data between a device and memory; memory-to-memory copies are the CPU\'s.'
      : zh
        ? '漏掉了一次 CPU 拷贝：CPU 在这里亲手搬运了数据。'
        : 'Missed a CPU copy: the CPU moves the payload bytes itself here.';
  }
  // Nobody moves payload bytes in this step.
  if (referenceMove) {
    return zh
      ? '把引用当成了拷贝：这里移动的只是描述符、页指针或映射，数据本身没动。'
      : 'Counted a reference as a copy: only a descriptor, page pointer or mapping moves here, not the data.';
  }
  return zh
    ? '这一步没有搬运任何数据：它是控制步骤（系统调用、设置寄存器、中断或等待）。'
    : 'No payload bytes move in this step: it is control work (a system call, programming a register, an interrupt or a wait).';
}

export function modeMistake(predictedSwitch: boolean, actualSwitch: boolean, event: EventType, lang: Lang): string | null {
  if (predictedSwitch === actualSwitch) return null;
  const zh = lang === 'zh';
  if (actualSwitch) {
    return event === 'sysret'
      ? zh
        ? '忘了返回也是一次切换：每个系统调用要两次模式切换，进入一次，返回一次。'
        : 'Forgot that returning is a switch too: each system call costs two mode switches, one in and one out.'
      : zh
        ? '忘了系统调用会切换模式：进入内核就是一次从用户态到内核态的切换。'
        : 'Forgot that a system call switches mode: entering the kernel is one user-to-kernel switch.';
  }
  if (UNCOUNTED_TRAPS.includes(event)) {
    return zh
      ? '把中断或缺页算成了模式切换：从用户态接收它们时确实会进入内核，但 zcopy 只把系统调用的进入和返回计为模式切换，中断和缺页各有自己的计数。'
      : 'Counted an interrupt or a page fault as a mode switch: taken from user mode they do enter the kernel, but zcopy counts only a system call\'s entry and return as mode switches; interrupts and faults have counters of their own.';
  }
  return zh
    ? '这里不计模式切换：只有系统调用的进入和返回才计数（从中断或缺页处理程序返回用户态也会离开内核，但同样不计）。'
    : 'No mode switch is counted here: only a system call\'s entry and return are (a return from an interrupt or fault handler to user mode leaves the kernel too, but is not counted either).';
}

/** What the counts of a scenario are made of, for judging a wrong count. */
export interface CountFacts extends Counters {
  /** System calls that set things up rather than move the payload (pipe, setsockopt, mmap...). */
  setupCalls: number;
}

type CountCounter = 'cpuCopies' | 'dmaCopies' | 'modeSwitches' | 'syscalls';
export type CountMistake = keyof typeof COUNT_MISTAKES;

/**
 * Which known mistake a wrong count matches, if any: e.g. answering CPU + DMA
 * copies for the CPU copies, or the number of calls for the mode switches.
 */
export function countMistakeOf(counter: CountCounter, answered: number, f: CountFacts): CountMistake | null {
  const actual = f[counter];
  if (answered === actual) return null;
  switch (counter) {
    case 'cpuCopies':
      if (f.dmaCopies > 0 && answered === f.cpuCopies + f.dmaCopies) return 'dmaAsCpu';
      if (f.descriptorCopies > 0 && answered === f.cpuCopies + f.descriptorCopies) return 'refAsCopy';
      return null;
    case 'dmaCopies':
      if (f.cpuCopies > 0 && answered === f.cpuCopies + f.dmaCopies) return 'cpuAsDma';
      if (answered === 0 && f.dmaCopies > 0) return 'zeroDma';
      return null;
    case 'modeSwitches':
      if (answered === f.syscalls) return 'oneSwitchPerCall';
      if (answered > actual && (answered === actual + f.interrupts || answered === actual + 2 * f.interrupts ||
        answered === actual + f.pageFaults || answered === actual + 2 * f.pageFaults ||
        answered === actual + f.interrupts + f.pageFaults || answered === actual + 2 * (f.interrupts + f.pageFaults))) {
        return 'faultsAsSwitches';
      }
      if (f.setupCalls > 0 && answered === actual - 2 * f.setupCalls) return 'forgotSetup';
      return null;
    case 'syscalls':
      if (answered === f.modeSwitches) return 'switchesAsCalls';
      if (f.setupCalls > 0 && answered === actual - f.setupCalls) return 'forgotSetup';
      return null;
  }
}

export function countMistake(counter: CountCounter, answered: number, f: CountFacts, lang: Lang): string | null {
  const m = countMistakeOf(counter, answered, f);
  return m ? COUNT_MISTAKES[m][lang] : null;
}
