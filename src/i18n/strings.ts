import type { CallLimit, Counters, Knobs, ScaleRefusal } from '../model/index.js';
import { catalogue, type Lang } from './lang.js';
import { MACHINE } from './machine.js';
import { grouped } from '../term/bytes.js';
import { PUNCTUATION } from './punctuation.js';

/** Words put together beside Chinese, spaced where a Latin word meets a character ("假如 SG 网卡"). */
const ph = (...words: string[]) => PUNCTUATION.zh.phrase(words);

/** Labels of the commands' own output (headings, table columns, messages). */
export const UI = catalogue({
  en: {
    mode: { user: 'user', kernel: 'kernel' },
    actor: { cpu: 'CPU', dma: 'DMA', disk: 'disk', nic: 'NIC' },
    phase: { setup: 'Set-up, once', transfer: 'Every chunk', teardown: 'At the end, once' },
    countColumns: { total: 'total', setup: 'set-up', perChunk: 'per chunk', perRound: 'per round' },
    heading: { api: 'API', steps: 'Steps', counts: 'Counts', limits: 'Limits', usedBy: 'Used by', notes: 'Notes' },
    compare: {
      scenario: 'Scenario',
      columns: { cpuCopies: 'CPU', dmaCopies: 'DMA', modeSwitches: 'Switches', syscalls: 'Calls', descriptorCopies: 'Desc', interrupts: 'IRQ', pageFaults: 'Faults' },
      jobs: {
        read: 'read: disk -> the process\'s buffer',
        send: 'send: a file on disk -> the network card',
        share: 'share: pages between address spaces',
        cache: 'cache: the page cache serving readers',
      },
      propertiesTitle: 'What each technique allows or needs',
      properties: { canModify: 'Modify', copiesWithoutGather: 'No SG: copy', needsPipe: 'Pipe', inputMustBeFile: 'File in', ownsDevice: 'Own device' },
      yes: 'yes', no: '-',
      countsLegend: 'CPU/DMA: payload copies · Switches: user<->kernel mode switches · Calls: system calls · Desc: descriptor copies · IRQ: interrupts · Faults: page faults',
      sharesLegend: '6 (4): 6 for one chunk, 4 of them again for every chunk',
      changedLegend: (mark: string) => `${mark}: the what-if changed this row's counts`,
      propertiesLegend:
        'Modify: the app can change the bytes on the way · No SG: copy: with a NIC that cannot gather, it still works but the CPU copies ' +
        'into the socket buffer · Pipe: one end of every call must be a pipe · File in: the input must be a file · ' +
        'Own device: the process drives the device itself, past the kernel',
    },
    groups: { 'io-modes': 'I/O modes', 'copy-paths': 'The copy paths', 'zero-copy': 'Zero-copy', beyond: 'Beyond' },
  },
  zh: {
    mode: { user: '用户态', kernel: '内核态' },
    actor: { cpu: 'CPU', dma: 'DMA', disk: '磁盘', nic: '网卡' },
    phase: { setup: '准备，只做一次', transfer: '每段数据都做', teardown: '收尾，只做一次' },
    countColumns: { total: '合计', setup: '准备', perChunk: '每段', perRound: '每轮' },
    heading: { api: '接口', steps: '步骤', counts: '计数', limits: '局限', usedBy: '应用', notes: '说明' },
    compare: {
      scenario: '场景',
      columns: { cpuCopies: 'CPU', dmaCopies: 'DMA', modeSwitches: '切换', syscalls: '调用', descriptorCopies: '描述符', interrupts: '中断', pageFaults: '缺页' },
      jobs: {
        read: 'read：磁盘 -> 进程的缓冲区',
        send: 'send：磁盘上的文件 -> 网卡',
        share: 'share：在地址空间之间共享页',
        cache: 'cache：页缓存为读者服务',
      },
      propertiesTitle: '各技术允许什么、需要什么',
      properties: { canModify: '可改数据', copiesWithoutGather: '无 SG 则拷贝', needsPipe: '需管道', inputMustBeFile: '须文件', ownsDevice: '独占设备' },
      yes: '是', no: '-',
      countsLegend: 'CPU/DMA：数据拷贝 · 切换：用户态与内核态的切换 · 调用：系统调用 · 描述符：描述符拷贝 · 中断：中断次数 · 缺页：缺页次数',
      sharesLegend: '6 (4)：一段合计 6 次，其中 4 次每段都再来一遍',
      changedLegend: (mark: string) => `${mark}：这一行的数字因这个假如而不同`,
      propertiesLegend:
        '可改数据：应用能否在途中修改数据 · 无 SG 则拷贝：网卡不支持 scatter-gather 时仍能工作，但 CPU 要把数据拷进 socket 缓冲区 · ' +
        '需管道：每次调用都有一端必须是管道 · 须文件：输入必须是文件 · 独占设备：进程绕过内核，自己驱动设备',
    },
    groups: { 'io-modes': 'I/O 方式', 'copy-paths': '拷贝路径', 'zero-copy': '零拷贝', beyond: '更进一步' },
  },
});

export const MESSAGES = catalogue({
  en: {
    unknownScenario: (name: string) => `no scenario called "${name}"`,
    didYouMean: (name: string) => `did you mean ${name}?`,
    unknownCommand: (name: string) => `unknown command "${name}"`,
    seeHelp: 'see zcopy --help',
    /** A message and what to do about it, in one line. */
    then: (what: string, next: string) => `${what}; ${next}`,
    scenarioOrFile: 'give a scenario or --file, not both',
    needCommand: 'a command is needed; see zcopy --help',
    needScenario: (ids: string[]) => `explain needs a scenario: ${ids.join(', ')}`,
    unknownTerm: (name: string) => `no glossary term "${name}"`,
    seeGlossary: 'run `zcopy glossary` to see them all',
    /** After the first of a file's problems, how many more there are. */
    moreProblems: (n: number) => `(${n} more problems in that file)`,
    seeList: 'run `zcopy list` to see them all',
  },
  zh: {
    unknownScenario: (name: string) => `没有名为“${name}”的场景`,
    didYouMean: (name: string) => `你是不是想输入 ${name}？`,
    unknownCommand: (name: string) => `没有“${name}”这个命令`,
    seeHelp: '请看 zcopy --help',
    then: (what: string, next: string) => `${what}；${next}`,
    scenarioOrFile: '请只给出场景或 --file 其中之一',
    needCommand: '需要一个命令；请看 zcopy --help',
    needScenario: (ids: string[]) => `explain 需要一个场景：${ids.join('、')}`,
    unknownTerm: (name: string) => `术语表里没有“${name}”`,
    seeGlossary: '运行 `zcopy glossary` 查看全部术语',
    // Not yet in Chinese: the Chinese output has said it in English so far, and a translation would change it.
    moreProblems: (n: number) => `(${n} more problems in that file)`,
    seeList: '运行 `zcopy list` 查看全部场景',
  },
});

/** The learn screen's own words. */
export const LEARN = catalogue({
  en: {
    user: 'USER SPACE',
    kernel: 'KERNEL SPACE',
    hardware: 'HARDWARE',
    cpu: (mode: 'user' | 'kernel', activity: string) => `CPU: ${mode.toUpperCase()} (ring ${mode === 'user' ? 3 : 0}) · ${activity}`,
    app: 'app',
    running: 'running',
    inside: (call: string) => `inside ${call}()`,
    blocked: 'blocked, waiting for an interrupt',
    inFault: 'in a page fault',
    pageTable: 'page table',
    dma: 'DMA',
    irq: 'IRQ',
    pending: (source: string) => `${source} pending`,
    // Led by its own gap: Chinese parentheses carry their own space.
    via: (place: string) => ` (via ${place})`,
    ready: 'ready',
    sent: (blocks: string) => `sent ${blocks}`,
    start: 'start',
    step: (i: number, n: number) => `step ${i}/${n}`,
    repeats: (chunks: number, rounds: number) =>
      rounds === 1
        ? `↻ chunk 1 of ${grouped(chunks)}, repeated: this step happens once per chunk`
        : `↻ round 1 of ${grouped(rounds)} of chunk 1 of ${grouped(chunks)}, repeated: this step happens ${grouped(rounds)} times per chunk`,
    startHint: (cached: boolean) => `The file is on the disk${cached ? ', its pages already in the page cache,' : ''} and the program is about to ask for it.`,
    resumed: (i: number, n: number, first: string) => `Resumed at step ${i}/${n}, where you left it (${first}: from the start).`,
    done: 'Done.',
    next: (quiz: string, lesson: string | null) => `Next: ${quiz}${lesson ? ` or ${lesson}` : ''}`,
    /** The same in the app, as keys: `z` for a quiz on this lesson, `n` for the next one. */
    nextKeys: (quizKey: string, openKey: string, lesson: string | null) => `Next: ${quizKey} quiz me on this${lesson ? `, or ${openKey} the next lesson, ${lesson}` : ''}.`,
    predictOn: 'predict on',
    /** A what-if variant in the title line, on every step: its flags (`--cache warm`). */
    variant: (flags: string) => `what if ${flags}`,
    predictPrompt: (i: number, tease: string) => `Predict step ${i}: ${tease}`,
    askMover: 'Who moves the bytes?',
    askMode: 'Does this step add to the mode-switch count?',
    youSaid: (what: string) => `you said ${what}`,
    mover: { cpu: 'CPU', dma: 'DMA', none: 'nobody' },
    yesNo: { yes: 'yes', no: 'no' },
    right: 'right',
    whoLabel: 'who moves the bytes',
    modeLabel: 'mode switch',
    score: (right: number, asked: number) => `Predictions: ${right}/${asked} right`,
    counting: (n: number) => `${n}: g or Enter goes to step ${n}, Esc cancels`,
    tooSmall: (command: string, needCols: number, needRows: number, cols: number, rows: number) =>
      `${command} needs a terminal of at least ${needCols}×${needRows}; this one is ${cols}×${rows}. Enlarge it, or press q.`,
    helpTitle: 'Keys',
    legendTitle: 'How to read the screen',
    legend: [
      '[A] the bytes of block A · <A> a reference to them (descriptor, page pointer) · {A} a page mapped from elsewhere · · nothing',
      '══ CPU copy (red) · ══ DMA copy (green) · ── descriptor or reference (cyan) · ┄┄ mapping (magenta) · ▲ a counter this step changed',
      'An arrow starts where the bytes are; (via sock) names the descriptors or mapping it followed',
      'Page table A→cache(p r cow): p present (- not yet), w writable or r read-only, cow copy-on-write, pin pinned for a device',
    ],
    /** Lecture mode, first in the footer: playing or paused, then the speed. */
    playing: 'playing',
    paused: 'paused',
  },
  zh: {
    user: '用户空间',
    kernel: '内核空间',
    hardware: '硬件',
    cpu: (mode: 'user' | 'kernel', activity: string) => `CPU：${mode === 'user' ? '用户态' : '内核态'}（ring ${mode === 'user' ? 3 : 0}）· ${activity}`,
    app: '应用',
    running: '运行中',
    inside: (call: string) => `在 ${call}() 中`,
    blocked: '阻塞，等待中断',
    inFault: '在缺页处理中',
    pageTable: '页表',
    dma: 'DMA',
    irq: '中断线',
    pending: (source: string) => `${source} 待处理`,
    via: (place: string) => `（经由 ${place}）`,
    ready: '就绪',
    sent: (blocks: string) => `已发出 ${blocks}`,
    start: '开始',
    step: (i: number, n: number) => `第 ${i}/${n} 步`,
    repeats: (chunks: number, rounds: number) =>
      rounds === 1 ? `↻ 第 1 段（共 ${grouped(chunks)} 段），重复：这一步每段都要做一次` : `↻ 第 1 段的第 1 轮（每段 ${grouped(rounds)} 轮，共 ${grouped(chunks)} 段），重复：这一步每段要做 ${grouped(rounds)} 次`,
    startHint: (cached: boolean) => `文件在磁盘上${cached ? '，它的页也已在页缓存里' : ''}，程序正要读取它。`,
    resumed: (i: number, n: number, first: string) => `从你上次离开的第 ${i}/${n} 步继续（${first}：从头开始）。`,
    done: '完成。',
    next: (quiz: string, lesson: string | null) => `接下来：${quiz}${lesson ? ` 或 ${lesson}` : ''}`,
    nextKeys: (quizKey: string, openKey: string, lesson: string | null) => `接下来：按 ${quizKey} 就本课做测验${lesson ? `，或按 ${openKey} 进入下一课 ${lesson}` : ''}。`,
    predictOn: '预测模式',
    variant: (flags: string) => `假如 ${flags}`,
    predictPrompt: (i: number, tease: string) => `预测第 ${i} 步：${tease}`,
    askMover: '谁来搬运这些字节？',
    askMode: '这一步会让模式切换次数加一吗？',
    youSaid: (what: string) => ph('你的答案是', what),
    mover: { cpu: 'CPU', dma: 'DMA', none: '无人' },
    yesNo: { yes: '是', no: '否' },
    right: '正确',
    whoLabel: '谁搬运字节',
    modeLabel: '模式切换',
    score: (right: number, asked: number) => `预测：${asked} 题答对 ${right} 题`,
    counting: (n: number) => `${n}：按 g 或回车跳到第 ${n} 步，Esc 取消`,
    tooSmall: (command: string, needCols: number, needRows: number, cols: number, rows: number) =>
      `${command} 需要至少 ${needCols}×${needRows} 的终端，当前是 ${cols}×${rows}。请放大窗口，或按 q 退出。`,
    helpTitle: '按键',
    legendTitle: '怎么看这个界面',
    legend: [
      '[A] 数据块 A 的字节 · <A> 指向它的引用（描述符、页指针）· {A} 从别处映射来的页 · · 空',
      '══ CPU 拷贝（红）· ══ DMA 拷贝（绿）· ── 描述符或引用（青）· ┄┄ 映射（品红）· ▲ 这一步改变了的计数',
      '箭头从数据所在之处出发；（经由 sock）指出它顺着的描述符或映射',
      '页表 A→页缓存(p r cow)：p 在内存中（- 尚未调入），w 可写或 r 只读，cow 写时复制，pin 已为设备锁定',
    ],
    playing: '播放中',
    paused: '已暂停',
  },
});

export const LEARN_CLI = catalogue({
  en: {
    needScenario: (ids: string[]) => `learn needs a scenario when it is not in a terminal: ${ids.join(', ')}`,
    pickTitle: 'zcopy learn · choose a scenario',
    pickNote: '✓ finished',
    explainTitle: 'zcopy explain · choose a scenario to read about',
    explainNote: 'the text zcopy explain <scenario> prints',
    levelsTitle: 'zcopy challenge · build the data path yourself',
    levelsNote: '✓ solved · mode switches/steps',
    /** A level in the list: your best against its par (mode switches/steps), then its title. */
    levelHint: (title: string, par: { modeSwitches: number; steps: number }, best: { modeSwitches: number; steps: number } | null) =>
      `${best ? `best ${best.modeSwitches}/${best.steps}, ` : ''}par ${par.modeSwitches}/${par.steps} · ${title}`,
    resumeAt: (step: number, steps: number) => `resume at ${step}/${steps}`,
    seenOf: (seen: number, steps: number) => `${seen}/${steps} seen`,
    stepNeedsScenario: '--step needs a scenario: zcopy learn sendfile --step 5',
    badStep: (id: string, steps: number, got: string) => `--step must be a whole number from 1 to ${steps} (the steps of ${id}), not "${got}"`,
    knobNeedsScenario: '--cache and --nic change one lesson: name it (zcopy learn sendfile --cache warm)',
    /** The in-app glossary's index: its terms, one to read. */
    termsTitle: 'zcopy glossary · choose a term to read',
    termsNote: 'the text zcopy glossary <term> prints',
    /** `--speed X`: what is accepted. */
    badSpeed: (min: number, max: number, got: string) => `--speed must be a number from ${min} to ${max} (2 is twice as fast, 0.5 half; default 1), not "${got}"`,
    /** `--play` piped: said on stderr, above the transcript. */
    playNeedsTerminal: '--play needs a terminal to play in: here is the whole lesson instead',
    /** `--play --step N` at the last step: nothing is left to play. */
    nothingToPlay: (id: string, steps: number) => `--play from step ${steps}, the last of ${id}, has nothing left to play: start earlier, or leave out --step`,
  },
  zh: {
    needScenario: (ids: string[]) => `不在终端中运行时，learn 需要指定场景：${ids.join('、')}`,
    pickTitle: 'zcopy learn · 选择一个场景',
    pickNote: '✓ 已学完',
    explainTitle: 'zcopy explain · 选择要阅读的场景',
    explainNote: '即 zcopy explain <场景> 打印的内容',
    levelsTitle: 'zcopy challenge · 自己搭建数据路径',
    levelsNote: '✓ 已通过 · 模式切换/步数',
    levelHint: (title: string, par: { modeSwitches: number; steps: number }, best: { modeSwitches: number; steps: number } | null) =>
      `${best ? `最佳 ${best.modeSwitches}/${best.steps}，` : ''}标准 ${par.modeSwitches}/${par.steps} · ${title}`,
    resumeAt: (step: number, steps: number) => `从第 ${step}/${steps} 步继续`,
    seenOf: (seen: number, steps: number) => `已看 ${seen}/${steps} 步`,
    stepNeedsScenario: '--step 需要指定场景：zcopy learn sendfile --step 5',
    badStep: (id: string, steps: number, got: string) => `--step 必须是 1 到 ${steps} 之间的整数（${id} 的步数），而不是“${got}”`,
    knobNeedsScenario: '--cache 和 --nic 只改变一门课：请写出课程名（zcopy learn sendfile --cache warm）',
    termsTitle: 'zcopy glossary · 选择要阅读的术语',
    termsNote: '即 zcopy glossary <术语> 打印的内容',
    badSpeed: (min: number, max: number, got: string) => `--speed 必须是 ${min} 到 ${max} 之间的数（2 为两倍速，0.5 为半速；默认 1），而不是“${got}”`,
    playNeedsTerminal: '--play 需要在终端中播放：下面改为打印整课内容',
    nothingToPlay: (id: string, steps: number) => `第 ${steps} 步已是 ${id} 的最后一步，--play 没有可播放的内容：请从更早的步骤开始，或去掉 --step`,
  },
});

/** Where a chunk takes several rounds of its per-chunk calls: the chunk, the rounds (the last chunk's too), the calls of a round, and what caps a call. */
export interface Rounds {
  chunk: string;
  perChunk: number;
  last: number;
  /** The calls of one round, where the words name them. */
  calls?: string[];
  limit: CallLimit;
}

export const SCALE = catalogue({
  en: {
    bad: (flag: string, got: string) => `--${flag} must be a size in bytes, 1 or more, with K, M, G or T for binary units (64K, 1G), not "${got}"`,
    tooLarge: (flag: string, max: string) => `--${flag} is at most ${max}`,
    chunkNeedsSize: '--chunk needs --size: zcopy explain traditional --size 1G --chunk 64K',
    chunkOverSize: (chunk: string, size: string) => `--chunk ${chunk} is larger than --size ${size}: a program moves at most the whole file per call`,
    heading: (size: string, chunk: string, chunks: number) => `${size} in ${chunk} chunks: ${grouped(chunks)} ${chunks === 1 ? 'chunk' : 'chunks'}`,
    formula: 'formula',
    notRepeatable: (field: string) => `--size repeats a lesson's per-chunk steps, so they must end with the machine as they found it; this lesson's leave its ${field} changed`,
    knobNotHere: (knob: string, value: string, id: string, takes: string[]) =>
      `${id} has no --${knob} ${value} variant: its steps do not say how that knob changes it${takes.length ? ` (it takes ${takes.map((k) => `--${k}`).join(', ')})` : ''}`,
    whatIf: (knobs: string) => `What if ${knobs}? The steps and their counts are this variant's; the lesson's summary, limits and notes describe it as written.`,
    whatIfSummarised: (knobs: string) => `What if ${knobs}? The summary, the steps and their counts are this variant's; the lesson's limits and notes describe it as written.`,
    /** The knobs a what-if turned, together: "the pages are already cached and the NIC cannot gather". */
    allOf: (words: string[]) => words.join(' and '),
    knobWords: { cache: { cold: 'the page cache is cold', warm: 'the pages are already cached' }, nic: { sg: 'the NIC gathers', nosg: 'the NIC cannot gather' } },
    readersWords: (n: number) => `${n} ${n === 1 ? 'consumer is' : 'consumers are'} sent the cached file`,
    badReaders: (got: string, max: number) => `--readers must be a whole number from 1 to ${max}, not "${got}"`,
    notShown: (knobs: string, ids: string) => `not shown, as they have no ${knobs} variant: ${ids}`,
    summary: (size: string, chunk: string, chunks: number, rounds: Rounds | null): string =>
      `The whole file: ${size} in ${chunk} chunks, ${grouped(chunks)} ${chunks === 1 ? 'chunk' : 'chunks'}. ${rounds ? `${SCALE.en.rounds(rounds)} Totals (set-up + chunks x rounds per chunk x per round + teardown):` : 'Totals (set-up + chunks x per chunk + teardown):'}`,
    compared: (size: string, chunk: string, chunks: number) => `Totals for a ${size} file in ${chunk} chunks (${grouped(chunks)} ${chunks === 1 ? 'chunk' : 'chunks'}); zcopy compare without --size shows one chunk and what repeats.`,
    repeats: (chunks: number, perChunk: number, last: number) =>
      perChunk === 1
        ? chunks === 1
          ? 'the per-chunk steps run once, for the one chunk'
          : `the per-chunk steps repeat for each of the ${grouped(chunks)} chunks`
        : `the per-chunk steps run ${grouped(perChunk)} times per chunk, ${grouped(chunks)} ${chunks === 1 ? 'chunk' : 'chunks'}${last === perChunk ? '' : ` (the last: ${grouped(last)})`}`,
    rounds: (r: Rounds) =>
      `${r.limit.by === 'pipe' ? "splice moves at most a pipe's capacity per call, 64 KiB (16 pages) unless F_SETPIPE_SZ resizes the pipe" : 'The kernel moves at most 2 GiB - 4 KiB (0x7ffff000 bytes) per read, write, send, sendfile or splice call'}, so each ${r.chunk} chunk takes ${grouped(r.perChunk)} rounds of ${r.calls ? r.calls.map((c) => `${c}()`).join(' + ') : 'its per-chunk calls'}${r.last === r.perChunk ? '' : ` (the last, shorter chunk ${grouped(r.last)})`}.`,
    roundsOf: (ids: string[], r: Rounds): string => `${ids.join(', ')}: ${SCALE.en.rounds(r)}`,
    refused: (r: ScaleRefusal, chunk: string, suggest: string, id: string | null) => {
      switch (r.code) {
        case 'subPage':
          return `--chunk ${chunk} is less than a page: the page cache reads a file from the disk 4 KiB at a time (a 4 KiB file read 1 byte per call is one disk read, not 4096), and zcopy counts disk reads, interrupts and faults per chunk; use whole pages, such as --chunk 4K`;
        case 'notPages':
          return `--chunk ${chunk} is not a whole number of 4 KiB pages: chunks that share a page share its one disk read, and zcopy counts disk reads, interrupts and faults per chunk; use a multiple of 4 KiB, such as --chunk ${suggest}`;
        case 'directNotBlocks':
          return `--chunk ${chunk} is not a multiple of 4 KiB: ${id ?? 'this lesson'} reads with O_DIRECT, whose DMA moves whole blocks straight into the program's buffer, and a kernel fails a read of another length with EINVAL; use a multiple of 4 KiB, such as --chunk ${suggest}`;
      }
    },
    comparedWhatIf: (words: string) => `What if ${words}? Every count below is that variant's.`,
  },
  zh: {
    bad: (flag: string, got: string) => `--${flag} 必须是 1 或更大的字节数，可带 K、M、G、T 二进制单位（64K、1G），而不是“${got}”`,
    tooLarge: (flag: string, max: string) => `--${flag} 最大为 ${max}`,
    chunkNeedsSize: '--chunk 需要配合 --size：zcopy explain traditional --size 1G --chunk 64K',
    chunkOverSize: (chunk: string, size: string) => `--chunk ${chunk} 大于 --size ${size}：程序每次调用最多搬运整个文件`,
    heading: (size: string, chunk: string, chunks: number) => `${size}，每段 ${chunk}：共 ${grouped(chunks)} 段`,
    formula: '算式',
    notRepeatable: (field: string) => `--size 会按段重复课程的每段步骤，所以这些步骤结束时机器必须回到开始时的样子；这门课的每段步骤改变了 ${field}`,
    knobNotHere: (knob: string, value: string, id: string, takes: string[]) =>
      `${id} 没有 --${knob} ${value} 变体：它的步骤没有说明这个开关如何改变它${takes.length ? `（它支持 ${takes.map((k) => `--${k}`).join('、')}）` : ''}`,
    whatIf: (knobs: string) => `${ph('假如', knobs)}？步骤和计数都是这个变体的；课程的概述、局限和说明讲的是它原本的样子。`,
    whatIfSummarised: (knobs: string) => `${ph('假如', knobs)}？概述、步骤和计数都是这个变体的；局限和说明讲的是课程原本的样子。`,
    allOf: (words) => words.join('、'),
    knobWords: { cache: { cold: '页缓存是冷的', warm: '页已在缓存中' }, nic: { sg: '网卡支持收集', nosg: '网卡不支持收集' } },
    readersWords: (n: number) => `有 ${n} 个消费者要这个已缓存的文件`,
    badReaders: (got: string, max: number) => `--readers 必须是 1 到 ${max} 之间的整数，而不是“${got}”`,
    notShown: (knobs: string, ids: string) => `未列出（它们没有 ${knobs} 变体）：${ids}`,
    summary: (size: string, chunk: string, chunks: number, rounds: Rounds | null): string =>
      `整个文件：${size}，每段 ${chunk}，共 ${grouped(chunks)} 段。${rounds ? `${SCALE.zh.rounds(rounds)}合计（准备 + 段数 x 每段轮数 x 每轮 + 收尾）：` : '合计（准备 + 段数 x 每段 + 收尾）：'}`,
    compared: (size: string, chunk: string, chunks: number) => `${size} 文件按每段 ${chunk}（共 ${grouped(chunks)} 段）的合计；不带 --size 的 zcopy compare 显示一段的数字及其中每段重复的部分。`,
    repeats: (chunks: number, perChunk: number, last: number) =>
      perChunk === 1
        ? chunks === 1
          ? '每段的步骤只做一次（只有一段）'
          : `每段的步骤对 ${grouped(chunks)} 段逐段重复`
        : `每段的步骤要在每段里做 ${grouped(perChunk)} 轮，共 ${grouped(chunks)} 段${last === perChunk ? '' : `（最后一段 ${grouped(last)} 轮）`}`,
    rounds: (r: Rounds) =>
      `${r.limit.by === 'pipe' ? 'splice 每次调用最多搬运一个管道的容量：64 KiB（16 页），除非用 F_SETPIPE_SZ 调大管道' : '内核每次 read、write、send、sendfile 或 splice 调用最多搬运 2 GiB - 4 KiB（0x7ffff000 字节）'}，所以每段 ${r.chunk}${r.calls ? ` 要做 ${grouped(r.perChunk)} 轮 ${r.calls.map((c) => `${c}()`).join(' + ')}` : ` 的调用要做 ${grouped(r.perChunk)} 轮`}${r.last === r.perChunk ? '' : `（最后较短的一段 ${grouped(r.last)} 轮）`}。`,
    roundsOf: (ids: string[], r: Rounds): string => `${ids.join('、')}：${SCALE.zh.rounds(r)}`,
    refused: (r: ScaleRefusal, chunk: string, suggest: string, id: string | null) => {
      switch (r.code) {
        case 'subPage':
          return `--chunk ${chunk} 不到一页：页缓存以 4 KiB 为单位从磁盘读文件（4 KiB 的文件每次读 1 字节，也只读一次磁盘，而不是 4096 次），而 zcopy 按段计算磁盘读、中断和缺页；请用整页，例如 --chunk 4K`;
        case 'notPages':
          return `--chunk ${chunk} 不是 4 KiB 页的整数倍：共用一页的几段也共用这一页的那一次磁盘读，而 zcopy 按段计算磁盘读、中断和缺页；请用 4 KiB 的整数倍，例如 --chunk ${suggest}`;
        case 'directNotBlocks':
          return `--chunk ${chunk} 不是 4 KiB 的整数倍：${id ? `${id} ` : '这门课'}用 O_DIRECT 读，DMA 把整块直接搬进程序的缓冲区，长度不是块大小整数倍的读会被内核以 EINVAL 拒绝；请用 4 KiB 的整数倍，例如 --chunk ${suggest}`;
      }
    },
    comparedWhatIf: (words: string) => `${ph('假如', words)}？下面的每个数字都是这个变体的。`,
  },
});

/** What the engine can say for itself of a lesson's knobs, as a lesson's own text says it (src/lessons/variant.ts makes a Text of it). */
export const SCALE_TEXT = catalogue({
  en: {
    noNic: 'Nothing in this lesson goes out through the NIC, so whether it can gather changes nothing.',
    readerAgain: (reader: number, readers: number, like: number) =>
      `↻ Reader ${reader} of ${readers} makes the same steps as reader ${like}, served from the same cached pages: no disk read for it either.`,
    /**
     * The total a `--readers N` variant ends with, from the engine's counts: the lesson's own
     * total is written for its two consumers, and a variant with another count must not end on it.
     */
    readersTotal: (readers: number, c: Counters, cold: boolean) => {
      const all = readers === 1 ? 'the consumer' : `all ${readers} consumers`;
      return `Total for ${readers === 1 ? 'one consumer' : `${readers} consumers`}: ${READERS_TOTAL.map((k) => MACHINE.en.amount(c[k], k)).join(', ')}. ${cold ? `One disk read served both reads and ${all}.` : `No disk read at all: the cache served both reads and ${all}.`}`;
    },
  },
  zh: {
    noNic: '这门课里没有任何数据经网卡发出，所以网卡是否支持收集不影响任何东西。',
    readerAgain: (reader, readers, like) => `↻ 第 ${reader} 个读者（共 ${readers} 个）走的步骤和第 ${like} 个一样，用的还是那些缓存页：它同样不用读磁盘。`,
    readersTotal: (readers, c, cold) => {
      const all = readers === 1 ? '这个消费者' : `全部 ${readers} 个消费者`;
      return `${readers} 个消费者合计：${READERS_TOTAL.map((k) => MACHINE.zh.amount(c[k], k)).join('、')}。${cold ? `一次磁盘读取就供了两次读和${all}。` : `一次磁盘也没读：两次读和${all}都由缓存供数。`}`;
    },
  },
});

const READERS_TOTAL = ['syscalls', 'modeSwitches', 'cpuCopies', 'dmaCopies', 'interrupts'] as const;

export const VS = catalogue({
  en: {
    ended: (n: number) => `done (${n} steps)`,
    nothing: 'nothing: this one has ended',
    ahead: (a: string, b: string, items: string) => `So far ${a} against ${b}: ${items}.`,
    level: 'So far the two are level on copies, mode switches and system calls.',
    legend: '▲ this step raised it · ◆ only this side pays it at this step',
    needsOther: (id: string) => `--vs needs a different lesson than ${id}`,
    alone: '--vs steps two lessons one chunk at a time, from the start: use it without --size, --step or --predict',
    variant: (flags: string) => `What if: ${flags}, on both sides`,
  },
  zh: {
    ended: (n: number) => `已结束（共 ${n} 步）`,
    nothing: '无：这一课已经结束',
    ahead: (a: string, b: string, items: string) => `到目前为止，${a} 相对 ${b}：${items}。`,
    level: '到目前为止，两者的拷贝、模式切换和系统调用次数相同。',
    legend: '▲ 本步增加 · ◆ 本步只有这一边付出',
    needsOther: (id: string) => `--vs 需要另一门不同于 ${id} 的课`,
    alone: '--vs 从头开始、按一段数据逐步对照两门课：请不要同时使用 --size、--step 或 --predict',
    variant: (flags: string) => `假如：${flags}，两边都是`,
  },
});

/** What a what-if variant turned (`turned`, the model's turnedKnobs), in words ("the pages are already cached and 3 readers read the file"); null for a lesson as written. */
export function whatIfWords(turned: readonly (keyof Knobs)[], knobs: Knobs, lang: Lang): string | null {
  const t = SCALE[lang];
  const words = turned.map((k) => (k === 'readers' ? t.readersWords(knobs.readers!) : (t.knobWords[k] as Record<string, string>)[knobs[k]]));
  return words.length ? t.allOf(words) : null;
}

export const SANDBOX_CLI = catalogue({
  en: {
    stepNeedsFrom: '--step needs --from <lesson>: zcopy sandbox --from sendfile --step 5',
    inATerminal: 'The sandbox is built by keys: run zcopy sandbox in a terminal.',
  },
  zh: {
    stepNeedsFrom: '--step 需要配合 --from <课程>：zcopy sandbox --from sendfile --step 5',
    inATerminal: '沙盒需要用按键搭建：请在终端中运行 zcopy sandbox。',
  },
});

export const HOME = catalogue({
  en: {
    title: 'zcopy · Linux I/O and zero-copy, one step at a time',
    progress: (finished: number, of: number, quiz: { right: number; answered: number } | null, levels: { solved: number; of: number } | null = null) =>
      // Short: it shares the footer with the keys, and the smallest screen is 72 wide.
      `${finished}/${of} finished` +
      (quiz ? ` · quiz ${Math.round((100 * quiz.right) / quiz.answered)}%` : '') +
      (levels ? ` · challenges ${levels.solved}/${levels.of}` : ''),
    items: {
      learn: ['learn', 'step through a scenario and watch the machine'],
      /** The learn item once a lesson is finished: what is next on the recommended path, first, where a narrow screen keeps it. */
      learnNext: (id: string) => `next: ${id} · step through a scenario`,
      predict: ['predict', 'the same, guessing who moves the bytes before each step'],
      quiz: ['quiz', 'ten questions on copies, switches, modes and techniques'],
      challenge: ['challenge', 'build the data path yourself; the machine judges it'],
      sandbox: ['sandbox', 'compose any path, event by event; write it as a lesson'],
      explain: ['explain', 'read a scenario step by step'],
      compare: ['compare', 'every scenario side by side'],
      glossary: ['glossary', 'the terms, and the lessons that use them'],
      progress: ['progress', 'your answers, finished lessons, weakest topics'],
      lab: ['lab', 'measure the techniques here (a 64 MiB file, under a minute)'],
    },
  },
  zh: {
    title: 'zcopy · 一步一步看懂 Linux I/O 与零拷贝',
    progress: (finished: number, of: number, quiz: { right: number; answered: number } | null, levels: { solved: number; of: number } | null = null) =>
      `已学完 ${finished}/${of}` +
      (quiz ? ` · 测验 ${Math.round((100 * quiz.right) / quiz.answered)}%` : '') +
      (levels ? ` · 挑战 ${levels.solved}/${levels.of}` : ''),
    items: {
      learn: ['learn', '逐步演示一个场景，观察机器状态'],
      learnNext: (id: string) => `下一课：${id} · 逐步演示一个场景`,
      predict: ['predict', '同上，但每一步之前先预测谁来搬运数据'],
      quiz: ['quiz', '十道题：拷贝、切换、模式与技术'],
      challenge: ['challenge', '自己搭建数据路径，由机器评判'],
      sandbox: ['sandbox', '逐个事件自由搭建路径，可写成课程文件'],
      explain: ['explain', '阅读一个场景的全部步骤'],
      compare: ['compare', '并排比较所有场景'],
      glossary: ['glossary', '术语表，附带用到它们的课程'],
      progress: ['progress', '答题记录、学完的课程、薄弱知识点'],
      lab: ['lab', '在本机实测各种技术（64 MiB 文件，一分钟以内）'],
    },
  },
});


/** What a lesson's end says it saved against its job's plain baseline (src/present/savings.ts). */
export const SAVED = catalogue({
  en: {
    change: (label: string, delta: number) => `${delta > 0 ? '+' : ''}${delta} ${label}`,
    list: (items: string[]) => items.join(', '),
    same: 'the same counts',
    against: { send: 'Against read() + write() (traditional)', read: 'Against a plain read() with DMA (dma-io)' },
    perChunk: 'Per chunk, set-up left out',
    line: (head: string, what: string) => `${head}: ${what}.`,
    isBaseline: {
      send: 'This is read() + write(): the baseline the other send lessons are measured against.',
      read: 'This is the plain read() with DMA: the baseline the other read lessons are measured against.',
    },
    notApplicable: {
      share: 'Against read() + write(): does not apply; this lesson is about sharing pages between address spaces, and its figures are compared only with the other lessons that do.',
      cache: 'Against read() + write(): does not apply; this lesson is about the page cache serving readers, not one transfer.',
    },
  },
  zh: {
    change: (label: string, delta: number) => `${label} ${delta > 0 ? '+' : ''}${delta}`,
    list: (items: string[]) => items.join('，'),
    same: '各项计数相同',
    against: { send: '与 read() + write()（traditional）相比', read: '与使用 DMA 的普通 read()（dma-io）相比' },
    perChunk: '每段（不计一次性的准备）',
    line: (head: string, what: string) => `${head}：${what}。`,
    isBaseline: {
      send: '这就是 read() + write()：其他发送类课程都以它为比较基准。',
      read: '这就是使用 DMA 的普通 read()：其他读取类课程都以它为比较基准。',
    },
    notApplicable: {
      share: '与 read() + write() 相比：不适用；本课讲的是在地址空间之间共享页，它的数字只和同样讲共享的课程比较。',
      cache: '与 read() + write() 相比：不适用；本课讲页缓存如何服务多个读者，而不是一次传输。',
    },
  },
});
