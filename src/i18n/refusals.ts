import { contractName, SYSCALLS, type CallWay, type EventType, type KernelAction, type Location, type PinnedChange, type Refusal, type RefusalCode, type RefusalParams } from '../model/index.js';
import type { Lang } from './lang.js';
import { MACHINE } from './machine.js';
import { PUNCTUATION } from './punctuation.js';
import { CALL_CONTRACT } from './syscalls.js';

/** Every refusal in one language; exhaustive, so a code the model adds without its words fails to compile. */
type Sayings = { [C in RefusalCode]: (p: RefusalParams[C]) => string };

/** In an English sentence a place takes its article; the labels elsewhere are bare. */
const EN_PLACES: Record<Location, string> = {
  disk: 'the disk',
  ctrl: "the disk controller's buffer",
  pageCache: 'the page cache',
  user: 'the user buffer',
  socket: 'the socket buffer',
  pipe: 'the pipe',
  fbuf: 'the fbuf pool',
  nic: 'the NIC',
};

const EN_ACTIONS: Record<KernelAction, string> = {
  mapPages: 'mapping pages',
  unmapPages: 'unmapping pages',
  descriptorCopy: 'copying descriptors',
  pageRefMove: 'moving page references',
  pin: 'pinning pages',
  unpin: 'unpinning pages',
};

const ZH_ACTIONS: Record<KernelAction, string> = {
  mapPages: '映射页',
  unmapPages: '解除页映射',
  descriptorCopy: '拷贝描述符',
  pageRefMove: '移动页引用',
  pin: '锁定页',
  unpin: '解除页的锁定',
};

/** What waits for the unpin, said after "so". */
const EN_PINNED: Record<PinnedChange, string> = {
  map: 'the kernel will not map another page in its place',
  unmap: 'it stays mapped',
  cow: 'a write cannot give the process a private copy in its place',
};

const ZH_PINNED: Record<PinnedChange, string> = {
  map: '内核不会把别的页映射到它的位置',
  unmap: '它要一直保持映射',
  cow: '写入也不能换成一份私有拷贝',
};

const ZH_SOURCES = { dma: 'DMA', disk: '磁盘', nic: '网卡' } as const;

const en = (l: Location) => EN_PLACES[l];
const zh = (l: Location) => MACHINE.zh.place[l];

/** Words put together beside Chinese, spaced where a Latin word meets a character ("写进 socket 缓冲区的"). */
const ph = (...words: string[]) => PUNCTUATION.zh.phrase(words);

/** A call's contract sentence, by whichever of its names the program used. */
const contract = (call: string, lang: Lang) => {
  const known = contractName(call);
  return known ? CALL_CONTRACT[lang][known] : '';
};

type Attempt = RefusalParams['outsideContract'];

/** What a refused move tried to do, after "cannot". */
function enAttempt({ event, from, to }: Attempt): string {
  // Without places, the kind of move itself is what the call never makes.
  const between = from && to ? ` from ${en(from)} to ${en(to)}` : '';
  const moves: Partial<Record<EventType, string>> = {
    cpuCopy: from && to ? `have the CPU copy ${en(from)} to ${en(to)}` : 'have the CPU copy payload',
    programDma: `program a DMA${between}`,
    descriptorCopy: `copy descriptors${between}`,
    pageRefMove: `move page references${between}`,
    mapPages: from ? `map ${en(from)}` : 'map pages',
    unmapPages: 'unmap pages',
    pin: 'pin pages',
    unpin: 'unpin pages',
    deviceRead: 'ask the disk for blocks',
    pageFault: "touch the caller's pages",
  };
  return moves[event] ?? event;
}

function zhAttempt({ event, from, to }: Attempt): string {
  const both = from !== undefined && to !== undefined;
  const moves: Partial<Record<EventType, string>> = {
    cpuCopy: both ? ph('让 CPU 把', zh(from), '拷到', zh(to)) : '让 CPU 拷贝数据',
    programDma: both ? ph('设置从', zh(from), '到', zh(to), '的 DMA') : '设置 DMA',
    descriptorCopy: both ? ph('把描述符从', zh(from), '拷到', zh(to)) : '拷贝描述符',
    pageRefMove: both ? ph('把页引用从', zh(from), '移到', zh(to)) : '移动页引用',
    mapPages: from ? ph('映射', zh(from)) : '映射页',
    unmapPages: '解除页映射',
    pin: '锁定页',
    unpin: '解除页的锁定',
    deviceRead: '向磁盘要数据块',
    pageFault: '访问调用者的页',
  };
  return moves[event] ?? event;
}

const EN_WAYS: Record<CallWay, string> = {
  buffered:
    "this read() has gone through the page cache, so it is a buffered read: it never pins the caller's pages or has the disk write into them (that is O_DIRECT, which the file is opened with or not)",
  direct: "this read() is O_DIRECT: it goes past the page cache, from the disk straight into the caller's pinned pages",
  intoPipe: 'this splice() moves into the pipe: one splice has one pipe end, so taking the references out of the pipe is a second splice()',
  outOfPipe: 'this splice() moves out of the pipe: one splice has one pipe end, so filling the pipe is another splice()',
};

const ZH_WAYS: Record<CallWay, string> = {
  buffered: '这次 read() 已经经过了页缓存，是带缓冲的读：它不会锁定调用者的页，也不会让磁盘直接写进去（那是 O_DIRECT，取决于文件是否以它打开）',
  direct: '这次 read() 是 O_DIRECT：它绕过页缓存，从磁盘直接读进调用者锁定的页',
  intoPipe: '这次 splice() 是把引用移入管道：一次 splice 只有一端是管道，把引用移出管道要再调用一次 splice()',
  outOfPipe: '这次 splice() 是把引用移出管道：一次 splice 只有一端是管道，填充管道要另一次 splice()',
};

const EN: Sayings = {
  emptyPayload: () => 'the payload needs at least one block',
  repeatedBlocks: () => 'payload block names must be distinct',
  cpuCannotAddressDisk: () => 'the CPU cannot address the disk itself; the controller reads it into its buffer first',
  mixedOrigins: ({ places }) => `these blocks' bytes are in ${places.map(en).join(' and ')}: one copy reads from one place, so move them in separate steps`,
  processBlocked: () => 'the process is blocked until an interrupt wakes it; the CPU cannot act for it',
  needsKernel: ({ action }) => `${EN_ACTIONS[action]} needs kernel mode; the CPU is in user mode`,
  syscallInFault: () => 'a system call cannot start inside the page-fault handler',
  syscallInSyscall: ({ call, open }) => `${call}() cannot start: the process is still inside ${open}()`,
  syscallFromKernel: ({ call }) => `${call}() is called by the program, in user mode; the CPU is still in kernel mode (let the program run first)`,
  sysretWithoutSyscall: () => 'return from a system call that was never entered',
  sysretMismatch: ({ call, open }) => `return from ${call}(), but the open system call is ${open}()`,
  sysretInFault: () => 'the page-fault handler has not returned yet',
  statusNeedsKernel: () => "reading the device's status register needs kernel mode (or the device mapped into user space)",
  dmaNeedsOneDevice: () => 'DMA moves data between a device and memory: exactly one end must be a device',
  dmaProgramNeedsKernel: ({ device }) => `programming the DMA controller for ${en(device)} needs kernel mode (or the device mapped into user space)`,
  dmaBusy: () => 'the DMA controller is still busy with its last transfer',
  dmaCompletionNotTaken: () => 'the last DMA transfer is done but nobody has taken its completion: handle its interrupt or poll its status first',
  nothingToTransfer: ({ place }) => `${en(place)} holds nothing to transfer`,
  dmaUserNotPinned: ({ block }) => `DMA into the user buffer needs its pages pinned first (block ${block} is not)`,
  dmaNotProgrammed: () => 'DMA transfer with nothing programmed: the CPU must set MAR, ADR and WC first',
  dmaCount: ({ max, count }) => `the DMA can move 1 to ${max} blocks now, not ${count}`,
  interruptPending: ({ source }) => `an interrupt from ${source} is already pending`,
  dmaInterruptEarly: () => 'a DMA completion interrupt comes only when WC reaches 0',
  nicInterruptFromDma: () => "the NIC's own DMA engine sent these blocks: its transmit-complete interrupt comes from the NIC",
  nicInterruptNotNic: () => 'the NIC interrupts when it has sent what it was given; the finished transfer was not for the NIC',
  diskNotReady: () => 'the disk raises its interrupt only when its buffer is ready',
  noInterruptPending: () => 'no interrupt is pending',
  copySamePlace: () => 'a copy needs two different places',
  userCannotTouch: ({ place }) => `user mode cannot touch ${en(place)}: it is kernel memory not mapped into the process`,
  mapUserBuffer: () => 'the user buffer is already in user space; map a kernel place or a device',
  mapDisk: () => 'the disk has no memory frames to map; map the page cache instead',
  mapOverReferenced: ({ referrer, block }) => `${en(referrer)} still points at block ${block} in the user buffer; mapping over it would lose those bytes`,
  notMapped: ({ place }) => `${en(place)} is not mapped`,
  noSuchBlock: ({ block }) => `there is no block ${block} in the payload`,
  notPinned: ({ block }) => `the page of block ${block} is not pinned`,
  unpinStillReferenced: ({ holder, block }) => `${en(holder)} still points at block ${block}'s page: unpin it once the device has finished with it`,
  alreadyInFault: () => 'already inside the page-fault handler',
  noPage: ({ block }) => `no page maps block ${block}: touching it would be a segmentation fault`,
  noFault: ({ block }) => `the page of block ${block} is present and writable: no fault`,
  nothingToFaultIn: () => 'no page is waiting to be faulted in with its data ready',
  notWaitingForFault: ({ block }) => `the page of block ${block} is not waiting to be faulted in`,
  faultAroundLate: ({ block }) =>
    `fault-around maps only pages that were already cached when the fault was taken; block ${block} arrived during this fault, so the next touch of it faults again`,
  faultInMixedMappings: ({ block, place, expected }) => `one fault brings in pages of one mapping: block ${block} is in ${en(place)}, not ${en(expected)}`,
  faultInNotHeld: ({ place, block }) => `${en(place)} does not hold ${block} yet: bring it in first`,
  notCow: ({ block }) => `the page of block ${block} is not copy-on-write`,
  runInKernel: () => "the learner's program runs in user mode; return from the kernel first",
  unknownEvent: ({ event }) => `unknown event ${event}`,
  sleepOutsideCall: () => 'only a process inside a system call or a page fault can sleep',
  dmaReadsUnpinned: ({ block }) => `the DMA would read block ${block} from user pages that are not pinned`,
  referenceSamePlace: () => 'a descriptor or page reference moves between two different places',
  referenceOverData: ({ place, block }) => `${en(place)} already holds the bytes of block ${block}; a reference there would replace them`,
  blockedInFault: () => 'the process is blocked until an interrupt wakes it',
  onlyInFault: () => 'this happens only inside the page-fault handler',
  notHeld: ({ place, block }) => `${en(place)} does not hold block ${block}`,
  placeEmpty: ({ place }) => `${en(place)} holds nothing`,
  notPresent: ({ block }) => `the page of block ${block} is not present yet: the first touch takes a page fault`,
  noDmaController: () => 'this machine has no DMA controller: the CPU must move the bytes itself',
  nicCannotGather: ({ place, block }) =>
    `this NIC cannot gather: it sends only bytes copied into the socket buffer (or the pinned pool of a program that drives it itself), and block ${block} in ${en(place)} is not`,
  diskReadIntoNetBuffer: ({ place }) =>
    `the disk holds file data, which the kernel reads into the page cache (or into pinned user pages, or an fbuf), never straight into the ${en(place)}: read it into the page cache first`,
  alreadyCached: ({ block }) => `block ${block} is already in the page cache: reading it is a hit, so the kernel copies it from there and never asks the disk`,
  pageInDma: ({ block, device }) =>
    `the DMA controller is programmed to move block ${block} between the user buffer and ${en(device)}: until that transfer is done, the page stays as it was when the controller was given it (mapped, pinned, holding what it held)`,
  pinnedPage: ({ block, change }) =>
    `the page of block ${block} is pinned: a device holds its frame, so ${EN_PINNED[change]} until the page is unpinned, once the device is done with it`,
  danglingReference: ({ place, block, target }) => `${en(place)} points at block ${block} in ${en(target)}, which does not hold it`,
  cowWrite: ({ block }) => `block ${block}'s page is copy-on-write: a write takes a fault and a private copy first`,
  readOnly: ({ block }) => `the page of block ${block} is mapped read-only`,
  unknownCall: ({ call }) => `the machine knows no system call ${call}(); it knows ${SYSCALLS.map((c) => `${c}()`).join(', ')}`,
  callNeeds: ({ call, need }) =>
    need === 'pipe'
      ? `${call}() needs a pipe, since one of its ends always is one: make it with pipe() first`
      : `MSG_ZEROCOPY needs setsockopt(SO_ZEROCOPY) on the socket first: without it the flag is ignored and ${call}() copies the bytes into the socket buffer`,
  outsideContract: (p) => `${p.call}() cannot ${enAttempt(p)}: ${contract(p.call, 'en')}`,
  callWayMixed: ({ way }) => EN_WAYS[way],
  pinsHeldAtReturn: ({ call, block }) =>
    `${call}() releases the pages it pinned before it returns, and block ${block}'s page is still pinned: unpin it once its transfer is done (only MSG_ZEROCOPY, AIO and kernel bypass keep their pins)`,
  faultCannot: () => 'in the page-fault handler the kernel only brings the page in (from the disk on a miss) and maps it: return from the fault first',
  dmaNotController: () => "the DMA controller moves blocks between the disk itself and memory: ADR names the disk, not the controller's buffer (that is where programmed I/O leaves the disk's data for the CPU)",
  mapDeviceBlocks: ({ device }) => `mapping ${en(device)} maps its registers, for a program that drives it, not the bytes in its buffer: map it without blocks`,
  diskNotAsked: () => 'the disk reads only when it is told to: by the kernel inside a system call or a page fault, or by a program that has mapped its controller',
  diskDmaOnly: () => "this machine's disk is read by DMA only, as a modern disk is: program the DMA controller from the disk",
  kernelTakesInterrupt: () => "the kernel takes a finished DMA transfer's completion by its interrupt: polling the status register is how a program that drives the device itself (kernel bypass) takes it",
  aioNotCollected: ({ block }) => `block ${block} comes from an AIO read the program has not collected yet: until io_getevents() returns it, the program cannot know the bytes are in its buffer`,
  mapsReadOnly: ({ call }) => `${call}() maps the fbuf at once and read-only: an fbuf is immutable once filled, so every process that maps it sees the same bytes (map it with writable: false, not lazy, not copy-on-write)`,
  callNeverWaits: ({ call }) => `${call}() returns at once and never sleeps for the transfer it starts: the program learns of its completion later (io_getevents)`,
  nicDmaOnly: () => "this machine's NIC takes its packets by DMA only, as a modern card does: program the DMA controller from the socket buffer",
  noBypass: ({ device }) => `on this machine the kernel shares ${en(device)} among every program: no process maps its registers to drive it itself (no kernel bypass)`,
  dmaFillPending: ({ place, block }) =>
    `the DMA writing block ${block} into ${en(place)} has not had its completion taken: its interrupt is how the kernel learns the pages are up to date, so nothing uses them before it`,
  diskNotChecked: () => "the CPU does not know yet that the controller's buffer is full: poll its status register, or take the disk's interrupt, first",
  nicSource: ({ place }) =>
    `the NIC sends what a socket buffer holds (or, under kernel bypass, the pool its own process drives), never ${en(place)}: hand the bytes to the socket first`,
};

const ZH: Sayings = {
  emptyPayload: () => '数据至少要有一个块',
  repeatedBlocks: () => '数据块的名字不能重复',
  cpuCannotAddressDisk: () => 'CPU 无法直接寻址磁盘；要先由控制器把它读进自己的缓冲区',
  mixedOrigins: ({ places }) => `${ph('这些块的字节分别在', ...places.map(zh).flatMap((p, i) => (i ? ['和', p] : [p])))}：一次拷贝只从一处读取，请分成几步来搬`,
  processBlocked: () => '进程已阻塞，要等中断把它唤醒；CPU 不能替它做事',
  needsKernel: ({ action }) => `${ZH_ACTIONS[action]}需要内核态；CPU 现在处于用户态`,
  syscallInFault: () => '在缺页处理程序里不能发起系统调用',
  syscallInSyscall: ({ call, open }) => `${call}() 无法开始：进程还在 ${open}() 之中`,
  syscallFromKernel: ({ call }) => `${call}() 由程序在用户态调用；CPU 还处于内核态（先让程序运行）`,
  sysretWithoutSyscall: () => '要返回的系统调用从未进入过',
  sysretMismatch: ({ call, open }) => `要从 ${call}() 返回，但当前打开的系统调用是 ${open}()`,
  sysretInFault: () => '缺页处理程序还没有返回',
  statusNeedsKernel: () => '读设备的状态寄存器需要内核态（或者把设备映射到用户空间）',
  dmaNeedsOneDevice: () => 'DMA 在设备和内存之间搬运数据：两端中恰好有一端必须是设备',
  dmaProgramNeedsKernel: ({ device }) => ph('为', zh(device), '设置 DMA 控制器需要内核态（或者把设备映射到用户空间）'),
  dmaBusy: () => 'DMA 控制器还在忙上一次传输',
  dmaCompletionNotTaken: () => '上一次 DMA 传输已经完成，但还没有人处理它的完成：先处理它的中断，或轮询它的状态',
  nothingToTransfer: ({ place }) => `${zh(place)}里没有可传输的数据`,
  dmaUserNotPinned: ({ block }) => `DMA 写入用户缓冲区之前，要先锁定它的页（块 ${block} 没有锁定）`,
  dmaNotProgrammed: () => 'DMA 传输之前没有设置：CPU 要先写好 MAR、ADR 和 WC',
  dmaCount: ({ max, count }) => `DMA 现在能搬 1 到 ${max} 个块，不能搬 ${count} 个`,
  interruptPending: ({ source }) => ph('已经有一个来自', ZH_SOURCES[source], '的中断在等待处理'),
  dmaInterruptEarly: () => 'DMA 的完成中断只在 WC 减到 0 时才会到来',
  nicInterruptFromDma: () => '这些块是网卡自己的 DMA 引擎发出的：它的发送完成中断来自网卡',
  nicInterruptNotNic: () => '网卡在发完交给它的数据后才发出中断；刚完成的传输不是发往网卡的',
  diskNotReady: () => '磁盘只在缓冲区就绪时才发出中断',
  noInterruptPending: () => '没有待处理的中断',
  copySamePlace: () => '拷贝需要两个不同的地方',
  userCannotTouch: ({ place }) => `${ph('用户态访问不了', zh(place))}：它是内核内存，没有映射到进程里`,
  mapUserBuffer: () => '用户缓冲区本来就在用户空间；请映射内核里的某处或某个设备',
  mapDisk: () => '磁盘没有可映射的物理页；请映射页缓存',
  mapOverReferenced: ({ referrer, block }) => `${zh(referrer)}还指向用户缓冲区里的块 ${block}；映射覆盖它会丢掉这些字节`,
  notMapped: ({ place }) => `${zh(place)}没有被映射`,
  noSuchBlock: ({ block }) => `数据里没有块 ${block}`,
  notPinned: ({ block }) => `块 ${block} 所在的页没有锁定`,
  unpinStillReferenced: ({ holder, block }) => `${zh(holder)}还指向块 ${block} 所在的页：等设备用完再解除锁定`,
  alreadyInFault: () => '已经在缺页处理程序之中',
  noPage: ({ block }) => `没有页映射块 ${block}：访问它会导致段错误`,
  noFault: ({ block }) => `块 ${block} 所在的页已在内存中且可写：不会缺页`,
  nothingToFaultIn: () => '没有数据已就绪、等待调入的页',
  notWaitingForFault: ({ block }) => `块 ${block} 所在的页并不在等待调入`,
  faultAroundLate: ({ block }) => `fault-around 只映射缺页发生时已经缓存的页；块 ${block} 是在这次缺页期间才到的，下次访问它还会缺页`,
  faultInMixedMappings: ({ block, place, expected }) => `一次缺页只调入同一个映射的页：${ph(`块 ${block} 在`, zh(place))}，${ph('不在', zh(expected))}`,
  faultInNotHeld: ({ place, block }) => `${zh(place)}里还没有 ${block}：先把它读进来`,
  notCow: ({ block }) => `块 ${block} 所在的页不是写时复制的`,
  runInKernel: () => '学习者的程序在用户态运行；先从内核返回',
  unknownEvent: ({ event }) => `未知事件 ${event}`,
  sleepOutsideCall: () => '只有处在系统调用或缺页之中的进程才能睡眠',
  dmaReadsUnpinned: ({ block }) => `DMA 会从没有锁定的用户页读取块 ${block}`,
  referenceSamePlace: () => '描述符或页引用要在两个不同的地方之间移动',
  referenceOverData: ({ place, block }) => `${zh(place)}已经存有块 ${block} 的字节；在那里放引用会把它们替换掉`,
  blockedInFault: () => '进程已阻塞，要等中断把它唤醒',
  onlyInFault: () => '这只能发生在缺页处理程序之中',
  notHeld: ({ place, block }) => `${zh(place)}里没有块 ${block}`,
  placeEmpty: ({ place }) => `${zh(place)}里什么也没有`,
  notPresent: ({ block }) => `块 ${block} 所在的页还不在内存中：第一次访问会缺页`,
  danglingReference: ({ place, block, target }) => `${ph(zh(place), '指向', zh(target), `里的块 ${block}`)}，但那里并没有它`,
  cowWrite: ({ block }) => `块 ${block} 所在的页是写时复制的：写入之前要先缺页，得到一份私有拷贝`,
  readOnly: ({ block }) => `块 ${block} 所在的页是只读映射`,
  noDmaController: () => '这台机器没有 DMA 控制器：数据只能由 CPU 自己搬运',
  nicCannotGather: ({ place, block }) =>
    `这块网卡不支持 scatter-gather：它只发送已拷贝进 socket 缓冲区（或自己驱动网卡的程序所锁定的缓冲池）的数据，${zh(place)}里的块 ${block} 不在其中`,
  diskReadIntoNetBuffer: ({ place }) =>
    `磁盘上是文件数据，内核把它读进页缓存（或锁定的用户页、fbuf），${ph('从不直接读进', zh(place))}：请先读进页缓存`,
  alreadyCached: ({ block }) => `块 ${block} 已经在页缓存里：读它是一次命中，内核直接从页缓存拷贝，根本不会去问磁盘`,
  pageInDma: ({ block, device }) =>
    `${ph('DMA 控制器已设置好在用户缓冲区和', zh(device), `之间搬运块 ${block}`)}：这次传输完成之前，这个页要保持交给控制器时的样子（映射、锁定和所存的内容都不变）`,
  pinnedPage: ({ block, change }) =>
    `块 ${block} 所在的页已锁定：设备持有它的物理页，所以在它解除锁定（等设备用完）之前，${ZH_PINNED[change]}`,
  unknownCall: ({ call }) => `这台机器没有名为 ${call}() 的系统调用；它认识的有：${SYSCALLS.map((c) => `${c}()`).join('、')}`,
  callNeeds: ({ call, need }) =>
    need === 'pipe'
      ? `${call}() 需要一个管道，它总有一端是管道：先用 pipe() 创建`
      : `MSG_ZEROCOPY 需要先在 socket 上设置 setsockopt(SO_ZEROCOPY)：否则这个标志会被忽略，${call}() 照样把字节拷进 socket 缓冲区`,
  outsideContract: (p) => `${ph(`${p.call}() 不能`, zhAttempt(p))}：${contract(p.call, 'zh')}`,
  callWayMixed: ({ way }) => ZH_WAYS[way],
  pinsHeldAtReturn: ({ call, block }) =>
    `${call}() 在返回之前要释放它锁定的页，而块 ${block} 所在的页还锁着：等它的传输完成后解除锁定（只有 MSG_ZEROCOPY、AIO 和绕过内核会保留锁定）`,
  faultCannot: () => '在缺页处理程序里，内核只把页调进来（未命中时从磁盘读）并映射它：先从缺页返回',
  dmaNotController: () => 'DMA 控制器在磁盘本身和内存之间搬数据块：ADR 指向磁盘，而不是控制器的缓冲区（那是程控 I/O 留给 CPU 取数据的地方）',
  mapDeviceBlocks: ({ device }) => `${ph('映射', zh(device), '映射的是它的寄存器')}，供自己驱动它的程序使用，而不是它缓冲区里的字节：映射时不要指定数据块`,
  diskNotAsked: () => '磁盘只在被要求时才读：由内核在系统调用或缺页中要求，或由映射了它控制器的程序要求',
  diskDmaOnly: () => '这台机器的磁盘只能用 DMA 读取，现代磁盘都是这样：请从磁盘设置 DMA 控制器',
  kernelTakesInterrupt: () => '内核靠中断得知 DMA 传输已完成：轮询状态寄存器是自己驱动设备的程序（绕过内核）的做法',
  aioNotCollected: ({ block }) => `块 ${block} 来自一次程序还没有取回的 AIO 读：在 io_getevents() 返回它之前，程序无法知道这些字节已经在它的缓冲区里`,
  mapsReadOnly: ({ call }) => `${call}() 立即以只读方式映射 fbuf：fbuf 一旦填好就不可改变，所有映射它的进程看到的都是同样的字节（映射时用 writable: false，不延迟、不写时复制）`,
  callNeverWaits: ({ call }) => `${call}() 立即返回，从不为它发起的传输睡眠：程序之后再得知它的完成（io_getevents）`,
  nicDmaOnly: () => '这台机器的网卡只用 DMA 取数据包，现代网卡都是这样：请从 socket 缓冲区设置 DMA 控制器',
  noBypass: ({ device }) => `${ph('这台机器上，内核让所有程序共用', zh(device))}：没有哪个进程映射它的寄存器、自己驱动它（不能绕过内核）`,
  dmaFillPending: ({ place, block }) => `${ph(`把块 ${block} 写进`, zh(place), '的 DMA 还没有处理完成')}：内核靠它的中断才知道这些页已是最新，在那之前谁也不能用它们`,
  diskNotChecked: () => 'CPU 还不知道控制器的缓冲区已经满了：先轮询它的状态寄存器，或者处理磁盘的中断',
  nicSource: ({ place }) => `网卡只发送 socket 缓冲区里的数据（或者在绕过内核时，发送自己驱动它的进程的缓冲池），${ph('从不发送', zh(place), '里的')}：先把字节交给 socket`,
};

export const REFUSALS: Record<Lang, Sayings> = { en: EN, zh: ZH };

/** Why the machine refused a step, in the learner's language. */
export function refusalText(refusal: Refusal, lang: Lang): string {
  const say = REFUSALS[lang][refusal.code] as (p: Refusal['params']) => string;
  return say(refusal.params);
}
