import { catalogue } from './lang.js';

/** Each glossary term's name and definition (src/glossary/terms.ts says which lessons teach it), and the glossary's own words. */
export const GLOSSARY = catalogue({
  en: {
    /** The label before the lessons that use a term. */
    lessons: 'Lessons',
    /** Under the lessons' ids: how to read one. */
    readOne: 'Read one: zcopy explain <lesson>',
    /** The index's last line. */
    more: 'zcopy glossary <term> for the definition',
    terms: {
      dma: {
        name: 'DMA (direct memory access)',
        definition: 'A controller that moves data between a device and memory on its own. The CPU only programs it and takes its completion interrupt, so it is free while the bytes move.',
    },
    'mar-adr-wc': {
      name: 'MAR, ADR, WC (DMA registers)',
      definition: 'What the CPU writes to start a DMA transfer: MAR, the memory address; ADR, the device address; WC, the word count, how much is still to move. A real controller counts words or bytes; zcopy counts WC in blocks, so the lessons call it the block count. WC counts down as the DMA works; at zero the transfer is complete and the controller raises an interrupt.',
    },
    'page-cache': {
      name: 'page cache',
      definition: "The kernel's cache of file contents in memory. A read that finds the data there (a hit) needs no disk; a miss reads from disk, often with read-ahead. Many articles call it the kernel buffer or read buffer.",
    },
    'mode-switch': {
      name: 'mode switch (vs process context switch)',
      definition: "A user-to-kernel or kernel-to-user transition of the same process; every system call costs two. The articles call these context switches, but a process context switch is something else: the scheduler replacing one process with another. zcopy counts only system-call transitions; interrupts and page faults have their own counters.",
    },
    'scatter-gather': {
      name: 'scatter-gather DMA',
      definition: 'DMA that works from a list of (address, length) descriptors instead of one contiguous buffer. On sending it gathers pieces scattered in memory straight to the NIC, so the kernel copies descriptors instead of bytes; it needs NIC support, and checksum offload for the copy to vanish.',
    },
    pinning: {
      name: 'pinning pages',
      definition: 'Fixing user pages in physical memory so they cannot be swapped out or moved while a device reads or writes them by DMA. Direct I/O, MSG_ZEROCOPY and kernel bypass all pin the user buffer.',
    },
    'copy-on-write': {
      name: 'copy-on-write',
      definition: 'Sharing pages read-only until someone writes. The write faults, the kernel copies just that page into a private one, and every other page stays shared. fork() and MAP_PRIVATE mappings rely on it.',
    },
    'pipe-buffer': {
      name: 'pipe_buffer',
      definition: "An entry of a pipe's ring: a pointer to a page plus offset and length. splice() fills these entries with references to page-cache pages, so data passes through the pipe without being copied. A pipe holds 16 of them (64 KiB) by default since Linux 2.6.11.",
    },
    fbuf: {
      name: 'fbuf (fast buffer)',
      definition: 'A buffer from a pool mapped into both user and kernel space, so a sender passes buffers by reference across the boundary instead of copying bytes. A research design that mainline Linux never adopted.',
    },
    'zero-copy': {
      name: 'zero-copy',
      definition: 'Moving data without the CPU copying the payload. It never means zero copies: the DMA copies between devices and memory remain. What disappears are the CPU copies, and often mode switches with them.',
    },
    interrupt: {
      name: 'interrupt',
      definition: "A signal from a device that makes the CPU stop what it runs and execute a handler in kernel mode, for instance when a DMA transfer completes. zcopy counts one for every device transfer whose completion the CPU learns of by an interrupt: a DMA completion, the NIC's transmit completion, and on a machine without DMA a programmed-I/O disk's data-ready interrupt and a programmed-I/O NIC's transmit-complete interrupt; none where the program polls instead. Taken from user mode it does enter the kernel, but it is not a counted mode switch.",
    },
    'page-fault': {
      name: 'page fault',
      definition: "A trap taken when a load or store touches a page that is mapped but not present, or writes a copy-on-write page. The kernel brings the page in (or copies it) and resumes where it was. Only the program's own touch traps from user mode; a touch inside a system call (write() reading a mapping) traps in kernel mode. get_user_pages (MSG_ZEROCOPY, MAP_POPULATE) resolves pages in software, calling the fault handler itself: no trap and no touch, yet the kernel counts a fault, and so does zcopy.",
    },
    'system-call': {
      name: 'system call',
      definition: "A program's request to the kernel (read, write, sendfile, ...): the CPU traps from user mode into kernel mode, the kernel does the work, and the call returns to user mode. The trap and the return are the call's two mode switches; zcopy counts every call, set-up calls included.",
    },
    ring: {
      name: 'ring 0 and ring 3 (kernel and user mode)',
      definition: "The x86 CPU's privilege levels. A program runs in ring 3, user mode, where it cannot touch devices or other processes' memory; the kernel runs in ring 0, kernel mode, where it can. Going from one to the other is a mode switch.",
    },
    'cpu-copy': {
      name: 'CPU copy',
      definition: 'The CPU itself moves payload bytes from one place to another: a device buffer to memory, the page cache to a user buffer, a user buffer to the socket buffer, one page on a copy-on-write fault. The CPU can do nothing else meanwhile, which is what zero-copy techniques remove.',
    },
    'dma-copy': {
      name: 'DMA copy',
      definition: 'A DMA controller moves payload bytes between a device and memory (the disk into the page cache, the socket buffer out to the NIC). The CPU only programs it and takes its completion; a DMA copy is still a copy, which is why zero-copy paths keep two of them.',
    },
    'descriptor-copy': {
      name: 'descriptor copy',
      definition: "What moves instead of the bytes: an address and a length (scatter-gather DMA's descriptors) or a reference to a page (splice's pipe_buffer). zcopy counts them apart: a descriptor copy is no data copy.",
    },
    'socket-buffer': {
      name: 'socket buffer',
      definition: "Kernel memory holding the data a socket is to send (Linux's sk_buff). The NIC's DMA reads it from there; with scatter-gather it holds descriptors that point at the page cache instead of the bytes.",
    },
    nic: {
      name: 'NIC (network interface card)',
      definition: 'The device that puts packets on the wire. It has its own DMA engine, which reads what to send from memory, and it raises an interrupt when a transmission completes; one that can gather takes the pieces from a list of descriptors.',
    },
    },
  },
  zh: {
    lessons: '相关课程',
    readOne: '阅读其中一课：zcopy explain <课程>',
    more: 'zcopy glossary <术语> 查看释义',
    terms: {
      dma: {
        name: 'DMA（直接内存访问）',
        definition: '一种控制器，能自行在设备和内存之间搬运数据。CPU 只负责设置它并处理它的完成中断，数据搬运期间 CPU 可以去做别的事。',
    },
    'mar-adr-wc': {
      name: 'MAR、ADR、WC（DMA 寄存器）',
      definition: 'CPU 启动一次 DMA 传输时要写的寄存器：MAR 是内存地址，ADR 是设备地址，WC 是字计数（word count），即还剩多少要传。真实的控制器按字或字节计数；zcopy 以块为单位计 WC，所以课程里说它是块数。DMA 工作时 WC 递减，减到 0 传输完成，控制器发出中断。',
    },
    'page-cache': {
      name: '页缓存（page cache）',
      definition: '内核在内存中缓存的文件内容。读取时若数据已在其中（命中）就无需访问磁盘；未命中则从磁盘读取，通常还会预读。很多文章称它为内核缓冲区或读缓冲区。',
    },
    'mode-switch': {
      name: '模式切换（与进程上下文切换的区别）',
      definition: '同一进程在用户态和内核态之间的一次转换；每个系统调用要花两次。文章里常称之为“上下文切换”，但进程上下文切换是另一回事：调度器把一个进程换成另一个。zcopy 只统计系统调用引起的切换，中断和缺页另有计数。',
    },
    'scatter-gather': {
      name: 'scatter-gather DMA（SG-DMA）',
      definition: '按一组（地址，长度）描述符工作、而不要求一块连续缓冲区的 DMA。发送时它把分散在内存各处的数据直接收集到网卡，内核只需拷贝描述符而不是数据；这需要网卡支持，并且要有校验和卸载，CPU 拷贝才能真正消失。',
    },
    pinning: {
      name: '锁定页（pinning）',
      definition: '把用户页锁定在物理内存中，使设备通过 DMA 读写它们时不会被换出或移动。直接 I/O、MSG_ZEROCOPY 和绕过内核的做法都要锁定用户缓冲区。',
    },
    'copy-on-write': {
      name: '写时复制（copy-on-write）',
      definition: '页以只读方式共享，直到有人写入。写操作触发缺页，内核只拷贝被写的那一页给写者私用，其余页仍然共享。fork() 和 MAP_PRIVATE 映射都依赖它。',
    },
    'pipe-buffer': {
      name: 'pipe_buffer（管道缓冲项）',
      definition: '管道环形队列中的一项：一个页指针加上偏移和长度。splice() 往这些项里填入指向页缓存页的引用，数据因此无需拷贝就能穿过管道。自 Linux 2.6.11 起，管道默认有 16 项（64 KiB）。',
    },
    fbuf: {
      name: 'fbuf（快速缓冲区）',
      definition: '来自一个同时映射到用户空间和内核空间的缓冲池的缓冲区，发送方跨越边界时只传递缓冲区的引用而不拷贝数据。这是一项研究设计，主线 Linux 从未采纳。',
    },
    'zero-copy': {
      name: '零拷贝',
      definition: '在 CPU 不拷贝数据本身的情况下传输数据。它从不意味着完全没有拷贝：设备与内存之间的 DMA 拷贝依然存在。消失的是 CPU 拷贝，往往还有随之而来的模式切换。',
    },
    interrupt: {
      name: '中断',
      definition: '设备发给 CPU 的信号，让 CPU 暂停当前工作、在内核态执行处理程序，例如 DMA 传输完成时。凡是 CPU 靠中断得知完成的设备传输，zcopy 都记一次中断：DMA 完成、网卡发送完成，以及没有 DMA 的机器上程序控制 I/O 的磁盘发出的数据就绪中断和网卡发出的发送完成中断；程序改用轮询的则不记。在用户态时来的中断确实会进入内核，但不计入模式切换。',
    },
    'page-fault': {
      name: '缺页（page fault）',
      definition: '某条读写指令访问已映射但不在内存中的页，或写入写时复制页时产生的陷入。内核把页调入（或拷贝一份）后从原处继续执行。只有程序自己的访问才会从用户态陷入；系统调用内部的访问（write() 读映射区）是在内核态陷入。get_user_pages（MSG_ZEROCOPY、MAP_POPULATE）在软件里解决页，自己调用缺页处理程序：没有陷入，也没有访问，但内核仍记一次缺页，zcopy 也这样计。',
    },
    'system-call': {
      name: '系统调用（system call）',
      definition: '程序向内核提出的请求（read、write、sendfile……）：CPU 从用户态陷入内核态，内核完成工作后，调用返回用户态。陷入和返回就是这次调用的两次模式切换；zcopy 计算每一次调用，准备阶段的调用也算。',
    },
    ring: {
      name: 'ring 0 与 ring 3（内核态与用户态）',
      definition: 'x86 CPU 的特权级。程序运行在 ring 3，即用户态，不能直接访问设备或别的进程的内存；内核运行在 ring 0，即内核态，可以访问。从一个特权级到另一个就是一次模式切换。',
    },
    'cpu-copy': {
      name: 'CPU 拷贝',
      definition: 'CPU 亲自把数据从一处搬到另一处：设备缓冲区到内存、页缓存到用户缓冲区、用户缓冲区到 socket 缓冲区、写时复制缺页时的一页。搬运期间 CPU 做不了别的事，零拷贝技术要省掉的正是它。',
    },
    'dma-copy': {
      name: 'DMA 拷贝',
      definition: 'DMA 控制器在设备和内存之间搬运数据（磁盘到页缓存、socket 缓冲区到网卡）。CPU 只负责设置它并处理它的完成；DMA 拷贝仍然是拷贝，所以零拷贝路径里还保留着两次。',
    },
    'descriptor-copy': {
      name: '描述符拷贝',
      definition: '代替数据本身传递的东西：地址和长度（scatter-gather DMA 的描述符），或对页的引用（splice 的 pipe_buffer）。zcopy 单独计数：描述符拷贝不是数据拷贝。',
    },
    'socket-buffer': {
      name: 'socket 缓冲区',
      definition: '内核中存放 socket 待发送数据的内存（Linux 的 sk_buff）。网卡的 DMA 从这里读取数据；有 scatter-gather 时，这里存的是指向页缓存的描述符，而不是数据本身。',
    },
    nic: {
      name: '网卡（NIC）',
      definition: '把数据包发到线路上的设备。它有自己的 DMA 引擎，从内存中读取要发送的数据，发送完成时发出中断；能收集的网卡可以按描述符列表取各段数据。',
    },
    },
  },
});

export type TermId = keyof (typeof GLOSSARY)['en']['terms'];
