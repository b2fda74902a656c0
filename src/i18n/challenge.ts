import type { Condition, Unmet } from '../challenge/judge.js';
import type { MachineFeatures, Par } from '../challenge/types.js';
import { EVENT_NOUNS } from './build.js';
import { catalogue } from './lang.js';
import { PUNCTUATION } from './punctuation.js';
import { MACHINE } from './machine.js';

const { en: EN, zh: ZH } = MACHINE;

/** What `zcopy challenge` and the level loader say, in both languages. */
export const CHALLENGE = catalogue({
  en: {
    unmet: (u: Unmet): string => {
      switch (u.kind) {
        case 'banned':
          return `step ${u.step} is a ${EVENT_NOUNS.en[u.event]} (${u.event}), which this level bans`;
        case 'notAt':
          return `the goal is not reached: block ${u.block} is not in the ${EN.place[u.place]}${u.own ? ' as the process\'s own bytes' : ''}`;
        case 'notUserMode':
          return 'the goal is not reached: the process is not back in user mode';
        case 'callOpen':
          return `the goal is not reached: ${u.call}() is still open`;
        case 'completionPending':
          return "the goal is not reached: the last device transfer's completion was never taken (its interrupt, or its status polled)";
        case 'notModifiable':
          return `the application never held its own copy of block ${u.block}, so it could not change the bytes`;
        case 'notReadable':
          return `the application never had block ${u.block} in its address space, so it could not look at the bytes`;
        case 'pinnedAtEnd':
          return `the goal is not reached: block ${u.block}'s page is still pinned, so a transfer's completion was never collected and the buffer cannot be reused`;
        case 'notShared':
          return `block ${u.block} is no longer a page of the file shared with the page cache: the process keeps more private memory than the page it changed`;
        case 'movedOutsidePerChunk':
          return `step ${u.step} moves the payload but is not a per-chunk (transfer) step: a program pays it for every chunk`;
        case 'limit':
          return `${EN.counter[u.counter]} ${u.count}${u.perTransfer ? ' per transfer' : ''}: this level allows at most ${u.max}`;
      }
    },
    /** A level's condition as the challenge screen lists it, ticked or not; not `live`, a limit says only its maximum. */
    condition: (c: Condition, live = true): string => {
      switch (c.kind) {
        case 'banned':
          return `no ${c.events.map((e) => EVENT_NOUNS.en[e]).join(', ')}`;
        case 'at':
          return `${c.blocks.join(' ')} in the ${EN.place[c.place]}${c.own ? ' (own bytes)' : ''}`;
        case 'userMode':
          return 'back in user mode';
        case 'callsClosed':
          return 'no call left open';
        case 'completion':
          return 'every completion taken';
        case 'canModify':
          return 'the app can change the bytes';
        case 'canRead':
          return 'the app can read the bytes';
        case 'shared':
          return 'the other pages stay shared';
        case 'perChunk':
          return 'the payload moves in per-chunk steps';
        case 'limit':
          return `${EN.counter[c.counter]}${c.perTransfer ? ' per chunk' : ''} ${live ? `${c.count} of ` : ''}at most ${c.max}`;
      }
    },
    /** What a level's machine changes, in a sentence. */
    machine: (f: MachineFeatures): string | null => {
      const said = [
        f.dma === false && 'no DMA controller',
        f.nic === 'nosg' && 'a NIC that cannot gather',
        f.cache === 'warm' && 'the file already in the page cache',
        f.bypass === true && 'your program may drive the NIC and the disk itself (kernel bypass)',
      ].filter(Boolean);
      return said.length ? `This machine: ${said.join('; ')}.` : null;
    },
    /** How to mark phases, on a level that limits what a chunk costs. */
    perChunkNote: 'New steps start as set-up; press t when the per-chunk steps begin.',
    /** A verdict's head and what follows it. */
    verdict: (head: string, rest: string) => `${head}: ${rest}`,
    solved: (id: string) => `solved ${id}`,
    notSolved: (id: string) => `not solved ${id}`,
    vsPar: (what: string, mine: number, par: number) => `${what} ${mine} (par ${par})`,
    steps: 'Steps',
    learnMore: (id: string) => `learn more: zcopy learn ${id}`,
    unknownLevel: (id: string) => `no challenge level named ${id}`,
    seeLevels: 'run `zcopy challenge --list` to see them all',
    needLevel: '--check needs a level id: zcopy challenge <id> --check path.yaml',
    inATerminal: 'Build the path by keys in a terminal (zcopy challenge <id>), or judge a path file: zcopy challenge <id> --check path.yaml',
    hintsKept: (n: number) => `${n} hints, shown one at a time on the challenge screen (h).`,
    problems: {
      notMapping: 'a challenge level must be a mapping of fields',
      notLevelField: 'is not a challenge level field',
      notPathField: 'is not a field of a path file (give `steps:`, or a whole lesson file)',
      goalPlace: (places: string) => `must be one of ${places}`,
      notBlockOfPayload: (b: string) => `${b} is not a block of the payload`,
      ownOnlyUser: 'applies only to a goal in the user buffer',
      notCounter: (counters: string) => `is not a counter (${counters})`,
      max: 'must be a whole number, 0 or more',
      notEvent: (events: string) => `is not an event (${events})`,
      hints: 'must give 2 or 3 hints',
      notLesson: (id: string) => `names no lesson (${id})`,
      feature: (choices: string) => `must be one of ${choices}`,
      solutionFails: (why: string) => `the reference solution does not pass: ${why}`,
      solutionEndsInCall: (call: string, n: number) => `the reference solution ends inside ${call}(): step ${n} enters it and no later step returns from it (sysret)`,
      callsAlwaysClosed: 'can only be true: a path, as a lesson, ends with every system call it entered returned',
      parNotReference: (what: keyof Par, par: number, ref: number) => {
        const unit = (n: number) => (what === 'steps' ? `step${n === 1 ? '' : 's'}` : `mode switch${n === 1 ? '' : 'es'}`);
        return `the par is ${par} ${unit(par)}, but the reference solution takes ${ref}`;
      },
      taken: (id: string, other: string) => `${id} is already the id of ${other}`,
      parBeaten: (p: Par, path: string) =>
        `the par is not the fewest: this path passes in ${p.modeSwitches} mode switch${p.modeSwitches === 1 ? '' : 'es'} and ${p.steps} step${p.steps === 1 ? '' : 's'}: ${path}`,
      parNotProved: (states: number, steps: number) => `the par is not proved: the search stopped at its bound (${states} states, paths of at most ${steps} steps)`,
      referenceNotSearched: (p: Par) =>
        `the fewest the search finds is ${p.modeSwitches} mode switches and ${p.steps} steps: the reference solution moves blocks in parts, which the search does not try (challenges/FORMAT.md)`,
    },
  },
  zh: {
    unmet: (u: Unmet): string => {
      switch (u.kind) {
        case 'banned':
          return `${PUNCTUATION.zh.phrase([`第 ${u.step} 步是`, EVENT_NOUNS.zh[u.event]])}（${u.event}），本关禁止使用`;
        case 'notAt':
          return `没有达到目标：${PUNCTUATION.zh.phrase([`块 ${u.block} 不在`, ZH.place[u.place], '里'])}${u.own ? '（须是进程自己的数据）' : ''}`;
        case 'notUserMode':
          return '没有达到目标：进程还没有回到用户态';
        case 'callOpen':
          return `没有达到目标：${u.call}() 还没有返回`;
        case 'completionPending':
          return '没有达到目标：最后一次设备传输的完成没有被处理（它的中断，或轮询它的状态）';
        case 'notModifiable':
          return `应用程序从没有持有块 ${u.block} 自己的副本，无法修改数据`;
        case 'notReadable':
          return `块 ${u.block} 从没有出现在应用程序的地址空间里，应用看不到这些数据`;
        case 'pinnedAtEnd':
          return `没有达到目标：块 ${u.block} 所在的页还锁着，说明有一次传输的完成从未被取回，缓冲区不能重用`;
        case 'notShared':
          return `块 ${u.block} 不再是与页缓存共享的文件页：进程占用的私有内存超过了它修改的那一页`;
        case 'movedOutsidePerChunk':
          return `第 ${u.step} 步搬运了数据，却没有标为每段（transfer）步骤：程序每传一段都要付出它`;
        case 'limit':
          return `${ZH.counter[u.counter]}${u.perTransfer ? '（每段）' : ''} ${u.count} 次：本关最多允许 ${u.max} 次`;
      }
    },
    condition: (c: Condition, live = true): string => {
      switch (c.kind) {
        case 'banned':
          return PUNCTUATION.zh.phrase(['不用', PUNCTUATION.zh.list(c.events.map((e) => EVENT_NOUNS.zh[e]))]);
        case 'at':
          return `${c.blocks.join(' ')} ${PUNCTUATION.zh.phrase(['在', ZH.place[c.place]])}${c.own ? '（自己的数据）' : ''}`;
        case 'userMode':
          return '回到用户态';
        case 'callsClosed':
          return '没有未返回的调用';
        case 'completion':
          return '每次完成都已处理';
        case 'canModify':
          return '应用能修改数据';
        case 'canRead':
          return '应用能读到数据';
        case 'shared':
          return '其余页保持共享';
        case 'perChunk':
          return '数据在每段步骤中搬运';
        case 'limit':
          return `${ZH.counter[c.counter]}${c.perTransfer ? '（每段）' : ''}${live ? ` ${c.count}，` : ''}最多 ${c.max}`;
      }
    },
    machine: (f: MachineFeatures): string | null => {
      const said = [
        f.dma === false && '没有 DMA 控制器',
        f.nic === 'nosg' && '网卡不支持收集（scatter-gather）',
        f.cache === 'warm' && '文件已在页缓存中',
        f.bypass === true && '你的程序可以自己驱动网卡和磁盘（绕过内核）',
      ].filter(Boolean);
      return said.length ? `本机：${said.join('；')}。` : null;
    },
    perChunkNote: '新步骤先标为准备阶段；每段的步骤开始时按 t。',
    verdict: (head: string, rest: string) => `${head}：${rest}`,
    solved: (id: string) => `通过 ${id}`,
    notSolved: (id: string) => `未通过 ${id}`,
    vsPar: (what: string, mine: number, par: number) => `${what} ${mine}（标准 ${par}）`,
    steps: '步数',
    learnMore: (id: string) => `延伸学习：zcopy learn ${id}`,
    unknownLevel: (id: string) => `没有名为 ${id} 的挑战关卡`,
    seeLevels: '运行 `zcopy challenge --list` 查看全部关卡',
    needLevel: '--check 需要关卡 id：zcopy challenge <id> --check path.yaml',
    inATerminal: '在终端中用按键搭建路径（zcopy challenge <id>），或评判一个路径文件：zcopy challenge <id> --check path.yaml',
    hintsKept: (n: number) => `共 ${n} 条提示，在挑战界面中按 h 逐条显示。`,
    problems: {
      notMapping: '挑战关卡必须是字段的映射',
      notLevelField: '不是挑战关卡的字段',
      notPathField: '不是路径文件的字段（请给出 `steps:`，或一个完整的课程文件）',
      goalPlace: (places: string) => `必须是 ${places} 之一`,
      notBlockOfPayload: (b: string) => `${b} 不是数据中的块`,
      ownOnlyUser: '只适用于目标在用户缓冲区的关卡',
      notCounter: (counters: string) => `不是计数器（${counters}）`,
      max: '必须是 0 或更大的整数',
      notEvent: (events: string) => `不是事件（${events}）`,
      hints: '必须给出 2 到 3 条提示',
      notLesson: (id: string) => `没有这门课（${id}）`,
      feature: (choices: string) => `必须是 ${choices} 之一`,
      solutionFails: (why: string) => `参考解法没有通过：${why}`,
      solutionEndsInCall: (call: string, n: number) => `参考解法结束时还在 ${call}() 里：第 ${n} 步进入它，后面没有步骤从它返回（sysret）`,
      callsAlwaysClosed: '只能是 true：路径和课程一样，进入的每个系统调用都要返回',
      parNotReference: (what: keyof Par, par: number, ref: number) =>
        what === 'steps' ? `标准是 ${par} 步，但参考解法用了 ${ref} 步` : `标准是模式切换 ${par} 次，但参考解法用了 ${ref} 次`,
      taken: (id: string, other: string) => `${id} 已经是 ${other} 的 id`,
      parBeaten: (p: Par, path: string) => `标准不是最少的：这条路径用模式切换 ${p.modeSwitches} 次、${p.steps} 步就能通过：${path}`,
      parNotProved: (states: number, steps: number) => `标准未得到证明：搜索到达了上限（${states} 个状态，路径最多 ${steps} 步）`,
      referenceNotSearched: (p: Par) =>
        `搜索找到的最少是模式切换 ${p.modeSwitches} 次、${p.steps} 步：参考解法把块分批搬运，搜索不尝试这种走法（见 challenges/FORMAT.md）`,
    },
  },
});

