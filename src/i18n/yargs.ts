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
     * keyed by their singular. Its validation messages are never shown: zcopy
     * says those in its own words (src/cli/usage.ts).
     */
    words: {
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
