import { catalogue } from './lang.js';

type Items = readonly string[];

const orEn = (items: Items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
const orZh = (items: Items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join('、')} 或 ${items.at(-1)}`);

/**
 * What the command line says of a command line it cannot parse, in place of
 * yargs' own messages: one line each, with what would have been accepted.
 * `usage` is a command's synopsis (`zcopy validate <files..>`); `option` an
 * option as typed (`--lang`); `help` the command's help (`zcopy learn --help`).
 */
export const USAGE = catalogue({
  en: {
    missingArgument: (usage: string) => `an argument is missing; usage: ${usage}`,
    extraArgument: (word: string, usage: string) => `unexpected argument "${word}"; usage: ${usage}`,
    unknownOption: (option: string) => `unknown option ${option}`,
    needsValue: (option: string, choices: Items | null, help: string) => (choices ? `${option} needs a value: ${orEn(choices)}` : `${option} needs a value; see ${help}`),
    /** Where to read what a command takes, after what was wrong. */
    see: (help: string) => `see ${help}`,
    badChoice: (what: string, given: string, choices: Items) => `${what} takes ${orEn(choices)}, not "${given}"`,
    /** A completion script asked for without naming a shell, from a $SHELL zcopy has none for. */
    noScriptFor: (shell: string, shells: Items) => `completion scripts are for ${orEn(shells)}, not ${shell}: name one, as in zcopy completion ${shells[0]}`,
  },
  zh: {
    missingArgument: (usage) => `缺少参数；用法：${usage}`,
    extraArgument: (word, usage) => `多余的参数“${word}”；用法：${usage}`,
    unknownOption: (option) => `没有 ${option} 这个选项`,
    needsValue: (option, choices, help) => (choices ? `${option} 需要一个值：${orZh(choices)}` : `${option} 需要一个值；请看 ${help}`),
    see: (help) => `请看 ${help}`,
    badChoice: (what, given, choices) => `${what} 只能是 ${orZh(choices)}，不能是“${given}”`,
    noScriptFor: (shell, shells) => `补全脚本只有 ${orZh(shells)} 的，没有 ${shell} 的：请指明一个，例如 zcopy completion ${shells[0]}`,
  },
});
