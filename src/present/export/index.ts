import type { Lang } from '../../i18n/lang.js';
import type { Lesson } from '../../lessons/index.js';
import type { Scale } from '../../model/index.js';

/** What every export reads: the lesson (a what-if variant where knobs were turned), its scale, the step asked for. */
export interface ExportInput {
  lesson: Lesson;
  lang: Lang;
  /** `--size/--chunk`: the counts are the whole file's. */
  scale: Scale | null;
  /** `--step N`: the machine as it is after step N; null, the whole lesson. */
  step: number | null;
  /** Every lesson: the quiz's wrong choices and comparisons draw on them. */
  catalog: readonly Lesson[];
}

export interface Renderer {
  /** The endings of an --out file that ask for this format, so that `--out x.svg` needs no --format. */
  endings: readonly string[];
  /** It draws one moment, so `--step` means something to it. */
  takesStep: boolean;
  /** Loaded only when asked for: a format's code runs only when it is written. */
  load: () => Promise<(x: ExportInput) => string>;
}

/**
 * The formats that are pure views of a lesson's trace, in the order export's help lists them.
 * src/app/export.ts adds html, whose pages draw the learn screen's frames, and is the table the
 * command reads.
 */
export const RENDERERS: Record<string, Renderer> = {
  svg: { endings: ['.svg'], takesStep: true, load: async () => (await import('./svg.js')).svg },
  mermaid: { endings: ['.mmd', '.mermaid'], takesStep: true, load: async () => (await import('./mermaid.js')).mermaid },
  md: { endings: ['.md', '.markdown'], takesStep: false, load: async () => (await import('./handout.js')).handout },
};

