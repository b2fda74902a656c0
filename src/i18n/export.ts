import { catalogue, type Catalogue } from './lang.js';

/** `zcopy export`: the command's own words, and the words its pictures, diagrams and handouts show. */
interface ExportWords {
  help: {
    command: string;
    scenario: string;
    format: string;
    out: string;
    step: string;
    file: string;
  };
  needScenario: (ids: string[]) => string;
  /** No --format, and no --out whose ending says one. */
  needFormat: (formats: string[]) => string;
  /** A format that draws the whole lesson, given --step. */
  stepNotHere: (format: string, formats: string[]) => string;
  /** --out could not be written: the path, and the system's reason (ENOENT, EISDIR...). */
  notWritten: (path: string, reason: string) => string;
  svg: {
    /** The picture's accessible title. */
    title: (id: string, title: string) => string;
    /** The moment --step draws. */
    stepOf: (n: number, steps: number) => string;
    legendCpu: string;
    legendDma: string;
    legendOther: string;
    /** The strip of modes, one cell a step. */
    modeStrip: string;
    stepsAxis: string;
    /** The font families text is set in, the generic one last so that it renders anywhere. */
    font: string;
  };
  mermaid: {
    program: string;
    kernel: string;
    dma: string;
    disk: string;
    nic: string;
    returns: (call: string) => string;
  };
  md: {
    /** The steps table's columns. */
    columns: { n: string; mode: string; who: string; does: string; why: string };
    counter: string;
    diagram: string;
    check: string;
    answer: string;
    /** Where the counts are for a whole file. */
    scale: string;
  };
}

export const EXPORT: Catalogue<ExportWords> = catalogue<ExportWords>({
  en: {
    help: {
      command: 'write a lesson as a picture (svg), a diagram (mermaid), a handout (md) or a page (html); --all: a site',
      scenario: 'the scenario to export (zcopy list shows them)',
      format: 'what to write (default: from the --out file\'s ending)',
      out: 'write to this file (replaced if it exists) instead of printing',
      step: 'draw the machine at this step (svg, mermaid; html opens there)',
      file: 'export a lesson file of your own instead',
    },
    needScenario: (ids) => `export needs a scenario: ${ids.join(', ')}`,
    needFormat: (formats) => `export needs --format: ${formats.join(', ')}`,
    stepNotHere: (format, formats) => `--step is for ${formats.join(' or ')}; ${format} shows the whole lesson`,
    notWritten: (path, reason) => `could not write ${path}: ${reason}`,
    svg: {
      title: (id, title) => `${id}: ${title}`,
      stepOf: (n, steps) => `step ${n} of ${steps}`,
      legendCpu: 'CPU copy (solid)',
      legendDma: 'DMA copy (dashed)',
      legendOther: 'no bytes copied: descriptor, page reference, mapping (dotted)',
      modeStrip: 'CPU mode at each step',
      stepsAxis: 'steps',
      font: 'sans-serif',
    },
    mermaid: {
      program: 'Program',
      kernel: 'Kernel',
      dma: 'DMA',
      disk: 'Disk',
      nic: 'NIC',
      returns: (call) => `${call}() returns`,
    },
    md: {
      columns: { n: '#', mode: 'Mode', who: 'Who', does: 'What happens', why: 'Why' },
      counter: 'Counter',
      diagram: 'Diagram',
      check: 'Check yourself',
      answer: 'Answer',
      scale: 'Counts for the whole file',
    },
  },
  zh: {
    help: {
      command: '把一课导出为图片（svg）、时序图（mermaid）、讲义（md）或网页（html）；--all：整个网站',
      scenario: '要导出的场景（zcopy list 列出全部）',
      format: '导出格式（默认：按 --out 文件的扩展名）',
      out: '写入此文件（已存在则覆盖），而不是打印',
      step: '画出某一步时的机器（svg、mermaid；html 从这一步打开）',
      file: '改为导出你自己的课程文件',
    },
    needScenario: (ids) => `export 需要一个场景：${ids.join('、')}`,
    needFormat: (formats) => `export 需要 --format：${formats.join('、')}`,
    stepNotHere: (format, formats) => `--step 只用于 ${formats.join('或')}；${format} 展示整课`,
    notWritten: (path, reason) => `无法写入 ${path}：${reason}`,
    svg: {
      title: (id, title) => `${id}：${title}`,
      stepOf: (n, steps) => `第 ${n} 步，共 ${steps} 步`,
      legendCpu: 'CPU 拷贝（实线）',
      legendDma: 'DMA 拷贝（虚线）',
      legendOther: '不拷贝数据：描述符、页引用、映射（点线）',
      modeStrip: '每一步的 CPU 模式',
      stepsAxis: '步骤',
      font: "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif",
    },
    mermaid: {
      program: '程序',
      kernel: '内核',
      dma: 'DMA',
      disk: '磁盘',
      nic: '网卡',
      returns: (call) => `${call}() 返回`,
    },
    md: {
      columns: { n: '#', mode: '模式', who: '执行者', does: '发生了什么', why: '为什么' },
      counter: '计数项',
      diagram: '时序图',
      check: '自测',
      answer: '答案',
      scale: '整个文件的计数',
    },
  },
});
