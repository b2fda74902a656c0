import type { Activity, Counters, Location, TransferKind } from '../model/index.js';
import type { Lang } from './lang.js';

type Table<K extends string> = Record<K, Record<Lang, string>>;

export const COUNTER_LABELS: Table<keyof Counters> = {
  cpuCopies: { en: 'CPU copies', zh: 'CPU 拷贝' },
  dmaCopies: { en: 'DMA copies', zh: 'DMA 拷贝' },
  modeSwitches: { en: 'Mode switches', zh: '模式切换' },
  syscalls: { en: 'Syscalls', zh: '系统调用' },
  descriptorCopies: { en: 'Descriptor copies', zh: '描述符拷贝' },
  interrupts: { en: 'Interrupts', zh: '中断' },
  pageFaults: { en: 'Page faults', zh: '缺页异常' },
};

export const PLACE_LABELS: Table<Location> = {
  disk: { en: 'disk', zh: '磁盘' },
  ctrl: { en: 'controller buffer', zh: '控制器缓冲区' },
  pageCache: { en: 'page cache', zh: '页缓存' },
  user: { en: 'user buffer', zh: '用户缓冲区' },
  socket: { en: 'socket buffer', zh: 'socket 缓冲区' },
  pipe: { en: 'pipe', zh: '管道' },
  fbuf: { en: 'fbuf pool', zh: 'fbuf 缓冲池' },
  nic: { en: 'NIC', zh: '网卡' },
};

export const TRANSFER_LABELS: Table<TransferKind> = {
  'cpu-copy': { en: 'CPU copy', zh: 'CPU 拷贝' },
  'dma-copy': { en: 'DMA copy', zh: 'DMA 拷贝' },
  descriptor: { en: 'descriptor copy', zh: '描述符拷贝' },
  reference: { en: 'page references', zh: '页引用' },
  mapping: { en: 'mapping', zh: '映射' },
  device: { en: 'device read', zh: '设备读取' },
};

export const ACTIVITY_LABELS: Table<Activity> = {
  running: { en: 'running the program', zh: '运行程序' },
  syscall: { en: 'kernel code', zh: '执行内核代码' },
  copying: { en: 'copying', zh: '拷贝数据' },
  polling: { en: 'busy-polling', zh: '忙等轮询' },
  interrupt: { en: 'in an interrupt', zh: '处理中断' },
  fault: { en: 'in a page fault', zh: '处理缺页' },
  free: { en: 'free for other work', zh: '空闲，可做别的事' },
};

/** Labels of the commands' own output (headings, table columns, messages). */
export const UI = {
  mode: { en: { user: 'user', kernel: 'kernel' }, zh: { user: '用户态', kernel: '内核态' } },
  actor: { en: { cpu: 'CPU', dma: 'DMA', device: 'disk' }, zh: { cpu: 'CPU', dma: 'DMA', device: '磁盘' } },
  heading: {
    en: { api: 'API', steps: 'Steps', counts: 'Counts', limits: 'Limits', usedBy: 'Used by', notes: 'Notes' },
    zh: { api: '接口', steps: '步骤', counts: '计数', limits: '局限', usedBy: '应用', notes: '说明' },
  },
  compare: {
    en: {
      scenario: 'Scenario', cpu: 'CPU', dma: 'DMA', switches: 'Switches', calls: 'Calls', desc: 'Desc',
      canModify: 'Modify', needsNicSupport: 'NIC SG', needsPipe: 'Pipe', inputMustBeFile: 'File in',
      yes: 'yes', no: '-',
      legend:
        'CPU/DMA: copies of the payload · Switches: user<->kernel mode switches · Calls: system calls · ' +
        'Desc: descriptor or page-reference copies · Modify: the app can change the bytes on the way · ' +
        'NIC SG: needs a NIC with scatter-gather · Pipe: one end must be a pipe · File in: the input must be a file',
    },
    zh: {
      scenario: '场景', cpu: 'CPU', dma: 'DMA', switches: '切换', calls: '调用', desc: '描述符',
      canModify: '可改数据', needsNicSupport: '需网卡SG', needsPipe: '需管道', inputMustBeFile: '须文件',
      yes: '是', no: '-',
      legend:
        'CPU/DMA：数据拷贝次数 · 切换：用户态与内核态之间的模式切换 · 调用：系统调用 · 描述符：描述符或页引用拷贝 · ' +
        '可改数据：应用能否在途中修改数据 · 需网卡SG：需要支持 scatter-gather 的网卡 · 需管道：一端必须是管道 · 须文件：输入必须是文件',
    },
  },
  groups: {
    en: { 'io-modes': 'I/O modes', 'copy-paths': 'The copy paths', 'zero-copy': 'Zero-copy', beyond: 'Beyond' },
    zh: { 'io-modes': 'I/O 方式', 'copy-paths': '拷贝路径', 'zero-copy': '零拷贝', beyond: '更进一步' },
  },
} as const;

export const MESSAGES = {
  unknownScenario: {
    en: (name: string) => `no scenario called "${name}"`,
    zh: (name: string) => `没有名为 "${name}" 的场景`,
  },
  didYouMean: { en: (name: string) => `did you mean ${name}?`, zh: (name: string) => `你是不是想输入 ${name}？` },
  unknownCommand: {
    en: (name: string) => `unknown command "${name}"; see zcopy --help`,
    zh: (name: string) => `没有 "${name}" 这个命令；请看 zcopy --help`,
  },
  needCommand: { en: 'a command is needed; see zcopy --help', zh: '需要一个命令；请看 zcopy --help' },
  needScenario: {
    en: (ids: string[]) => `explain needs a scenario: ${ids.join(', ')}`,
    zh: (ids: string[]) => `explain 需要一个场景：${ids.join('、')}`,
  },
  unknownTerm: {
    en: (name: string) => `no glossary term "${name}"`,
    zh: (name: string) => `术语表里没有 "${name}"`,
  },
  seeGlossary: { en: 'run `zcopy glossary` to see them all', zh: '运行 `zcopy glossary` 查看全部术语' },
  seeList: { en: 'run `zcopy list` to see them all', zh: '运行 `zcopy list` 查看全部场景' },
};
