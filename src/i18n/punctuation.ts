import { catalogue } from './lang.js';

type Items = readonly (string | number)[];

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const HAN = '[\\u4e00-\\u9fff]';

const SPACE_BETWEEN_WIDE = /([\u3000-\u303f\u3400-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])/g;
/** Full-width punctuation (and Chinese text's quotes “”) carries its own spacing: no space goes beside it, before a digit or a Latin word either. */
const SPACE_BESIDE_PUNCTUATION = /\s+(?=[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u201c\u201d])|(?<=[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u201c\u201d])\s+/g;

/**
 * What goes between words that code puts together, in each language: the one
 * place that knows a Chinese list takes 、 and an English one ", ".
 */
export const PUNCTUATION = catalogue({
  en: {
    /** Names or figures in a row: "read(), write()". */
    list: (items: Items) => items.join(', '),
    /** Items of which every one counts, the last joined by "and": "5 and 8", "3, 5 and 8". */
    and: (items: Items) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join('')),
    /** Clauses of one sentence: "..., ...". */
    clauses: (items: Items) => items.join(', '),
    /** Clauses set further apart: "...; ...". */
    semicolons: (items: Items) => items.join('; '),
    /** Words of one phrase put together by code: "no" + "CPU copy". */
    phrase: (items: Items) => items.join(' '),
    /** Whole sentences, one after the other. */
    sentences: (items: Items) => items.join(' '),
    /** The end of a sentence. */
    stop: '.',
    /** Between a label and what follows it on the line. */
    colon: ': ',
    /** A label's colon with nothing after it on the line. */
    colonEnd: ':',
    /**
     * A lesson's text as YAML folded it: YAML joins a long line's parts with a
     * space, which English keeps.
     */
    unfold: (text: string) => text,
    /** What is wrong with a text as written in this language, for the checks on generated text (the quiz's). */
    flaws: (t: string): string[] => (CJK.test(t) ? [`Chinese in an English text: "${t}"`] : []),
  },
  zh: {
    list: (items) => items.join('、'),
    and: (items) => (items.length > 1 ? `${items.slice(0, -1).join('、')}和${items.at(-1)}` : items.join('')),
    clauses: (items) => items.join('，'),
    semicolons: (items) => items.join('；'),
    // A space where Latin letters or digits meet Chinese ("不用 CPU 拷贝"), none between Chinese ("不用描述符拷贝").
    phrase: (items) => items.map(String).reduce((out, w) => (out && w ? out + (/[A-Za-z0-9)]$/.test(out) || /^[A-Za-z0-9(]/.test(w) ? ' ' : '') + w : out + w), ''),
    sentences: (items) => items.join(''),
    stop: '。',
    colon: '：',
    colonEnd: '：',
    // Chinese puts no space between characters, nor beside its punctuation, so a folded space there is dropped.
    unfold: (text) => text.replace(SPACE_BETWEEN_WIDE, '$1').replace(SPACE_BESIDE_PUNCTUATION, ''),
    // No stray space between Chinese characters, full-width punctuation, no double space after 。.
    flaws: (t) => [
      new RegExp(`${HAN} +${HAN}`).test(t) && `a stray space between Chinese characters: "${t}"`,
      new RegExp(`${HAN}[,:;?!]`).test(t) && `half-width punctuation after Chinese: "${t}"`,
      // 。 escaped: the bundle is ASCII (scripts/build.mjs) and esbuild keeps a regular expression's characters as written.
      /\u3002 /.test(t) && `a space after 。: "${t}"`,
    ].filter((f): f is string => !!f),
  },
});
