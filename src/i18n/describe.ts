import type { Event, Location, State } from '../model/index.js';
import type { Lang } from './lang.js';
import { PLACE_LABELS, TRANSFER_LABELS } from './strings.js';

const place = (l: Location | null, lang: Lang) => (l ? PLACE_LABELS[l][lang] : '—');
const blocks = (b: readonly string[]) => `[${b.join(' ')}]`;
/** Chinese puts a space between a character and a Latin word that follows it. */
const latinGap = (word: string) => (/^[A-Za-z]/.test(word) ? ` ${word}` : word);
/** ...and between a Latin word and a character that follows it, but none between two characters ("磁盘发出中断", "DMA 发出中断"). */
const gapAfter = (word: string) => (/[A-Za-z0-9)\]]$/.test(word) ? `${word} ` : word);

/**
 * One line saying what a step did, for explain's step list and the learn screen.
 * It reads the states around the event; it never works anything out itself.
 */
export function describeStep(before: State, after: State, event: Event, lang: Lang): string {
  const zh = lang === 'zh';
  const t = after.transfer;
  const colon = zh ? '：' : ': ';
  const comma = zh ? '，' : ', ';
  const through = t?.via ? (zh ? `，经由${latinGap(place(t.via, lang))}` : `, via the ${place(t.via, lang)}`) : '';
  const moved = t ? `${TRANSFER_LABELS[t.kind][lang]}${colon}${place(t.from, lang)} → ${place(t.to, lang)} ${blocks(t.blocks)}${through}` : '';
  switch (event.type) {
    case 'syscall':
      return zh ? `系统调用 ${event.name}()` : `system call ${event.name}()`;
    case 'sysret': {
      const name = before.call?.name ?? '';
      return zh ? `${name}() 返回用户态` : `${name}() returns to user mode`;
    }
    case 'sleep':
      return zh ? '进程睡眠，等待中断' : 'the process sleeps until an interrupt';
    case 'deviceRead':
      return zh ? `${moved}，就绪位置位` : `${moved}, ready bit set`;
    case 'pollStatus':
      // A poller that reads a finished DMA's status takes its completion there (kernel bypass).
      if (before.dma.status === 'done') return zh ? '轮询 DMA 状态：传输已完成' : 'poll the DMA status: the transfer is done';
      return zh
        ? `轮询设备状态：${after.deviceReady ? '已就绪' : '未就绪'}`
        : `poll the device status: ${after.deviceReady ? 'ready' : 'not ready'}`;
    case 'programDma': {
      const regs = `MAR=${place(after.dma.mar, lang)} ADR=${place(after.dma.adr, lang)} WC=${after.dma.wc}`;
      const sleeps = after.process === 'blocked' ? (zh ? '，进程睡眠' : ', the process sleeps') : '';
      return zh ? `设置 DMA：${regs}${sleeps}` : `program the DMA: ${regs}${sleeps}`;
    }
    case 'dmaTransfer':
      return `${moved}${comma}WC=${after.dma.wc}`;
    case 'raiseInterrupt': {
      const source = { dma: 'DMA', disk: zh ? '磁盘' : 'disk', nic: zh ? '网卡' : 'NIC' }[event.source];
      return zh ? `${gapAfter(source)}发出中断` : `the ${source} raises an interrupt`;
    }
    case 'handleInterrupt': {
      const woke = before.process === 'blocked' ? (zh ? '，唤醒进程' : ', the process wakes') : '';
      return zh ? `CPU 处理中断${woke}` : `the CPU handles the interrupt${woke}`;
    }
    case 'cpuCopy':
    case 'descriptorCopy':
    case 'pageRefMove':
    case 'cowCopy':
      return moved;
    case 'mapPages': {
      if (t!.blocks.length === 0) {
        // The registers are the device's; the controller's buffer is only where its data waits.
        const device = event.from === 'ctrl' ? (zh ? '磁盘控制器' : 'disk controller') : place(event.from, lang);
        return zh ? `把${device}的寄存器映射进用户空间` : `map the ${device}'s registers into user space`;
      }
      const how = [event.lazy ? (zh ? '暂不在内存' : 'not present yet') : '', event.cow ? (zh ? '写时复制' : 'copy-on-write') : '']
        .filter(Boolean)
        .join(zh ? '，' : ', ');
      const base = zh ? `把${place(event.from, lang)}映射进用户空间 ${blocks(t!.blocks)}` : `map the ${place(event.from, lang)} into user space ${blocks(t!.blocks)}`;
      return how ? (zh ? `${base}（${how}）` : `${base} (${how})`) : base;
    }
    case 'unmapPages':
      return zh ? `解除${place(event.from, lang)}的映射` : `unmap the ${place(event.from, lang)}`;
    case 'pin':
    case 'unpin': {
      const named = event.blocks ?? after.payload;
      const which = blocks(named);
      // Mapped page-cache pages (MSG_ZEROCOPY on a mapped file) are pinned as they are, not the user buffer's own.
      const mapped = after.pageTable.some((p) => named.includes(p.block) && p.frame !== 'user');
      const pages = mapped ? (zh ? '映射的页缓存页' : 'mapped page-cache pages') : zh ? '用户页' : 'user pages';
      if (event.type === 'pin') return zh ? `锁定${pages} ${which}` : `pin the ${pages} ${which}`;
      return zh ? `解除${pages}的锁定 ${which}` : `unpin the ${pages} ${which}`;
    }
    case 'pageFault':
      return zh ? `访问块 ${event.block} 所在页，触发缺页` : `touching block ${event.block} takes a page fault`;
    case 'faultIn':
      return zh ? `页表项就绪 ${blocks(t!.blocks)}` : `page-table entries present ${blocks(t!.blocks)}`;
    case 'faultReturn':
      return zh ? '缺页处理返回' : 'the fault handler returns';
    case 'run':
      return zh ? '程序在用户态运行' : 'the program runs in user mode';
  }
}

/**
 * A step by its event alone: no place and no CPU mode is named, so a question
 * about where the bytes are or which mode the CPU is in does not state its answer.
 */
export function describeEvent(before: State, after: State, event: Event, lang: Lang): string {
  const zh = lang === 'zh';
  const t = after.transfer;
  const what = t ? `${TRANSFER_LABELS[t.kind][lang]} ${blocks(t.blocks)}` : '';
  switch (event.type) {
    case 'sysret': {
      const name = before.call?.name ?? '';
      return zh ? `${name}() 返回` : `${name}() returns`;
    }
    case 'deviceRead':
      return zh ? `设备读出 ${blocks(t!.blocks)}，就绪位置位` : `the device reads ${blocks(t!.blocks)}, ready bit set`;
    case 'programDma': {
      const sleeps = after.process === 'blocked' ? (zh ? '，进程睡眠' : ', the process sleeps') : '';
      return zh ? `设置 DMA：WC=${after.dma.wc}${sleeps}` : `program the DMA: WC=${after.dma.wc}${sleeps}`;
    }
    case 'dmaTransfer':
      return `${what}${zh ? '，' : ', '}WC=${after.dma.wc}`;
    case 'cpuCopy':
    case 'descriptorCopy':
    case 'pageRefMove':
    case 'cowCopy':
      return what;
    case 'mapPages':
      if (t!.blocks.length === 0) return zh ? '把设备寄存器映射进进程的地址空间' : "map a device's registers into the process's address space";
      return zh ? `把 ${blocks(t!.blocks)} 映射进进程的地址空间` : `map ${blocks(t!.blocks)} into the process's address space`;
    case 'unmapPages':
      return zh ? '解除映射' : 'unmap the pages';
    case 'run':
      return zh ? '程序继续运行' : 'the program runs';
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
  if (t && t.blocks.length) return `${place(t.from, lang)} → ${place(t.to, lang)} ${blocks(t.blocks)}`;
  return describeEvent(before, after, event, lang);
}
