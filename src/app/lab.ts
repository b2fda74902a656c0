// The lab's work, loaded only when the lab runs: its words, its helper and its reports are not every command's.
import { LAB_EXIT, LabError } from '../lab/errors.js';
import { claimPlans, judgeClaim, renderClaims, type ClaimResult } from '../lab/claims.js';
import { ensureHelper, helperSource } from '../lab/helper.js';
import { modelFigure, type ModelFigure, type Technique } from '../lab/model.js';
import { planLab, type LabArgs } from '../lab/options.js';
import type { LabEvent } from '../ui/app/route.js';
import { renderLab, summarize, type LabResult } from '../lab/report.js';
import { runHelper, type RunHelperOptions } from '../lab/run.js';
import { LAB_ERRORS, LAB_TEXT } from '../i18n/lab.js';
import { json } from '../term/layout.js';
import type { AppContext } from './context.js';

/** The lab prints as it measures: where to, how wide, and whether a terminal is there for a progress bar. */
export interface LabContext extends AppContext {
  io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; lessonsDir: string };
  out: (text: string) => void;
  width: number;
}

export interface LabCommandArgs extends LabArgs {
  json?: boolean;
  claims?: boolean;
}

/** What runLab reaches outside for, passed in so tests can supply their own. */
export interface LabDeps {
  ensure?: typeof ensureHelper;
  run?: (options: RunHelperOptions) => ReturnType<typeof runHelper>;
}

/** runLab or runClaims, with a lab failure as one line; the exit code that says why (docs/REFERENCE.md, "Exit codes"). */
export async function runLabOnce(ctx: LabContext, args: LabCommandArgs = {}): Promise<number> {
  try {
    if (args.claims) await runClaims(ctx, args);
    else await runLab(ctx, args);
    return 0;
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    ctx.warn(error.message);
    return error.exitCode;
  }
}

/** Plans, builds the helper if needed, runs it (with a progress bar on a terminal) and prints the results. */
export async function runLab(ctx: LabContext, args: LabCommandArgs, deps: LabDeps = {}): Promise<LabResult[]> {
  const { io, lang, out, paint, width } = ctx;
  const plan = planLab(args, lang);
  // The lab leaves the file cached (it was just written), so the model it stands beside is the warm one.
  const models = Object.fromEntries(plan.techniques.map((t) => [t, modelFigure(t, ctx.lessons(), { size: plan.size, chunk: plan.chunk }, plan.cold ? 'cold' : 'warm')])) as Record<Technique, ModelFigure>;
  const binary = await (deps.ensure ?? ensureHelper)({ env: ctx.env, lang, source: helperSource(io.lessonsDir) });

  const t = LAB_TEXT[lang];
  let progress: import('../ui/lab-screen.js').Progress | undefined;
  if (!args.json && io.stdout.isTTY && io.stdin.isTTY) {
    // Only a terminal gets ink, and only now.
    const { startProgress } = await import('../ui/lab-screen.js');
    progress = startProgress(io.stdout, { done: 0, total: plan.techniques.length * (plan.warmup + plan.runs), label: t.progress(plan.techniques[0], t.warmup) });
  }
  const per = plan.warmup + plan.runs;
  let output;
  try {
    output = await (deps.run ?? runHelper)({
      binary,
      plan,
      lang,
      env: ctx.env,
      onProgress: (done, total) => {
        // The label names the run that comes next.
        const technique = plan.techniques[Math.min(Math.floor(done / per), plan.techniques.length - 1)];
        const k = (done % per) + 1;
        const label = done >= total ? '' : t.progress(technique, k <= plan.warmup ? t.warmup : t.runOf(k - plan.warmup, plan.runs));
        progress?.update({ done, total, label });
      },
    });
  } finally {
    await progress?.stop();
  }
  const results = summarize(output, plan, models, lang);
  out(args.json ? json(results) : renderLab(results, output.env, plan, lang, width, paint));
  return results;
}

/**
 * `lab --claims`: the few runs each claim needs (sendfile against read() + write();
 * MSG_ZEROCOPY against mmap + write from 4 KiB to 1 MiB chunks; buffered reads against
 * O_DIRECT with a cold cache, at 64 KiB and 1 MiB), then each claim with what was
 * measured and a verdict with its caveats.
 */
export async function runClaims(ctx: LabContext, args: LabCommandArgs, deps: LabDeps = {}): Promise<ClaimResult[]> {
  const { io, lang, out, paint, width } = ctx;
  if (args.size !== undefined || args.chunk !== undefined || args.technique !== undefined || args.runs !== undefined) throw new LabError(LAB_ERRORS[lang].claimsAlone, LAB_EXIT.usage);
  const binary = await (deps.ensure ?? ensureHelper)({ env: ctx.env, lang, source: helperSource(io.lessonsDir) });
  let fs = '';
  const claims: ClaimResult[] = [];
  for (const c of claimPlans()) {
    const results: LabResult[][] = [];
    for (const run of c.runs) {
      const plan = { ...run, warmup: 1 };
      const models = Object.fromEntries(plan.techniques.map((t) => [t, modelFigure(t, ctx.lessons(), { size: plan.size, chunk: plan.chunk }, plan.cold ? 'cold' : 'warm')])) as Record<Technique, ModelFigure>;
      const output = await (deps.run ?? runHelper)({ binary, plan, lang, env: ctx.env });
      fs = output.env.fs;
      results.push(summarize(output, plan, models, lang));
    }
    claims.push(judgeClaim(c.id, results, fs, lang));
  }
  out(args.json ? json(claims.map(({ claim, source, measured, verdict, says, caveats }) => ({ claim, source, measured, verdict, says, caveats }))) : renderClaims(claims, lang, width, paint).join('\n') + '\n');
  return claims;
}

/** What the app's lab run reaches outside for, passed in so tests can supply their own. */
export interface LabInAppDeps extends LabDeps {
  /** The plan's options, `zcopy lab`'s defaults when absent (a test's tiny run). */
  args?: LabArgs;
}

/**
 * The lab as the app runs it (the home menu's lab): the same plan, helper and
 * report as `zcopy lab`, but nothing printed: it reports building the helper,
 * each technique's runs as they are measured, then its report as a page of
 * text, a failure as one line, or, once `signals` has carried a SIGINT (q in the
 * app), that it stopped, after the helper removed its files.
 */
export async function runLabInApp(ctx: AppContext, report: (e: LabEvent) => void, signals: NodeJS.EventEmitter, deps: LabInAppDeps = {}): Promise<void> {
  const { lang, paint } = ctx;
  let stopped = false;
  signals.once('SIGINT', () => void (stopped = true));
  try {
    const plan = planLab(deps.args ?? {}, lang);
    const models = Object.fromEntries(plan.techniques.map((t) => [t, modelFigure(t, ctx.lessons(), { size: plan.size, chunk: plan.chunk }, 'warm')])) as Record<Technique, ModelFigure>;
    report({ kind: 'building' });
    const binary = await (deps.ensure ?? ensureHelper)({ env: ctx.env, lang, source: helperSource(ctx.lessonsDir) });
    if (stopped) return report({ kind: 'stopped' });
    const t = LAB_TEXT[lang];
    const per = plan.warmup + plan.runs;
    const rows = (done: number) => plan.techniques.map((technique, i) => ({ technique, done: Math.max(0, Math.min(per, done - i * per)), of: per }));
    // The label names the run that comes next, as the command line's progress bar does.
    const label = (done: number) => {
      if (done >= per * plan.techniques.length) return '';
      const k = (done % per) + 1;
      return t.progress(plan.techniques[Math.floor(done / per)], k <= plan.warmup ? t.warmup : t.runOf(k - plan.warmup, plan.runs));
    };
    report({ kind: 'progress', techniques: rows(0), label: label(0) });
    const output = await (deps.run ?? runHelper)({ binary, plan, lang, env: ctx.env, signals, onProgress: (done) => report({ kind: 'progress', techniques: rows(done), label: label(done) }) });
    const results = summarize(output, plan, models, lang);
    report({ kind: 'done', report: (width) => renderLab(results, output.env, plan, lang, width, paint).replace(/\n$/, '').split('\n') });
  } catch (error) {
    if (stopped) return report({ kind: 'stopped' });
    report({ kind: 'failed', message: error instanceof LabError ? error.message : String((error as Error).message ?? error) });
  }
}
