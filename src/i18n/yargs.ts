import { catalogue } from './lang.js';

/** A phrase yargs counts: one for a single item, other for several. */
type Counted = { one: string; other: string };

/** yargs' locale for each language, and the words of it to say otherwise. */
export const YARGS = catalogue<{ locale: string; words: Record<string, string | Counted> }>({
  en: { locale: 'en', words: {} },
  zh: {
    locale: 'zh_CN',
    /**
     * yargs' own zh_CN words that a Chinese reader would stumble on (English left
     * in them, a comma mid-sentence) and those it has no Chinese for; the rest of
     * its locale stays as it is. Keys are yargs' English; counted phrases are
     * keyed by their singular.
     */
    words: {
      'Not enough non-option arguments: got %s, need at least %s': { one: '参数不够：给了 %s 个，至少要 %s 个', other: '参数不够：给了 %s 个，至少要 %s 个' },
      'Too many non-option arguments: got %s, maximum of %s': { one: '参数太多：给了 %s 个，最多 %s 个', other: '参数太多：给了 %s 个，最多 %s 个' },
      'Unknown argument: %s': { one: '无法识别的参数：%s', other: '无法识别这些参数：%s' },
      'Unknown command: %s': { one: '没有这个命令：%s', other: '没有这些命令：%s' },
      'Invalid values:': '值无效：',
      'Argument: %s, Given: %s, Choices: %s': '%s 不能是 %s，可选值：%s',
      'Did you mean %s?': '你是不是想输入 %s？',
      'Positionals:': '位置参数：',
      // yargs writes these before a value inside brackets in --help: "[可选值：…]", a full-width colon like any after Chinese.
      'default:': '默认值：',
      'choices:': '可选值：',
      'aliases:': '别名：',
      deprecated: '已弃用',
      'deprecated: %s': '已弃用：%s',
    },
  },
});
