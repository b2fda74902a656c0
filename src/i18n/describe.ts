import type { Event, Location, State } from '../model/index.js';
import { catalogue, type Lang } from './lang.js';
import { MACHINE } from './machine.js';
import { PUNCTUATION } from './punctuation.js';

type Source = Extract<Event, { type: 'raiseInterrupt' }>['source'];

/** Words put together beside Chinese, spaced where a Latin word meets a character ("写进 socket 缓冲区的"). */
const ph = (...words: string[]) => PUNCTUATION.zh.phrase(words);

/** The words of a step's one-line description; `blocks` comes written ("[A B]"), a place by its name. */
export const DESCRIBE = catalogue({
  en: {
    /** A move: what kind, from where to where, and the descriptors or mapping it followed. */
    moved: (kind: string, from: string, to: string, blocks: string, via: string | null) => `${kind}: ${from} → ${to} ${blocks}${via ? `, via the ${via}` : ''}`,
    /** A move by its kind alone, the places unsaid. */
    moveOf: (kind: string, blocks: string) => `${kind} ${blocks}`,
    syscall: (name: string) => `system call ${name}()`,
    sysret: (name: string) => `${name}() returns to user mode`,
    sleep: 'the process sleeps until an interrupt',
    deviceRead: (moved: string) => `${moved}, ready bit set`,
    dmaDone: 'poll the DMA status: the transfer is done',
    pollDevice: (ready: boolean) => `poll the device status: ${ready ? 'ready' : 'not ready'}`,
    programDma: (regs: string, sleeps: boolean) => `program the DMA: ${regs}${sleeps ? ', the process sleeps' : ''}`,
    dmaTransfer: (moved: string, wc: number) => `${moved}, WC=${wc}`,
    raiseInterrupt: (source: Source) => `the ${{ dma: 'DMA', disk: 'disk', nic: 'NIC' }[source]} raises an interrupt`,
    handleInterrupt: (wakes: boolean) => `the CPU handles the interrupt${wakes ? ', the process wakes' : ''}`,
    // The registers are the device's; the controller's buffer is only where its data waits.
    mapRegisters: (from: Location) => `map the ${from === 'ctrl' ? 'disk controller' : MACHINE.en.place[from]}'s registers into user space`,
    mapPages: (from: Location, blocks: string, lazy: boolean, cow: boolean) => {
      const how = [lazy ? 'not present yet' : '', cow ? 'copy-on-write' : ''].filter(Boolean).join(', ');
      return `map the ${MACHINE.en.place[from]} into user space ${blocks}${how ? ` (${how})` : ''}`;
    },
    unmapPages: (from: Location) => `unmap the ${MACHINE.en.place[from]}`,
    // Mapped page-cache pages (MSG_ZEROCOPY on a mapped file) are pinned as they are, not the user buffer's own.
    pin: (mapped: boolean, blocks: string) => `pin the ${mapped ? 'mapped page-cache pages' : 'user pages'} ${blocks}`,
    unpin: (mapped: boolean, blocks: string) => `unpin the ${mapped ? 'mapped page-cache pages' : 'user pages'} ${blocks}`,
    pageFault: (block: string) => `touching block ${block} takes a page fault`,
    faultIn: (blocks: string) => `page-table entries present ${blocks}`,
    faultReturn: 'the fault handler returns',
    run: 'the program runs in user mode',
    /** The same steps said by their event alone, so a question about places or the CPU's mode does not state its answer. */
    event: {
      sysret: (name: string) => `${name}() returns`,
      deviceRead: (blocks: string) => `the device reads ${blocks}, ready bit set`,
      programDma: (wc: number, sleeps: boolean) => `program the DMA: WC=${wc}${sleeps ? ', the process sleeps' : ''}`,
      mapRegisters: "map a device's registers into the process's address space",
      mapPages: (blocks: string) => `map ${blocks} into the process's address space`,
      unmapPages: 'unmap the pages',
      run: 'the program runs',
    },
  },
  zh: {
    moved: (kind, from, to, blocks, via) => `${kind}：${from} → ${to} ${blocks}${via ? `，${ph('经由', via)}` : ''}`,
    moveOf: (kind, blocks) => `${kind} ${blocks}`,
    syscall: (name) => `系统调用 ${name}()`,
    sysret: (name) => `${name}() 返回用户态`,
    sleep: '进程睡眠，等待中断',
    deviceRead: (moved) => `${moved}，就绪位置位`,
    dmaDone: '轮询 DMA 状态：传输已完成',
    pollDevice: (ready) => `轮询设备状态：${ready ? '已就绪' : '未就绪'}`,
    programDma: (regs, sleeps) => `设置 DMA：${regs}${sleeps ? '，进程睡眠' : ''}`,
    dmaTransfer: (moved, wc) => `${moved}，WC=${wc}`,
    raiseInterrupt: (source) => ph({ dma: 'DMA', disk: '磁盘', nic: '网卡' }[source], '发出中断'),
    handleInterrupt: (wakes) => `CPU 处理中断${wakes ? '，唤醒进程' : ''}`,
    mapRegisters: (from) => ph('把', from === 'ctrl' ? '磁盘控制器' : MACHINE.zh.place[from], '的寄存器映射进用户空间'),
    mapPages: (from, blocks, lazy, cow) => {
      const how = [lazy ? '暂不在内存' : '', cow ? '写时复制' : ''].filter(Boolean).join('，');
      return `${ph('把', MACHINE.zh.place[from], '映射进用户空间')} ${blocks}${how ? `（${how}）` : ''}`;
    },
    unmapPages: (from) => ph('解除', MACHINE.zh.place[from], '的映射'),
    pin: (mapped, blocks) => `锁定${mapped ? '映射的页缓存页' : '用户页'} ${blocks}`,
    unpin: (mapped, blocks) => `解除${mapped ? '映射的页缓存页' : '用户页'}的锁定 ${blocks}`,
    pageFault: (block) => `访问块 ${block} 所在页，触发缺页`,
    faultIn: (blocks) => `页表项就绪 ${blocks}`,
    faultReturn: '缺页处理返回',
    run: '程序在用户态运行',
    event: {
      sysret: (name) => `${name}() 返回`,
      deviceRead: (blocks) => `设备读出 ${blocks}，就绪位置位`,
      programDma: (wc, sleeps) => `设置 DMA：WC=${wc}${sleeps ? '，进程睡眠' : ''}`,
      mapRegisters: '把设备寄存器映射进进程的地址空间',
      mapPages: (blocks) => `把 ${blocks} 映射进进程的地址空间`,
      unmapPages: '解除映射',
      run: '程序继续运行',
    },
  },
});

const blocks = (b: readonly string[]) => `[${b.join(' ')}]`;
const placeOf = (l: Location | null, lang: Lang) => (l ? MACHINE[lang].place[l] : '—');

/**
 * One line saying what a step did, for explain's step list and the learn screen.
 * It reads the states around the event; it never works anything out itself.
 */
export function describeStep(before: State, after: State, event: Event, lang: Lang): string {
  const w = DESCRIBE[lang];
  const place = (l: Location | null) => placeOf(l, lang);
  const t = after.transfer;
  const moved = t ? w.moved(MACHINE[lang].transfer[t.kind], place(t.from), place(t.to), blocks(t.blocks), t.via ? place(t.via) : null) : '';
  switch (event.type) {
    case 'syscall':
      return w.syscall(event.name);
    case 'sysret':
      return w.sysret(before.call?.name ?? '');
    case 'sleep':
      return w.sleep;
    case 'deviceRead':
      return w.deviceRead(moved);
    case 'pollStatus':
      // A poller that reads a finished DMA's status takes its completion there (kernel bypass).
      if (before.dma.status === 'done') return w.dmaDone;
      return w.pollDevice(after.deviceReady);
    case 'programDma':
      return w.programDma(`MAR=${place(after.dma.mar)} ADR=${place(after.dma.adr)} WC=${after.dma.wc}`, after.process === 'blocked');
    case 'dmaTransfer':
      return w.dmaTransfer(moved, after.dma.wc);
    case 'raiseInterrupt':
      return w.raiseInterrupt(event.source);
    case 'handleInterrupt':
      return w.handleInterrupt(before.process === 'blocked');
    case 'cpuCopy':
    case 'descriptorCopy':
    case 'pageRefMove':
    case 'cowCopy':
      return moved;
    case 'mapPages':
      if (t!.blocks.length === 0) return w.mapRegisters(event.from);
      return w.mapPages(event.from, blocks(t!.blocks), !!event.lazy, !!event.cow);
    case 'unmapPages':
      return w.unmapPages(event.from);
    case 'pin':
    case 'unpin': {
      const named = event.blocks ?? after.payload;
      const mapped = after.pageTable.some((p) => named.includes(p.block) && p.frame !== 'user');
      return w[event.type](mapped, blocks(named));
    }
    case 'pageFault':
      return w.pageFault(event.block);
    case 'faultIn':
      return w.faultIn(blocks(t!.blocks));
    case 'faultReturn':
      return w.faultReturn;
    case 'run':
      return w.run;
  }
}

/**
 * A step by its event alone: no place and no CPU mode is named, so a question
 * about where the bytes are or which mode the CPU is in does not state its answer.
 */
export function describeEvent(before: State, after: State, event: Event, lang: Lang): string {
  const w = DESCRIBE[lang];
  const t = after.transfer;
  const what = t ? w.moveOf(MACHINE[lang].transfer[t.kind], blocks(t.blocks)) : '';
  switch (event.type) {
    case 'sysret':
      return w.event.sysret(before.call?.name ?? '');
    case 'deviceRead':
      return w.event.deviceRead(blocks(t!.blocks));
    case 'programDma':
      return w.event.programDma(after.dma.wc, after.process === 'blocked');
    case 'dmaTransfer':
      return w.dmaTransfer(what, after.dma.wc);
    case 'cpuCopy':
    case 'descriptorCopy':
    case 'pageRefMove':
    case 'cowCopy':
      return what;
    case 'mapPages':
      if (t!.blocks.length === 0) return w.event.mapRegisters;
      return w.event.mapPages(blocks(t!.blocks));
    case 'unmapPages':
      return w.event.unmapPages;
    case 'run':
      return w.event.run;
    default:
      return describeStep(before, after, event, lang);
  }
}

/**
 * What predict mode may say about a step before it is revealed: where data goes,
 * never who moves it, how, or which mode the CPU ends in.
 */
export function teaseStep(before: State, after: State, event: Event, lang: Lang): string {
  const t = after.transfer;
  if (t && t.blocks.length) return `${placeOf(t.from, lang)} → ${placeOf(t.to, lang)} ${blocks(t.blocks)}`;
  return describeEvent(before, after, event, lang);
}
