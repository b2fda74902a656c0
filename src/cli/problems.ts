import type { AppProblem } from '../app/problems.js';
import type { Lang } from '../i18n/lang.js';
import { MESSAGES, SCALE } from '../i18n/strings.js';
import { GRADE, SHEET_HELP } from '../i18n/grade.js';
import { PAGE, type ScaleRefusal } from '../model/index.js';
import { ERRORS, KINDS } from '../quiz/index.js';
import { GiB, KiB, MiB, formatBytes } from '../term/bytes.js';

/** An application problem as the one line the command line prints for it. */
export function problemText(p: AppProblem, lang: Lang): string {
  switch (p.code) {
    case 'unknownScenario':
      return MESSAGES[lang].then(MESSAGES[lang].unknownScenario(p.name), p.guess ? MESSAGES[lang].didYouMean(p.guess) : MESSAGES[lang].seeList);
    case 'scenarioOrFile':
      return MESSAGES[lang].scenarioOrFile;
    case 'chunkNeedsSize':
      return SCALE[lang].chunkNeedsSize;
    case 'badSize':
      return SCALE[lang].bad(p.flag, p.raw);
    case 'sizeTooLarge':
      return SCALE[lang].tooLarge(p.flag, formatBytes(p.max));
    case 'chunkOverSize':
      return SCALE[lang].chunkOverSize(formatBytes(p.chunk), formatBytes(p.size));
    case 'scaleRefused':
      return scaleRefusalText(p.refusal, lang, p.id);
    case 'badReaders':
      return SCALE[lang].badReaders(p.raw, p.max);
    case 'knobNotHere':
      return SCALE[lang].knobNotHere(p.knob, p.value, p.id, p.taken);
    case 'badCount':
      return ERRORS[lang].badCount(p.raw, p.max);
    case 'badSeed':
      return ERRORS[lang].badSeed(p.raw);
    case 'badKind':
      return ERRORS[lang].badKind(p.kind, p.guess ?? undefined, KINDS);
    case 'jsonNeedsReveal':
      return ERRORS[lang].jsonNeedsReveal;
    case 'knobsCountOnly':
      return ERRORS[lang].knobsCountOnly;
    case 'formatNeedsSheet':
    case 'seedOrStudent':
    case 'noStudent':
      return SHEET_HELP[lang][p.code];
    case 'sheetWith':
      return SHEET_HELP[lang].sheetWith(p.option);
    case 'gradeJsonOrCsv':
      return GRADE[lang].both;
    case 'keyAndOptions':
      return GRADE[lang].keyAndOptions(p.option);
    case 'notKey':
      return GRADE[lang].notKey(p.file);
    case 'cannotRead':
      return GRADE[lang].unreadable(p.file, p.why);
  }
}

/** A size as `--chunk` takes it, in the largest unit that says it exactly: 4K, 96K, 1M. */
const asFlag = (n: number): string => {
  for (const [unit, size] of [['G', GiB], ['M', MiB], ['K', KiB]] as const) if (n % size === 0) return `${n / size}${unit}`;
  return String(n);
};

/** The line for a chunk the model will not count: why, and the whole pages nearest below it (a page at least) to try instead. */
export function scaleRefusalText(r: ScaleRefusal, lang: Lang, id: string | null = null): string {
  return SCALE[lang].refused(r, formatBytes(r.chunk), asFlag(Math.max(PAGE, r.chunk - (r.chunk % PAGE))), id);
}
