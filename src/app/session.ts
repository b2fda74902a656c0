import { TERMS } from '../glossary/index.js';
import { GLOSSARY } from '../i18n/glossary.js';
import type { Lang } from '../i18n/lang.js';
import { HOME, LEARN_CLI, UI } from '../i18n/strings.js';
import { RECOMMENDED_PATH, nextOnPath, takes, varied, type Lesson, type LessonStep } from '../lessons/index.js';
import type { Scale } from '../model/index.js';
import { compareRows, comparisonPage, pinnedHead } from '../present/compare.js';
import { explain, renderExplanation, scaleSummary, whatIfText } from '../present/explain.js';
import { glossaryEntry, renderGlossary } from '../present/glossary.js';
import { renderProgress } from '../present/progress.js';
import { BASELINES, savedLines } from '../present/savings.js';
import {
  levelsSolved,
  openStore,
  savingProblem,
  quizTotals,
  recordAnswer,
  recordLessonFinished,
  recordLessonVisit,
  recordLevelSolved,
  type LessonRecord,
  type ProgressData,
  type Store,
} from '../progress/index.js';
import type { Answered } from '../quiz/index.js';
import { judgePrediction } from '../quiz/predict.js';
import type { DrawnQuiz, HomeChoice, LabRunner, TracePage } from '../ui/app/route.js';
import { EventEmitter } from 'node:events';
import { LAB_SCREEN } from '../i18n/screens.js';
import { DEFAULTS, roughSeconds } from '../lab/limits.js';
import { TECHNIQUES } from '../lab/model.js';
import { formatBytes } from '../term/bytes.js';
import { paragraph } from '../term/layout.js';
import type { SessionProps } from '../ui/app/session.js';
import { learnView } from '../ui/learn/view.js';
import type { MenuItem } from '../ui/menu-lines.js';
import type { AppContext } from './context.js';
import { drawAimed } from './quiz-plan.js';

import { levelBench, levelItems, sandboxBench, syscallNames } from './workbench.js';

/*
 * The world the full-screen session's screens read and record (the home menu,
 * learn, the quiz, challenges, the sandbox): the lessons, the presenters, the
 * progress store. src/cli/session.ts opens the session on a terminal.
 */

/**
 * Where a lesson reopens (from the picker, by name, by n): the step it was left
 * at, with the steps already seen; left at its end, it starts again. Null: from the start.
 */
export function resumePoint(record: LessonRecord | undefined, steps: number): { step: number; seen: number[] } | null {
  const step = record?.lastStep && record.lastStep < steps ? record.lastStep : 0;
  const seen = (record?.seen ?? []).filter((n) => n >= 1 && n <= steps);
  return step || seen.length ? { step, seen } : null;
}

/** The catalogue lesson most recently left part-way, for the picker's cursor. */
export function lastVisited(ctx: AppContext): string | null {
  const lessons = openStore({ env: ctx.env, lang: ctx.lang, warn: () => {} }).data.lessons;
  const open = ctx.lessons().lessons.filter((l) => resumePoint(lessons[l.id], l.steps.length)?.step);
  open.sort((a, b) => lessons[b.id].lastAt.localeCompare(lessons[a.id].lastAt));
  return open[0]?.id ?? null;
}

export interface SessionOptions {
  /** A teacher's lesson from a file, reachable by its id besides the catalogue's. */
  own?: Lesson | null;
  /** Lessons that stand for their ids in this session besides `own`: the other side of `--vs`, in its what-if variant. */
  others?: Lesson[];
  /** The quiz the quiz screen draws; by default a fresh one of everything, as `zcopy quiz` alone. */
  quiz?: () => DrawnQuiz;
  /** Where answers are saved; by default the learner's store, opened afresh for each. */
  answers?: Store;
  /** Sees each answer after it is saved. */
  onAnswer?: (a: Answered) => void;
  /** `learn --size`: every lesson opened shows the loop once and the whole file's totals. */
  scale?: Scale | null;
  /** `zcopy trace` on a terminal: the report its page shows. */
  trace?: TracePage;
  /** Where the sandbox starts (`zcopy sandbox --from lesson --step N`) and where `w` writes (`--out`). */
  sandbox?: { from: Lesson | null; step: number; out: string | null };
}

/** What the session's screens read and record: the lessons, the presenters, the progress store. */
export function sessionWorld(ctx: AppContext, options: SessionOptions, warnLine: (line: string) => void): World {
  const { lang, paint, env } = ctx;
  const { own = null } = options;
  const t = LEARN_CLI[lang];
  // What is wrong with saving progress is said once, at the start, on the screen (the notice);
  // the store is opened afresh at each use, and each would say it again.
  const said = new Set<string>();
  const warn = (line: string) => {
    if (!said.has(line)) warnLine(line);
    said.add(line);
  };
  const first = openStore({ env, lang, warn: (line) => said.add(line) });
  const saving = savingProblem(first);
  if (saving) said.add(saving);
  const notice = [...said][0];
  const store = () => openStore({ env, lang, warn });
  if (options.answers) options.answers.warn = warn;
  const lesson = (id: string) => (own?.id === id ? own : (options.others?.find((l) => l.id === id) ?? ctx.lookup(id)));
  const all = () => ctx.lessons().lessons;
  const names = syscallNames;
  // Each level's path as the learner left it, kept for this session only: coming back to the level shows it.
  const kept = new Map<string, LessonStep[]>();
  return {
    lang,
    paint,
    ...(notice ? { notice } : {}),
    home: () => homeMenu(lang, all().map((l) => l.id), store().data, () => ctx.levels().levels.map((l) => l.id)),
    picker: {
      title: t.pickTitle,
      note: t.pickNote,
      items: () => pickerItems(ctx, store().data.lessons),
      // A what-if variant's steps are not the lesson's (onStop records none of them), so it never resumes at one.
      resume: (id) => (lesson(id).knobs ? null : resumePoint(store().data.lessons[id], lesson(id).steps.length)),
    },
    // Reading about a lesson is not taking it: no mark of what was finished or left part-way.
    explainPicker: { title: t.explainTitle, note: t.explainNote, items: () => pickerItems(ctx, {}) },
    // A quiz question's what-if or file size, where it opened the lesson; otherwise the session's.
    view: (id, as) => {
      const l = lesson(id);
      return viewOf(ctx, as?.knobs && !l.knobs ? varied(l, as.knobs) : l, as?.scale ?? options.scale ?? null);
    },
    judge: (said, step) => judgePrediction(said, { mover: step.mover, switches: step.switchesMode, event: step.event }, lang),
    // `zcopy quiz` hands its own; one aimed in the app (a lesson's end, the home menu's chooser) is drawn for its aim.
    quiz: (asked) => {
      if (options.quiz && !asked) return options.quiz();
      // A lesson's quiz in a session at a file size (`learn --size`) asks about the whole file, as the lesson showed it.
      const aim = asked?.scenario && !asked.scale && options.scale ? { ...asked, scale: options.scale } : asked;
      const l = aim?.scenario ? lesson(aim.scenario) : null;
      // A what-if variant is asked about as one (its knobs); a teacher's own lesson file, by the lesson itself.
      if (l?.knobs && !aim?.knobs) return drawAimed(ctx, { ...aim, knobs: l.knobs }, store());
      const mine = l && !l.knobs && !ctx.lessons().has(l) ? { ...ctx, lookup: (name: string) => (name === l.id ? l : ctx.lookup(name)) } : ctx;
      return drawAimed(mine, aim, store());
    },
    // The same presenters the commands print with, at the screen's width.
    explain: (id) => {
      const x = explain(lesson(id), lang);
      return (width) => renderExplanation(x, lang, width, paint);
    },
    compare: () => {
      const rows = compareRows(all());
      // Each table's title, legend and header stay in sight while its rows are scrolled to: the legend is on every page.
      let page: { width: number; at: ReturnType<typeof comparisonPage> } | null = null;
      const at = (width: number) => (page?.width === width ? page : (page = { width, at: comparisonPage(rows, lang, width, paint) })).at;
      return Object.assign((width: number) => at(width).lines, { pinned: (width: number, top: number) => pinnedHead(at(width).heads, top) });
    },
    glossary: () => {
      const entries = TERMS.map((term) => glossaryEntry(term, all(), lang));
      return (width) => renderGlossary(entries, lang, width, paint);
    },
    progress: () => {
      const { data, path } = store();
      // The levels are read only for their pars, and only when one was solved: reading them is slow.
      return () => renderProgress(data, path, lang, levelsSolved(data) ? ctx.levels().levels : [], (id) => ctx.lessons().find(id)?.steps.length);
    },
    challenges: {
      title: t.levelsTitle,
      note: t.levelsNote,
      items: () => levelItems(ctx.levels(), lang, (id) => store().data.challenges?.[id]),
      bench: (id) => levelBench(ctx.levels().find(id)!, ctx.levels(), names(), lang, kept.get(id)),
    },
    terms: {
      title: t.termsTitle,
      note: t.termsNote,
      items: () =>
        TERMS.map((term) => ({
          value: term.id,
          label: term.id,
          hint: GLOSSARY[lang].terms[term.id].name,
          // The filter finds a term by id, alias or name, its name in either language.
          names: [term.id, ...term.aliases],
          words: Object.values(GLOSSARY).map((words) => words.terms[term.id].name),
        })),
      // Where the term starts on the page: below the terms before it, each with the blank line between two.
      lineOf: (id, width) => {
        const before = TERMS.findIndex((term) => term.id === id);
        const entries = TERMS.slice(0, Math.max(0, before)).map((term) => glossaryEntry(term, all(), lang));
        return entries.length ? renderGlossary(entries, lang, width, paint).length + 1 : 0;
      },
    },
    sandbox: () => sandboxBench(ctx, options.sandbox?.from ?? null, options.sandbox?.step ?? 0, options.sandbox?.out ?? null, names()),
    lab: labRunner(ctx),
    ...(options.trace ? { trace: options.trace } : {}),
    onSolved: ({ id, score, again }) => void recordLevelSolved(store(), id, score, again),
    onKept: ({ id, steps }) => void (steps.length ? kept.set(id, steps) : kept.delete(id)),
    // A what-if variant has steps of its own: its step numbers are not the lesson's, and finishing it is not finishing the lesson.
    onFinish: (id) => {
      if (!lesson(id).knobs) recordLessonFinished(store(), id);
    },
    onStop: (id, { at, seen, predicted, moved }) => {
      if (!lesson(id).knobs) recordLessonVisit(store(), id, { at, seen, predicted, moved });
    },
    onAnswer: (a) => {
      recordAnswer(options.answers ?? store(), a.question.scenario, a.question.kind, a.verdict.right);
      options.onAnswer?.(a);
    },
  };
}

export type World = Omit<SessionProps, 'start' | 'onEnd' | 'size'>;

/** A lesson as the learn screen and its transcript show it: its saving against its job's baseline, its next lesson, a variant's words. */
export function viewOf(ctx: AppContext, lesson: Lesson, scale: Scale | null = null) {
  // A teacher's own lesson file is not on the path, so it has no "next".
  const own = ctx.lessons().has(lesson) ? null : lesson;
  const named = BASELINES[lesson.job];
  // A variant is measured against its baseline on the same machine; a baseline without that variant has no saving to show.
  const knobs = lesson.knobs;
  const base = named ? ctx.lookup(named) : null;
  const against = base && knobs ? (takes(base, knobs) ? varied(base, knobs) : null) : base;
  const saved = knobs && !against ? [] : savedLines(lesson, against, ctx.lang, scale);
  return learnView(lesson, ctx.lang, {
    nextId: own && !knobs ? null : nextOnPath(lesson.id),
    saved,
    scale: scale && scaleSummary(lesson, scale, ctx.lang),
    whatIf: (knobs && whatIfText(lesson, knobs, ctx.lang)) ?? undefined,
  });
}

/** The scenarios grouped as `list` groups them: finished ones marked ✓, those left part-way with the step they reopen at. */
function pickerItems(ctx: AppContext, records: Record<string, LessonRecord>): MenuItem<string>[] {
  const t = LEARN_CLI[ctx.lang];
  return ctx.lessons().lessons.map((l) => {
    const resume = resumePoint(records[l.id], l.steps.length);
    // Left at its last step with steps unseen, a lesson reopens at the start: what was seen is still said.
    const seen = resume?.step ? null : (resume?.seen.length ?? 0) || null;
    const said = resume?.step ? t.resumeAt(resume.step, l.steps.length) : seen ? t.seenOf(seen, l.steps.length) : null;
    return {
      value: l.id,
      label: l.id,
      hint: said ? `${said} · ${l.title[ctx.lang]}` : l.title[ctx.lang],
      group: UI[ctx.lang].groups[l.group],
      mark: records[l.id]?.finished ? '✓' : ' ',
      // The filter finds a lesson by id, alias or title, its title in either language.
      names: [l.id, ...l.aliases],
      words: Object.values(l.title),
    };
  });
}

/**
 * The home menu; its note says how far the learner is: lessons finished of the
 * catalogue's, quiz accuracy, and challenge levels solved of `levelIds`, once
 * one is. `levelIds` is called only then: reading the levels is slow.
 */
export function homeMenu(lang: Lang, ids: string[], data: ProgressData, levelIds: () => readonly string[] = () => []) {
  const t = HOME[lang];
  const items: MenuItem<HomeChoice>[] = (['learn', 'predict', 'quiz', 'challenge', 'sandbox', 'explain', 'compare', 'glossary', 'progress', 'lab'] as const).map((value) => ({
    value,
    label: t.items[value][0],
    hint: t.items[value][1],
  }));
  const finished = ids.filter((id) => (data.lessons[id]?.finished ?? 0) > 0).length;
  const { right, answered } = quizTotals(data);
  const levels = levelsSolved(data) ? levelIds() : [];
  // Counted among the levels shipped, as lessons are among the catalogue's: a level since renamed is not one of them.
  const solved = levelsSolved(data, levels);
  // Once a lesson is finished, the learn item says what is next: the first lesson on the recommended path not yet finished.
  const next = finished ? (RECOMMENDED_PATH.find((id) => ids.includes(id) && !(data.lessons[id]?.finished ?? 0)) ?? null) : null;
  if (next) items[0] = { ...items[0], hint: t.items.learnNext(next) };
  return { title: t.title, note: t.progress(finished, ids.length, answered ? { right, answered } : null, solved ? { solved, of: levels.length } : null), items };
}

/**
 * The lab as the app's lab screen runs it: `zcopy lab`'s default plan, said
 * before it starts (what it measures, roughly how long), and a run loaded only
 * when it starts (the lab's code is not every session's), stopped by the
 * SIGINT it would get from a terminal, which makes the helper clean up.
 */
export function labRunner(ctx: AppContext): LabRunner {
  const t = LAB_SCREEN[ctx.lang];
  // planLab({}) without loading the lab: its defaults and techniques are what `zcopy --help` names too.
  const plan = { ...DEFAULTS, techniques: TECHNIQUES };
  return {
    describe: (width) => [
      ...paragraph(t.does(plan.techniques.length, plan.runs, plan.warmup, formatBytes(plan.size), formatBytes(plan.chunk)), width),
      '',
      ...paragraph(t.takes(roughSeconds(plan)), width),
    ],
    start: (report) => {
      const signals = new EventEmitter();
      let stopped = false;
      // Stopped before the lab's code has loaded, it never starts.
      void import('./lab.js').then(({ runLabInApp }) => (stopped ? report({ kind: 'stopped' }) : runLabInApp(ctx, report, signals)));
      return {
        stop: () => {
          stopped = true;
          signals.emit('SIGINT', 'SIGINT');
        },
      };
    },
  };
}
