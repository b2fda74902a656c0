import type { Syscall } from '../model/index.js';
import type { Lang } from './lang.js';

type Table = Record<Syscall, Record<Lang, string>>;

/** One line on what each call does, shown beside its name wherever a learner picks a call. */
export const CALL_GLOSS: Table = {
  read: { en: 'file -> your buffer (via the page cache, or O_DIRECT)', zh: '文件 -> 你的缓冲区（经页缓存，或 O_DIRECT）' },
  write: { en: 'your buffer -> socket buffer (or a file)', zh: '你的缓冲区 -> socket 缓冲区（或文件）' },
  sendto: { en: 'your buffer -> socket buffer; MSG_ZEROCOPY pins it instead', zh: '你的缓冲区 -> socket 缓冲区；MSG_ZEROCOPY 改为锁定它' },
  recvmsg: { en: "read MSG_ZEROCOPY's completions (error queue)", zh: '读取 MSG_ZEROCOPY 的完成通知（错误队列）' },
  poll: { en: 'wait until a descriptor is ready', zh: '等待描述符就绪' },
  mmap: { en: "map the file's page-cache pages", zh: '映射文件在页缓存里的页' },
  munmap: { en: 'remove a mapping', zh: '解除映射' },
  sendfile: { en: 'file -> socket, inside the kernel', zh: '文件 -> socket，全程在内核里' },
  pipe: { en: 'make a pipe for splice()', zh: '为 splice() 创建管道' },
  splice: { en: 'page references into or out of a pipe', zh: '把页引用移入或移出管道' },
  vmsplice: { en: 'your pinned pages into a pipe, by reference', zh: '把你锁定的页以引用放进管道' },
  setsockopt: { en: 'SO_ZEROCOPY: allow MSG_ZEROCOPY sends', zh: 'SO_ZEROCOPY：允许 MSG_ZEROCOPY 发送' },
  io_setup: { en: 'make an AIO context', zh: '创建 AIO 上下文' },
  io_submit: { en: 'start an O_DIRECT read, return at once', zh: '发起 O_DIRECT 读，立即返回' },
  io_getevents: { en: 'collect finished AIO requests', zh: '取回已完成的 AIO 请求' },
  ioctl: { en: 'map the NIC and disk, pin a pool (kernel bypass)', zh: '映射网卡和磁盘、锁定缓冲池（绕过内核）' },
  uf_get: { en: 'fbufs: fill a pool buffer by DMA, map it', zh: 'fbufs：用 DMA 填好池中缓冲区并映射' },
  uf_write: { en: 'fbufs: hand an fbuf to the socket by reference', zh: 'fbufs：以引用把 fbuf 交给 socket' },
};

/** Each call's contract as a rule: what it may do and what it never does (docs/MODEL.md), said when the machine refuses a move. */
export const CALL_CONTRACT: Table = {
  read: {
    en: "read() fills the caller's buffer from the file, through the page cache (filled from the disk on a miss) or, for a file opened O_DIRECT, straight from the disk into pinned pages; it never sends",
    zh: 'read() 把文件读进调用者的缓冲区：经过页缓存（未命中时先从磁盘填充），或者对以 O_DIRECT 打开的文件，从磁盘直接读进锁定的页；它从不发送',
  },
  write: {
    en: "write() copies the caller's buffer into the socket buffer (or into the page cache, for a file), and the NIC sends from the socket buffer; it never hands the NIC a user page",
    zh: 'write() 把调用者的缓冲区拷进 socket 缓冲区（写文件时拷进页缓存），网卡从 socket 缓冲区发送；它从不把用户页直接交给网卡',
  },
  sendto: {
    en: "sendto() copies the caller's buffer into the socket buffer, or with MSG_ZEROCOPY pins its pages and puts references to them there; it never reads the disk",
    zh: 'sendto() 把调用者的缓冲区拷进 socket 缓冲区，或者用 MSG_ZEROCOPY 锁定这些页、把对它们的引用放进去；它从不读磁盘',
  },
  recvmsg: {
    en: "recvmsg(MSG_ERRQUEUE) reads MSG_ZEROCOPY's completion notifications; it moves no payload and releases nothing",
    zh: 'recvmsg(MSG_ERRQUEUE) 读取 MSG_ZEROCOPY 的完成通知；它不搬运数据，也不释放任何东西',
  },
  poll: { en: 'poll() waits until a descriptor is ready; it moves no payload', zh: 'poll() 等待描述符就绪；它不搬运数据' },
  mmap: {
    en: "mmap() maps the file's page-cache pages into the process (reading them from the disk first where it must); it copies nothing",
    zh: 'mmap() 把文件在页缓存里的页映射进进程（必要时先从磁盘读进来）；它不拷贝任何数据',
  },
  munmap: { en: 'munmap() removes a mapping; it moves no payload', zh: 'munmap() 解除一个映射；它不搬运数据' },
  sendfile: {
    en: "sendfile() moves a file's cached pages into a socket buffer, by a CPU copy or, for a NIC that gathers, by descriptors (reading the disk on a miss); it never touches the caller's buffer",
    zh: 'sendfile() 把文件的缓存页送进 socket 缓冲区：用 CPU 拷贝，或者网卡支持收集时用描述符（未命中时先读磁盘）；它从不碰调用者的缓冲区',
  },
  pipe: { en: 'pipe() makes the pipe that splice() moves page references through; it moves no payload', zh: 'pipe() 创建供 splice() 传递页引用的管道；它不搬运数据' },
  splice: {
    en: 'splice() moves page references into a pipe or out of it: one end of every splice is the pipe, so it never moves bytes between two other places',
    zh: 'splice() 把页引用移入管道或移出管道：每次 splice 都有一端是管道，所以它从不在另外两处之间搬数据',
  },
  vmsplice: { en: "vmsplice() pins the caller's pages and puts references to them into a pipe", zh: 'vmsplice() 锁定调用者的页，并把对它们的引用放进管道' },
  setsockopt: { en: 'setsockopt(SO_ZEROCOPY) lets later sends on the socket use MSG_ZEROCOPY; it moves no payload', zh: 'setsockopt(SO_ZEROCOPY) 让这个 socket 之后的发送可以用 MSG_ZEROCOPY；它不搬运数据' },
  io_setup: { en: 'io_setup() makes an AIO context; it moves no payload', zh: 'io_setup() 创建 AIO 上下文；它不搬运数据' },
  io_submit: {
    en: "io_submit() pins the caller's pages and starts an O_DIRECT read into them, then returns at once: the pins stay until the completion",
    zh: 'io_submit() 锁定调用者的页、发起一次读进这些页的 O_DIRECT 读，然后立即返回：锁定一直保持到完成',
  },
  io_getevents: { en: 'io_getevents() collects finished AIO requests (and may unpin their pages); it moves no payload', zh: 'io_getevents() 取回已完成的 AIO 请求（可以解除它们的页锁定）；它不搬运数据' },
  ioctl: {
    en: "ioctl() here is kernel bypass's set-up (VFIO): it maps the NIC's and the disk controller's registers into the process and pins its buffer pool (or releases it); it moves no payload",
    zh: '这里的 ioctl() 是绕过内核的准备工作（VFIO）：把网卡和磁盘控制器的寄存器映射进进程，并锁定它的缓冲池（或释放它）；它不搬运数据',
  },
  uf_get: { en: 'uf_get() (fbufs) fills a buffer of the shared pool from the disk by DMA and maps it into the process read-only', zh: 'uf_get()（fbufs）用 DMA 从磁盘填好共享池里的一个缓冲区，并以只读方式映射进进程' },
  uf_write: {
    en: 'uf_write() (fbufs) hands an fbuf to the socket by reference (by a CPU copy if the NIC cannot gather), and the NIC sends it',
    zh: 'uf_write()（fbufs）以引用把 fbuf 交给 socket（网卡不支持收集时用 CPU 拷贝），再由网卡发送',
  },
};

export const callGloss = (call: Syscall, lang: Lang): string => CALL_GLOSS[call][lang];
