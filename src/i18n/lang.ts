/**
 * # Where words live
 *
 * Every word zcopy shows a learner is in src/i18n/, one catalogue per area
 * (quiz.ts, lab.ts, learn.ts, ...), and every catalogue has one shape: a table per
 * language, built by `catalogue()`, read as `AREA[lang].message` or, for a message
 * with parameters, `AREA[lang].message(params)`. English is the reference table;
 * every other language must give every one of its messages with the same
 * parameters, or the build fails. Where languages differ in word order, the
 * message is a function that puts its parameters where its language wants them.
 *
 * Punctuation that code puts between words it joins (lists, clauses, colons,
 * sentences) is punctuation.ts's: `PUNCTUATION[lang].list(items)` and the like.
 *
 * Code outside src/i18n/ holds no word, no Chinese character and no test of
 * the language (__tests__/words.test.ts checks both): a third language is one
 * more name in LANGS and one more table in each catalogue, and no code.
 *
 * A lesson's and a level's own text (lessons/*.yaml, challenges/*.yaml) is data,
 * `{en, zh}` per field (`Text`), and stays so.
 */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** A string the learner reads, in every language zcopy speaks: a lesson's or a level's own text. */
export type Text = Record<Lang, string>;

/** A page's language tag (BCP 47): zcopy's Chinese is simplified, as written in mainland China; a browser picks fonts by it. */
export const HTML_LANG: Text = { en: 'en', zh: 'zh-CN' };

/** One table of words per language, each with every message of the English one. */
export type Catalogue<W> = { readonly [L in Lang]: W };

/**
 * A catalogue from its tables: the English table sets the messages and their
 * parameters, and every other table must match it, key for key.
 */
export function catalogue<W>(tables: { en: W } & { [L in Exclude<Lang, 'en'>]: NoInfer<W> }): Catalogue<W> {
  return tables;
}

/** A value in every language, from a function of the language: a Text built from catalogue words. */
export function everyLang<T>(of: (lang: Lang) => T): Record<Lang, T> {
  return Object.fromEntries(LANGS.map((l) => [l, of(l)])) as Record<Lang, T>;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The locales that ask for each language; English is what any other asks for. */
const LOCALES: Record<Lang, RegExp | null> = { en: null, zh: /^zh([_.@-]|$)/i };

/**
 * The language the locale asks for, in POSIX precedence: LC_ALL, then
 * LC_MESSAGES, then LANG. zh_* means Chinese; anything else English.
 */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return LANGS.find((l) => LOCALES[l]?.test(locale)) ?? 'en';
}
