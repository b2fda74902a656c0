export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** A string the learner reads, in every language zcopy speaks. */
export type Text = Record<Lang, string>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The language the locale asks for, in POSIX precedence: LC_ALL, then
 * LC_MESSAGES, then LANG. zh_* means Chinese; anything else English.
 */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh([_.@-]|$)/i.test(locale) ? 'zh' : 'en';
}
