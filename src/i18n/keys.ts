import { catalogue } from './lang.js';

/** What a key does, in a footer (`brief`) and in the help (`does`). */
export interface KeyWords {
  brief: string;
  does: string;
}

/** The words of every screen's keys (src/ui/keys.ts binds the keys), one group per keymap. */
export const KEYS = catalogue({
  en: {
    /** How a key is written on screen. */
    keyNames: { up: '↑', down: '↓', left: '←', right: '→', enter: 'Enter', esc: 'Esc', ' ': 'space', home: 'Home', end: 'End', pageup: 'PgUp', pagedown: 'PgDn', backspace: 'Backspace', 'ctrl-c': 'Ctrl-C' } as Record<string, string>,
    quit: { brief: 'quit', does: 'quit zcopy' },
    menu: {
      up: { brief: 'up', does: 'move up' },
      down: { brief: 'down', does: 'move down' },
      first: { brief: 'first', does: 'the first item' },
      last: { brief: 'last', does: 'the last item' },
      choose: { brief: 'choose', does: 'choose it' },
      back: { brief: 'back', does: 'back a level' },
      pageDown: { brief: 'page', does: 'down a page' },
      pageUp: { brief: 'page up', does: 'up a page' },
      filter: { brief: 'filter', does: 'filter by name or title (an id typed whole picks it)' },
    },
    /** A list's filter, once `/` opened it. */
    filter: {
      type: { brief: 'type', does: 'narrow the list by id, alias or title' },
      open: { brief: 'open', does: 'open the one picked' },
      erase: { brief: 'erase', does: 'erase a character' },
      clear: { brief: 'clear', does: 'clear the filter (Esc again: back)' },
    },
    lesson: {
      next: { brief: 'next', does: 'next step' },
      previous: { brief: 'previous', does: 'previous step' },
      first: { brief: 'first', does: 'the start' },
      last: { brief: 'last', does: 'the last step' },
      count: { brief: 'go to step N', does: 'step N: 5g, 5 Enter' },
      open: { brief: 'next lesson', does: 'next lesson (at end)' },
      quiz: { brief: 'quiz me on this', does: 'a quiz on this lesson (at end)' },
      more: { brief: 'more text', does: 'scroll text down' },
      less: { brief: 'text above', does: 'scroll text up' },
      predict: { brief: 'predict', does: 'predict on/off' },
      help: { brief: 'help', does: 'this help' },
      back: { brief: 'back', does: 'back to the list' },
      play: { brief: 'play', does: 'play by itself' },
    },
    quits: { brief: 'quit', does: 'quit zcopy' },
    /** `?` on a screen whose keys have no help of their own to tell (menus, pages, the quiz). */
    opensHelp: { brief: 'help', does: 'this help' },
    mover: {
      cpu: { brief: 'CPU', does: 'the CPU moves the bytes' },
      dma: { brief: 'DMA', does: 'the DMA controller moves them' },
      none: { brief: 'nobody', does: 'nobody: a reference or a mapping' },
      predict: { brief: 'predict off', does: 'predict mode off' },
      back: { brief: 'back', does: 'leave the question unanswered' },
    },
    mode: {
      yes: { brief: 'yes', does: 'it switches mode' },
      no: { brief: 'no', does: 'it does not' },
    },
    help: {
      close: { brief: 'any key: back', does: 'close this help' },
    },
    quiz: {
      type: { brief: 'type', does: 'type a choice\'s letter, or a number' },
      answer: { brief: 'answer', does: 'give the answer typed' },
      erase: { brief: 'erase', does: 'erase a character' },
      back: { brief: 'leave (answers are saved)', does: 'leave the quiz' },
    },
    verdict: {
      next: { brief: 'next question', does: 'the next question' },
      revisit: { brief: 'the step cited', does: 'open the lesson at the step the answer cites' },
      back: { brief: 'leave', does: 'leave the quiz' },
    },
    score: {
      back: { brief: 'leave', does: 'leave the quiz' },
    },
    text: {
      down: { brief: 'down', does: 'down a line' },
      up: { brief: 'up', does: 'up a line' },
      pageDown: { brief: 'page', does: 'down a page' },
      pageUp: { brief: 'page up', does: 'up a page' },
      first: { brief: 'top', does: 'the top' },
      last: { brief: 'end', does: 'the end' },
      back: { brief: 'back', does: 'back a level' },
    },
    vs: {
      back: { brief: 'quit', does: 'quit zcopy' },
    },
    build: {
      add: { brief: 'add a step', does: 'open the palette of events' },
      undo: { brief: 'undo', does: 'undo the last step' },
      redo: { brief: 'redo', does: 'redo a step undone' },
      hint: { brief: 'hint', does: 'show the next hint' },
      phase: { brief: 'phase', does: 'the phase of new steps: set-up, per chunk, teardown' },
      write: { brief: 'write lesson', does: 'write the path as a lesson file' },
      open: { brief: 'next level', does: 'the next level (once solved)' },
      more: { brief: 'more text', does: 'scroll text down' },
      less: { brief: 'text above', does: 'scroll text up' },
      help: { brief: 'help', does: 'this help' },
      back: { brief: 'back', does: 'back a level' },
    },
    palette: {
      left: { brief: 'left', does: 'the choice before' },
      right: { brief: 'right', does: 'the choice after' },
      up: { brief: 'up', does: 'the line above' },
      down: { brief: 'down', does: 'the line below' },
      choose: { brief: 'choose', does: 'take this choice' },
      back: { brief: 'back', does: 'back a field, or close the palette' },
    },
    confirm: {
      yes: { brief: 'discard', does: 'discard the steps and leave' },
      back: { brief: 'keep', does: 'keep them and stay (any other key too)' },
    },
    /** The trace report's page: a flow marked, its lesson opened. */
    trace: {
      open: { brief: 'open lesson', does: "open the marked flow's lesson at its size and chunk" },
      next: { brief: 'next flow', does: 'mark the next flow' },
      previous: { brief: 'flow before', does: 'mark the flow before' },
    },
    lab: {
      start: { brief: 'start', does: 'start measuring' },
      stop: { brief: 'stop', does: 'stop the run (its files and processes are removed)' },
      back: { brief: 'back', does: 'back to the menu' },
    },
    /** Lecture mode, while a lesson plays or is paused. */
    play: {
      pause: { brief: 'pause', does: 'pause or resume' },
      faster: { brief: 'faster', does: 'faster' },
      slower: { brief: 'slower', does: 'slower' },
      stop: { brief: 'stop', does: 'stop playing (space is next again)' },
      speed: { brief: 'speed', does: 'faster, slower' },
    },
  },
  zh: {
    keyNames: { up: '↑', down: '↓', left: '←', right: '→', enter: '回车', esc: 'Esc', ' ': '空格', home: 'Home', end: 'End', pageup: 'PgUp', pagedown: 'PgDn', backspace: '退格', 'ctrl-c': 'Ctrl-C' },
    quit: { brief: '退出', does: '退出 zcopy' },
    menu: {
      up: { brief: '上移', does: '上移' },
      down: { brief: '下移', does: '下移' },
      first: { brief: '第一项', does: '第一项' },
      last: { brief: '最后一项', does: '最后一项' },
      choose: { brief: '选择', does: '选择' },
      back: { brief: '返回', does: '返回上一层' },
      pageDown: { brief: '翻页', does: '下翻一页' },
      pageUp: { brief: '上翻', does: '上翻一页' },
      filter: { brief: '筛选', does: '按名称或标题筛选（完整输入编号即选中它）' },
    },
    filter: {
      type: { brief: '输入', does: '按编号、别名或标题缩小列表' },
      open: { brief: '打开', does: '打开选中的一项' },
      erase: { brief: '删除', does: '删除一个字符' },
      clear: { brief: '清除', does: '清除筛选（再按 Esc：返回）' },
    },
    lesson: {
      next: { brief: '下一步', does: '下一步' },
      previous: { brief: '上一步', does: '上一步' },
      first: { brief: '第一步', does: '回到开始' },
      last: { brief: '最后一步', does: '最后一步' },
      count: { brief: '跳到第 N 步', does: '第 N 步：5g、5 回车' },
      open: { brief: '下一课', does: '下一课（最后一步）' },
      quiz: { brief: '测验本课', does: '就本课出一套测验（最后一步）' },
      more: { brief: '看下文', does: '讲解下翻' },
      less: { brief: '看上文', does: '讲解上翻' },
      predict: { brief: '预测', does: '开关预测模式' },
      help: { brief: '帮助', does: '本帮助' },
      back: { brief: '返回', does: '返回列表' },
      play: { brief: '播放', does: '自动播放' },
    },
    quits: { brief: '退出', does: '退出 zcopy' },
    opensHelp: { brief: '帮助', does: '本帮助' },
    mover: {
      cpu: { brief: 'CPU', does: 'CPU 搬运字节' },
      dma: { brief: 'DMA', does: 'DMA 控制器搬运' },
      none: { brief: '无人', does: '无人：只是引用或映射' },
      predict: { brief: '关闭预测', does: '关闭预测模式' },
      back: { brief: '返回', does: '不作答，返回' },
    },
    mode: {
      yes: { brief: '是', does: '会切换模式' },
      no: { brief: '否', does: '不会' },
    },
    help: {
      close: { brief: '任意键返回', does: '关闭帮助' },
    },
    quiz: {
      type: { brief: '输入', does: '输入选项的字母，或一个数' },
      answer: { brief: '作答', does: '提交答案' },
      erase: { brief: '删除', does: '删除一个字符' },
      back: { brief: '离开（已答的会保存）', does: '离开测验' },
    },
    verdict: {
      next: { brief: '下一题', does: '下一题' },
      revisit: { brief: '看所引的步骤', does: '打开课程，停在答案所引的那一步' },
      back: { brief: '离开', does: '离开测验' },
    },
    score: {
      back: { brief: '离开', does: '离开测验' },
    },
    text: {
      down: { brief: '下移', does: '下移一行' },
      up: { brief: '上移', does: '上移一行' },
      pageDown: { brief: '翻页', does: '下翻一页' },
      pageUp: { brief: '上翻', does: '上翻一页' },
      first: { brief: '开头', does: '回到开头' },
      last: { brief: '末尾', does: '跳到末尾' },
      back: { brief: '返回', does: '返回上一层' },
    },
    vs: {
      back: { brief: '退出', does: '退出 zcopy' },
    },
    build: {
      add: { brief: '添加一步', does: '打开事件面板' },
      undo: { brief: '撤销', does: '撤销上一步' },
      redo: { brief: '重做', does: '重做撤销的步骤' },
      hint: { brief: '提示', does: '显示下一条提示' },
      phase: { brief: '阶段', does: '新步骤的阶段：准备、每段、收尾' },
      write: { brief: '写成课程', does: '把路径写成课程文件' },
      open: { brief: '下一关', does: '下一关（通过后）' },
      more: { brief: '看下文', does: '文字下翻' },
      less: { brief: '看上文', does: '文字上翻' },
      help: { brief: '帮助', does: '本帮助' },
      back: { brief: '返回', does: '返回上一层' },
    },
    palette: {
      left: { brief: '左移', does: '前一个选项' },
      right: { brief: '右移', does: '后一个选项' },
      up: { brief: '上移', does: '上一行' },
      down: { brief: '下移', does: '下一行' },
      choose: { brief: '选择', does: '选定' },
      back: { brief: '返回', does: '返回上一项，或关闭面板' },
    },
    confirm: {
      yes: { brief: '放弃', does: '放弃这些步骤并离开' },
      back: { brief: '保留', does: '保留并留下（其他键也一样）' },
    },
    trace: {
      open: { brief: '打开课程', does: '按标记的数据流的大小和分段打开它的课程' },
      next: { brief: '下一个数据流', does: '标记下一个数据流' },
      previous: { brief: '上一个数据流', does: '标记上一个数据流' },
    },
    lab: {
      start: { brief: '开始', does: '开始测量' },
      stop: { brief: '停止', does: '停止这次测量（临时文件和进程都会清理）' },
      back: { brief: '返回', does: '回到菜单' },
    },
    play: {
      pause: { brief: '暂停', does: '暂停或继续' },
      faster: { brief: '加快', does: '加快' },
      slower: { brief: '放慢', does: '放慢' },
      stop: { brief: '停止', does: '停止播放（空格恢复为下一步）' },
      speed: { brief: '调速', does: '加快、放慢' },
    },
  },
});

/** The headings of the keys a command's --help lists, one per screen (src/cli/keys-help.ts). */
export const KEYS_HELP = catalogue({
  en: {
    title: 'Keys, screen by screen (? on a screen shows its own):',
    picker: 'the lesson picker',
    lesson: 'a lesson',
    mover: 'predict mode, asked who moves the bytes',
    mode: 'predict mode, asked whether the mode switches',
    vs: 'two lessons in lockstep (--vs)',
    levels: 'the level list',
    build: 'building a path (a challenge, the sandbox)',
    palette: 'the palette of events and their fields',
    confirm: 'asked before a path not saved is discarded',
    playing: 'a lesson or --vs playing (--play, p)',
    trace: 'the report (on a terminal, without --pager or --no-pager)',
    helpKey: 'that screen\'s keys',
    /** Between the keys of one action: Chinese key names (空格, 回车) would otherwise read as one word. */
    between: ' ',
  },
  zh: {
    title: '各屏幕的按键（在屏幕上按 ? 可查看该屏幕的按键）：',
    picker: '课程列表',
    lesson: '课程',
    mover: '预测模式，问谁搬运字节时',
    mode: '预测模式，问是否切换模式时',
    vs: '两课并排同步（--vs）',
    levels: '关卡列表',
    build: '搭建路径（挑战、沙盒）',
    palette: '事件及其字段的选择面板',
    confirm: '放弃未保存的路径前的确认',
    playing: '课程或 --vs 播放时（--play、p）',
    trace: '报告页（在终端上，不带 --pager 或 --no-pager 时）',
    helpKey: '该屏幕的按键',
    between: ' / ',
  },
});
