import { catalogue } from './lang.js';

/** What `zcopy validate` says of each file. */
export const VALIDATE = catalogue({
  en: {
    ok: 'ok  ',
    bad: 'FAIL',
    steps: (n: number) => `${n} step${n === 1 ? '' : 's'}`,
    level: 'level',
    par: (switches: number, steps: number) => `par ${switches} mode switch${switches === 1 ? '' : 'es'}, ${steps} step${steps === 1 ? '' : 's'}`,
    summary: (bad: number, all: number) => `${bad} of ${all} files have problems`,
  },
  zh: {
    ok: '通过',
    bad: '失败',
    steps: (n) => `${n} 步`,
    level: '关卡',
    par: (switches, steps) => `标准：模式切换 ${switches} 次，${steps} 步`,
    summary: (bad, all) => `${all} 个文件中有 ${bad} 个有问题`,
  },
});
