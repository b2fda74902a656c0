import type { Job } from '../../lessons/index.js';
import type { Facts, KindContext } from '../facts.js';
import { choiceQuestion, type Spec } from '../question.js';
import { shuffle } from '../rng.js';
import { CONSTRAINTS, FITS_MISTAKE, JOB_LABELS, Q, SITUATIONS, type Constraint } from '../strings.js';

/**
 * Each situation's job and the one fact that decides it: a declared property
 * (lessons/FORMAT.md gives each one meaning) or, where the situation is about a
 * count or a place, the model's timeline. Every choice does the situation's job.
 */
export const CONSTRAINT_RULES: Record<Constraint, { job: Job; fits: (f: Facts) => boolean }> = {
  modify: { job: 'send', fits: (f) => f.lesson.properties.canModify },
  socketInput: { job: 'send', fits: (f) => !f.lesson.properties.inputMustBeFile },
  // Not "works without gather": those still work, but add a CPU copy (FORMAT.md, copiesWithoutGather).
  noScatterGather: { job: 'send', fits: (f) => !f.lesson.properties.copiesWithoutGather },
  noSyscallPerChunk: { job: 'send', fits: (f) => f.phases.perTransfer.syscalls === 0 },
  hugeFile: { job: 'read', fits: (f) => f.bypassesPageCache },
};

const sameJob = (all: Facts[], job: Job) => all.filter((g) => g.lesson.job === job);

function fitsSpec(f: Facts, c: Constraint, all: Facts[]): Spec {
  const id = f.lesson.id;
  const rule = CONSTRAINT_RULES[c];
  return {
    kind: 'fits',
    scenario: id,
    build: (rng, lang) => {
      const candidates = shuffle(rng, sameJob(all, rule.job).filter((g) => !rule.fits(g)));
      const wrong = candidates.slice(0, 3);
      const ids = shuffle(rng, [id, ...wrong.map((g) => g.lesson.id)]);
      const s = SITUATIONS[lang][c];
      const failsOf = (g: Facts) => s.fails(g.lesson.id, g.phases.perTransfer);
      const others = wrong.map(failsOf).join(lang === 'zh' ? '；' : '; ') + (lang === 'zh' ? '。' : '.');
      const p = f.lesson.properties;
      const caveats = [p.needsPipe ? Q.fitsCaveat[lang].needsPipe : '', p.ownsDevice ? Q.fitsCaveat[lang].ownsDevice : ''].filter(Boolean);
      return choiceQuestion(
        {
          id: `fits:${c}:${id}`,
          kind: 'fits',
          scenario: id,
          // The scenario is the answer: the header names the job instead.
          heading: JOB_LABELS[lang][rule.job],
          counter: null,
          prompt: Q.fitsPrompt[lang](s.text),
          explanation: [Q.fitsExplain[lang](id, s.fits, others), ...caveats].join(lang === 'zh' ? '' : ' '),
          lang,
          revisit: { command: `zcopy compare ${ids.join(' ')}` },
        },
        ids,
        ids.indexOf(id),
        (choice) => {
          const g = wrong.find((w) => w.lesson.id === ids[choice])!;
          return { misconception: FITS_MISTAKE[lang](failsOf(g)), revisit: { command: `zcopy compare ${id} ${ids[choice]}` } };
        },
      );
    },
  };
}

/** Every situation this lesson fits, where its job has three techniques that do not. */
export const fitsSpecs = (f: Facts, { all }: KindContext): Spec[] =>
  CONSTRAINTS.filter((c) => {
    const rule = CONSTRAINT_RULES[c];
    return f.lesson.job === rule.job && rule.fits(f) && sameJob(all, rule.job).filter((g) => !rule.fits(g)).length >= 3;
  }).map((c) => fitsSpec(f, c, all));
