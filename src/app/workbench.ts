import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { CHALLENGE, checks, type Level, type Levels } from '../challenge/index.js';
import { BUILD } from '../i18n/build.js';
import { everyLang, type Lang } from '../i18n/lang.js';
import { MACHINE } from '../i18n/machine.js';
import { LEARN_CLI } from '../i18n/strings.js';
import type { LevelRecord } from '../progress/index.js';
import { ID_PATTERN, LessonError, formatProblem, parseLesson, yaml, type Lesson, type LessonStep } from '../lessons/index.js';
import { DEFAULT_MACHINE, SYSCALLS, traceOf } from '../model/index.js';
import { type Judged, type LevelGoal, type Workbench } from '../ui/builder/state.js';
import type { MenuItem } from '../ui/menu-lines.js';
import type { AppContext } from './context.js';

/** The system calls the palette offers: every one the machine knows a contract for (an alias such as pread is accepted in a file, not offered). */
export function syscallNames(): string[] {
  return [...SYSCALLS];
}

/**
 * A level as the challenge screen plays it: its machine, what it bans, and a
 * judge that ticks each condition; from `kept`, the path the learner left it
 * with earlier in the session, if any.
 */
export function levelBench(level: Level, levels: Levels, names: string[], lang: Lang, kept: readonly LessonStep[] = []): Workbench {
  const at = levels.levels.indexOf(level);
  const vs = CHALLENGE[lang].vsPar;
  const goal: LevelGoal = {
    id: level.id,
    title: level.title[lang],
    summary: level.summary[lang],
    machineNote: [CHALLENGE[lang].machine(level.features), Object.keys(level.perTransfer).length ? CHALLENGE[lang].perChunkNote : null].filter(Boolean).join(' ') || null,
    hints: level.hints.map((h) => h[lang]),
    place: level.goal.at,
    limits: Object.fromEntries(Object.entries(level.limits).map(([k, max]) => [k, `/${max}`])),
    perChunk: Object.keys(level.perTransfer).length > 0,
    next: levels.levels[at + 1]?.id ?? null,
    judge: (steps): Judged => {
      const c = checks(level, steps);
      const solved = c.checks.every((x) => !x.unmet);
      return {
        checks: c.checks.map((x) => ({ text: CHALLENGE[lang].condition(x.condition), met: !x.unmet })),
        solved,
        solvedLines: solved
          ? [
              `${vs(MACHINE[lang].counter.modeSwitches, c.counts.modeSwitches, level.par.modeSwitches)} · ${vs(CHALLENGE[lang].steps, steps.length, level.par.steps)}`,
              level.summary[lang],
              CHALLENGE[lang].learnMore(level.teaches),
            ]
          : [],
        score: { modeSwitches: c.counts.modeSwitches, steps: steps.length },
      };
    },
  };
  const opening = kept.length ? BUILD[lang].keptPath(kept.length) : undefined;
  return { name: level.id, payload: level.payload, machine: level.machine, start: [...kept], banned: level.banned, names, level: goal, opening };
}

/** The levels menu: in climbing order, solved ones marked ✓. */
export function levelItems(levels: Levels, lang: Lang, recordOf: (id: string) => LevelRecord | undefined): MenuItem<string>[] {
  return levels.levels.map((l) => {
    const record = recordOf(l.id);
    const solved = (record?.solved ?? 0) > 0;
    return {
      value: l.id,
      label: l.id,
      hint: LEARN_CLI[lang].levelHint(l.title[lang], l.par, solved ? record!.best : null),
      mark: solved ? '✓' : ' ',
      // The filter finds a level by id or title, its title in either language (not by its par).
      words: Object.values(l.title),
    };
  });
}

/**
 * The sandbox: the default machine, from a lesson's payload and its first `step`
 * steps (or A B C D and nothing); `w` writes the path as a lesson that `zcopy
 * validate` accepts, to `out` or to a new sandbox.yaml, then to that file again.
 */
export function sandboxBench(ctx: AppContext, from: Lesson | null, step: number, out: string | null, names: string[]): Workbench {
  const { lang } = ctx;
  // Chosen at the first write, so that later writes update this session's draft and never a file that was there.
  let target: string | null = null;
  // What this session last wrote there: a file that no longer holds it was edited meanwhile (another terminal, an editor), and is the learner's.
  let wrote: string | null = null;
  const write = (steps: readonly LessonStep[]) => {
    const t = BUILD[lang];
    const edited = target !== null && wrote !== null && changedSince(target, wrote) ? target : null;
    if (edited) [target, wrote] = [null, null];
    for (;;) {
      target ??= freshName(resolve(out ?? 'sandbox.yaml'));
      const text = lessonText(basename(target), from?.payload ?? PAYLOAD, steps);
      try {
        // What is written is what validate would say of it: a path it would refuse is not written.
        parseLesson(text, target, lang);
        // A new draft is created only where nothing is: a file made there since its name was chosen is left alone.
        writeFileSync(target, text, { flag: wrote === null ? 'wx' : 'w' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          target = null;
          continue;
        }
        if (error instanceof LessonError) return { ok: false, text: t.notWritten(formatProblem(basename(target), error.problems[0])) };
        return { ok: false, text: t.notWritten((error as NodeJS.ErrnoException).code ?? (error as Error).message) };
      }
      wrote = text;
      return { ok: true, text: edited ? t.wroteBeside(shortPath(edited), shortPath(target)) : t.wrote(shortPath(target)) };
    }
  };
  // From a lesson, the screen draws every place the lesson goes on to (the NIC, at step 6 of sendfile), not only those reached so far.
  const places = from ? traceOf(from).places : undefined;
  return { name: 'sandbox', payload: from?.payload ?? PAYLOAD, machine: DEFAULT_MACHINE, start: from ? from.steps.slice(0, step) : [], banned: [], names, level: null, places, write };
}

const PAYLOAD = ['A', 'B', 'C', 'D'];

/** `name`, or name-2, name-3... : the first that does not exist, so that nothing saved before is overwritten. */
function freshName(path: string): string {
  const ext = /\.(ya?ml|json)$/.exec(path)?.[0] ?? '';
  const stem = path.slice(0, path.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? path : `${stem}-${n}${ext}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** Whether `path` no longer holds `text`, what was written there: a file removed since is not an edit to keep. */
function changedSince(path: string, text: string): boolean {
  try {
    return readFileSync(path, 'utf8') !== text;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

const shortPath = (path: string) => (path.startsWith(`${process.cwd()}/`) ? path.slice(process.cwd().length + 1) : path);

/** The path as a lesson file: the steps with their phases and their descriptions as a first narration, to edit. */
function lessonText(file: string, payload: readonly string[], steps: readonly LessonStep[]): string {
  const { end } = traceOf({ payload, steps });
  const job = end.places.nic.length ? 'send' : end.places.user.length ? 'read' : 'share';
  const stem = file.replace(/\.(ya?ml|json)$/, '').toLowerCase();
  const safeId = ID_PATTERN.test(stem) ? stem : 'sandbox';
  const lesson = {
    id: safeId,
    group: 'beyond',
    job,
    title: everyLang((l) => BUILD[l].draftTitle),
    summary: everyLang((l) => BUILD[l].draftSummary),
    payload: [...payload],
    steps: steps.map((s) => ({ event: s.event, ...(s.phase === 'transfer' ? {} : { phase: s.phase }), text: s.text })),
  };
  return `# Drafted with zcopy sandbox; edit the title, summary and texts, then: zcopy validate ${file}\n${yaml().stringify(lesson, { lineWidth: 100 })}`;
}
