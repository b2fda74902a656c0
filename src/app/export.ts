import type { Lesson } from '../lessons/index.js';
import type { Scale } from '../model/index.js';
import { RENDERERS, type ExportInput } from '../present/export/index.js';
import type { AppContext } from './context.js';

export interface ExportFormat {
  /** The endings of an --out file that ask for this format, so that `--out x.svg` needs no --format. */
  endings: readonly string[];
  /** It draws one moment, so `--step` means something to it. */
  takesStep: boolean;
  /** Loaded only when asked for: a format's code runs only when it is written. */
  load: () => Promise<(ctx: AppContext, x: ExportInput) => string>;
}

/**
 * Every format `zcopy export` writes, in the order its help lists them: the pure views of
 * src/present/export/, and html, whose pages draw the learn screen's frames (src/ui), so it is
 * put together here. A new format is one more entry; the command, its choices, its completion
 * and its checks follow.
 */
export const EXPORT_FORMATS_TABLE: Record<string, ExportFormat> = {
  ...Object.fromEntries(
    Object.entries(RENDERERS).map(([name, r]) => [
      name,
      {
        endings: r.endings,
        takesStep: r.takesStep,
        load: async () => {
          const render = await r.load();
          return (_ctx: AppContext, x: ExportInput) => render(x);
        },
      },
    ]),
  ),
  html: {
    endings: ['.html', '.htm'],
    takesStep: true,
    load: async () => {
      const { lessonPage } = await import('./pages.js');
      // A page opens at step 1 unless told: the start frame is one ← away.
      return (ctx: AppContext, x: ExportInput) => lessonPage(ctx, x.lesson, x.scale, x.step ?? 1);
    },
  },
};

export const EXPORT_FORMATS = Object.keys(EXPORT_FORMATS_TABLE);

/** The format an --out file's ending asks for, or undefined. */
export function formatOfPath(path: string): string | undefined {
  const lower = path.toLowerCase();
  return EXPORT_FORMATS.find((f) => EXPORT_FORMATS_TABLE[f].endings.some((e) => lower.endsWith(e)));
}

/** One lesson in one format. */
export async function exportLesson(ctx: AppContext, format: string, lesson: Lesson, scale: Scale | null, step: number | null): Promise<string> {
  const render = await EXPORT_FORMATS_TABLE[format].load();
  return render(ctx, { lesson, lang: ctx.lang, scale, step, catalog: ctx.lessons().lessons });
}
