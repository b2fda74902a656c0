import {
  EVENT_FIELDS,
  EVENT_TYPES,
  IRQ_SOURCES,
  LOCATIONS,
  PHASES,
  StepError,
  completionPending,
  DEFAULT_KNOBS,
  KNOB_NAMES,
  KNOB_VALUES,
  combinations,
  touchesNic,
  knobFlags,
  happens,
  knobsOf,
  variantOf,
  type SwitchKnob,
  phaseOrderBreak,
  traceOf,
  type Event,
  type FieldKind,
} from '../model/index.js';
import { everyLang, LANGS, type Lang, type Text } from '../i18n/lang.js';
import { PUNCTUATION } from '../i18n/punctuation.js';
import { PROBLEMS } from '../i18n/problems.js';
import { SCALE_TEXT } from '../i18n/strings.js';
import { refusalText } from '../i18n/refusals.js';
import { GROUPS, JOBS, PROPERTY_KEYS, type Lesson, type LessonStep, type Properties } from './types.js';

export type Path = (string | number)[];

/** One thing wrong with a lesson, located by its field path (and a line, once the loader knows it). */
export interface Problem {
  path: Path;
  message: string;
  line?: number;
}

export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

/** The top-level fields of a lesson file. */
export const LESSON_FIELDS: ReadonlySet<string> = new Set([
  'id', 'aliases', 'group', 'job', 'order', 'title', 'summary', 'since', 'api', 'payload',
  'properties', 'steps', 'unaffected', 'variantSummaries', 'limits', 'usedBy', 'notes',
]);

/**
 * Checks that `data` (a parsed lesson file) is a lesson, then runs its steps
 * through the model. Returns the lesson, or every problem found, said in `lang`.
 */
export function validateLesson(data: unknown, source: string, lang: Lang = 'en'): { lesson: Lesson } | { problems: Problem[] } {
  const t = PROBLEMS[lang];
  const problems: Problem[] = [];
  const r = readers(lang, problems);
  const { fail, str, text, list } = r;

  if (!isRecord(data)) return { problems: [{ path: [], message: t.notMapping }] };

  for (const key of Object.keys(data)) if (!LESSON_FIELDS.has(key)) fail([key], t.notLessonField);

  const id = str(['id'], data.id);
  if (id && !ID_PATTERN.test(id)) fail(['id'], t.idPattern);
  const aliases = list(['aliases'], data.aliases, (p, v) => {
    const alias = str(p, v);
    if (alias && !ID_PATTERN.test(alias)) fail(p, t.idPattern);
    return alias;
  }, true);

  if (!GROUPS.includes(data.group as never)) fail(['group'], t.oneOf(GROUPS.join(', ')));
  if (!JOBS.includes(data.job as never)) fail(['job'], t.job(JOBS.join(', ')));
  const order = data.order ?? 0;
  if (typeof order !== 'number' || !Number.isFinite(order)) fail(['order'], t.number);

  const since = data.since === undefined || data.since === null ? null : str(['since'], data.since);
  const api = list(['api'], data.api, (p, v) => {
    if (!isRecord(v)) {
      fail(p, t.apiEntry);
      return { signature: '', since: null };
    }
    return {
      signature: str([...p, 'signature'], v.signature),
      since: v.since === undefined || v.since === null ? null : str([...p, 'since'], v.since),
    };
  }, true);

  const payload = readPayload(['payload'], data.payload, r, lang);

  // A property left out is false: a lesson names only what its technique needs or allows.
  const properties = Object.fromEntries(PROPERTY_KEYS.map((k) => [k, false])) as unknown as Properties;
  if (data.properties !== undefined && !isRecord(data.properties)) fail(['properties'], t.properties(PROPERTY_KEYS.join(', ')));
  else if (data.properties !== undefined) {
    for (const key of PROPERTY_KEYS) {
      const v = data.properties[key];
      if (v !== undefined && typeof v !== 'boolean') fail(['properties', key], t.trueFalse);
      properties[key] = v === true;
    }
    for (const key of Object.keys(data.properties)) {
      if (!(PROPERTY_KEYS as readonly string[]).includes(key)) fail(['properties', key], t.notProperty);
    }
  }

  const steps = readSteps(['steps'], data.steps, payload, r, lang);
  const knobs = knobsOf(steps);
  const unaffected = withoutANic(readUnaffected(data.unaffected, knobs, r, lang), knobs, steps);
  const variantSummaries = readVariantSummaries(data.variantSummaries, knobs, r, lang);

  const lesson: Lesson = {
    id,
    aliases,
    group: data.group as Lesson['group'],
    job: data.job as Lesson['job'],
    order: typeof order === 'number' ? order : 0,
    title: text(['title'], data.title),
    summary: text(['summary'], data.summary),
    since,
    api,
    payload,
    properties,
    steps: steps.filter((st) => happens(st, DEFAULT_KNOBS)),
    ...(knobs.length ? { variants: { steps, knobs } } : {}),
    ...(unaffected ? { unaffected } : {}),
    ...(variantSummaries.length ? { variantSummaries } : {}),
    limits: list(['limits'], data.limits, text, true),
    usedBy: list(['usedBy'], data.usedBy, text, true),
    notes: list(['notes'], data.notes, text, true),
    source,
  };
  if (problems.length > 0) return { problems };

  // Every variant the lesson's knobs make must run as a lesson does: each step legal, every completion taken.
  // A knob that changes nothing still turns the machine: the same steps must run on it.
  for (const variantKnobs of combinations([...knobs, ...(Object.keys(unaffected ?? {}) as SwitchKnob[])])) {
    const script = variantOf(payload, steps, variantKnobs);
    // A problem names the step in the file, which the variant's numbering skips over.
    const inFile = (i: number) => steps.indexOf(script.steps[i]);
    const variant = knobFlags(variantKnobs);
    const say = (message: string) => (variant ? t.inVariant(variant, message) : message);
    let end;
    try {
      end = traceOf(script).end;
    } catch (error) {
      if (!(error instanceof StepError)) throw error;
      return { problems: [{ path: ['steps', inFile(error.step - 1), 'event'], message: say(t.illegalStep(inFile(error.step - 1) + 1, refusalText(error.refusal, lang))) }] };
    }
    // docs/MODEL.md's interrupt rule: every finished device transfer's completion is taken, by an interrupt or by polling.
    if (completionPending(end)) {
      const handsToDevice = (e: (typeof script.steps)[number]['event']) => e.type === 'dmaTransfer' || (e.type === 'cpuCopy' && e.to === 'nic');
      const last = inFile(script.steps.map((s) => handsToDevice(s.event)).lastIndexOf(true));
      return { problems: [{ path: ['steps', last, 'event'], message: say(t.completionNotTaken(last + 1)) }] };
    }
    // A program's run ends in user mode: a call it entered returns (a read() that never returns is a program that hangs).
    if (end.call) {
      const entered = inFile(script.steps.map((s) => s.event.type === 'syscall').lastIndexOf(true));
      return { problems: [{ path: ['steps', entered, 'event'], message: say(t.endsInCall(end.call.name, entered + 1)) }] };
    }
  }
  return { lesson };
}

/** The field readers every data file zcopy loads shares: each records what is wrong in `problems` and returns a usable value. */
export interface Readers {
  problems: Problem[];
  fail: (path: Path, message: string) => void;
  str: (path: Path, value: unknown) => string;
  text: (path: Path, value: unknown) => Text;
  list: <T>(path: Path, value: unknown, each: (p: Path, v: unknown) => T, optional?: boolean) => T[];
}

export function readers(lang: Lang, problems: Problem[] = []): Readers {
  const t = PROBLEMS[lang];
  const fail = (path: Path, message: string) => {
    problems.push({ path, message });
  };
  const str = (path: Path, value: unknown): string => {
    if (typeof value !== 'string' || value.trim() === '') fail(path, t.nonEmptyString);
    return typeof value === 'string' ? value : '';
  };
  const text = (path: Path, value: unknown): Text => {
    if (!isRecord(value)) {
      fail(path, t.everyLanguage(LANGS.join(', ')));
      return everyLang(() => '');
    }
    for (const key of Object.keys(value)) {
      if (!(LANGS as readonly string[]).includes(key)) fail([...path, key], t.notLanguage(LANGS.join(', ')));
    }
    return everyLang((l) => PUNCTUATION[l].unfold(str([...path, l], value[l])));
  };
  const list = <T>(path: Path, value: unknown, each: (p: Path, v: unknown) => T, optional = false): T[] => {
    if (value === undefined && optional) return [];
    if (!Array.isArray(value)) {
      fail(path, t.list);
      return [];
    }
    return value.map((v, i) => each([...path, i], v));
  };
  return { problems, fail, str, text, list };
}

/**
 * A list of steps over `payload`, checked field by field and for phase order.
 * With `textOptional`, a step may leave its narration out (a challenge's path
 * says what it does, not why).
 */
export function readSteps(path: Path, value: unknown, payload: string[], r: Readers, lang: Lang, textOptional = false): LessonStep[] {
  const t = PROBLEMS[lang];
  const { fail, list, text, problems } = r;
  const before = problems.length;
  const steps = list(path, value, (p, v): LessonStep => {
    if (!isRecord(v)) {
      fail(p, t.stepMapping);
      return { event: { type: 'run' } as Event, phase: 'transfer', text: everyLang(() => '') };
    }
    for (const key of Object.keys(v)) {
      if (!STEP_FIELDS.includes(key)) fail([...p, key], t.notStepField(STEP_FIELDS.join(', ')));
    }
    const phase = v.phase ?? 'transfer';
    if (!PHASES.includes(phase as never)) fail([...p, 'phase'], t.oneOf(PHASES.join(', ')));
    const said = textOptional && v.text === undefined ? everyLang(() => '') : text([...p, 'text'], v.text);
    const when = v.when === undefined ? undefined : readWhen([...p, 'when'], v.when, fail, lang);
    if (v.each !== undefined && v.each !== 'reader') fail([...p, 'each'], t.oneOf('reader'));
    const each = v.each === 'reader' ? { each: 'reader' as const } : {};
    return { event: checkEvent([...p, 'event'], v.event, payload, fail, lang), phase: phase as LessonStep['phase'], text: said, ...(when ? { when } : {}), ...each };
  });
  if (Array.isArray(value) && steps.length === 0) fail(path, t.needsStep);
  else if (problems.length === before) {
    const at = phaseOrderBreak({ payload, steps });
    if (at >= 0) fail([...path, at, 'phase'], t.phaseOrder(steps[at - 1].phase));
    else if (!steps.some((s) => s.phase === 'transfer')) fail(path, t.needsTransfer);
  }
  return steps;
}

/** `unaffected`: the knobs that change nothing in the lesson, each with why; none of them may be a step's `when`. */
function readUnaffected(value: unknown, knobs: readonly string[], r: Readers, lang: Lang): Lesson['unaffected'] {
  const t = PROBLEMS[lang];
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    r.fail(['unaffected'], t.unaffectedMapping(KNOB_NAMES.join(', ')));
    return undefined;
  }
  const out: NonNullable<Lesson['unaffected']> = {};
  for (const [k, why] of Object.entries(value)) {
    const path = ['unaffected', k];
    if (!(KNOB_NAMES as string[]).includes(k)) r.fail(path, t.notKnob(KNOB_NAMES.join(', ')));
    else if (knobs.includes(k)) r.fail(path, t.unaffectedButWhen(k));
    else out[k as SwitchKnob] = r.text(path, why);
  }
  return out;
}

/**
 * `variantSummaries`: a summary for the variants whose `when` it names, and a
 * title where the lesson's would be wrong there. Each names knobs the steps
 * change, and not the lesson as written (that is `summary`).
 */
function readVariantSummaries(value: unknown, knobs: readonly string[], r: Readers, lang: Lang): NonNullable<Lesson['variantSummaries']> {
  const t = PROBLEMS[lang];
  return r.list(
    ['variantSummaries'],
    value,
    (path, v) => {
      if (!isRecord(v)) {
        r.fail(path, t.variantSummaryMapping);
        return { when: {}, text: everyLang(() => '') };
      }
      const when = readWhen([...path, 'when'], v.when, r.fail, lang) ?? {};
      for (const k of Object.keys(when)) if (!knobs.includes(k)) r.fail([...path, 'when', k], t.summaryKnobUnused(k));
      if (happens({ when }, DEFAULT_KNOBS)) r.fail([...path, 'when'], t.summaryAsWritten);
      const { when: _named, title, ...words } = v;
      return { when, text: r.text(path, words), ...(title === undefined ? {} : { title: r.text([...path, 'title'], title) }) };
    },
    true,
  );
}

/** A lesson no step of which names the NIC sends nothing: whether the NIC gathers changes nothing, and the engine knows it. */
function withoutANic(unaffected: Lesson['unaffected'], knobs: readonly string[], steps: readonly LessonStep[]): Lesson['unaffected'] {
  if (knobs.includes('nic') || unaffected?.nic || touchesNic(steps)) return unaffected;
  return { ...unaffected, nic: everyLang((l) => SCALE_TEXT[l].noNic) };
}

/** A step's `when`: knob names and their values (`{cache: cold}`, `{nic: nosg}`). */
function readWhen(path: Path, value: unknown, fail: Readers['fail'], lang: Lang): LessonStep['when'] {
  const t = PROBLEMS[lang];
  if (!isRecord(value)) {
    fail(path, t.whenMapping(KNOB_NAMES.join(', ')));
    return undefined;
  }
  const when: NonNullable<LessonStep['when']> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!(KNOB_NAMES as string[]).includes(k)) fail([...path, k], t.notKnob(KNOB_NAMES.join(', ')));
    else if (!(KNOB_VALUES[k as SwitchKnob] as readonly unknown[]).includes(v)) fail([...path, k], t.oneOf(KNOB_VALUES[k as SwitchKnob].join(', ')));
    else (when as Record<string, unknown>)[k] = v;
  }
  return when;
}

/** A payload: one to many distinct block names. */
export function readPayload(path: Path, value: unknown, r: Readers, lang: Lang): string[] {
  const t = PROBLEMS[lang];
  const payload = r.list(path, value, (p, v) => {
    if (typeof v !== 'string' || !/^[A-Za-z0-9]{1,3}$/.test(v)) r.fail(p, t.blockName);
    return String(v);
  });
  if (Array.isArray(value) && payload.length === 0) r.fail(path, t.needsBlock);
  if (new Set(payload).size !== payload.length) r.fail(path, t.distinctBlocks);
  return payload;
}

const STEP_FIELDS = ['event', 'phase', 'text', 'when', 'each'];

function checkEvent(path: Path, value: unknown, payload: string[], fail: (p: Path, m: string) => void, lang: Lang): Event {
  const t = PROBLEMS[lang];
  if (!isRecord(value)) {
    fail(path, t.eventMapping);
    return { type: 'run' };
  }
  const type = value.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as string[]).includes(type)) {
    fail([...path, 'type'], t.oneOf(EVENT_TYPES.join(', ')));
    return { type: 'run' };
  }
  const fields = EVENT_FIELDS[type as Event['type']];
  for (const key of Object.keys(value)) {
    if (key !== 'type' && !(key in fields)) {
      fail([...path, key], t.notEventField(type, Object.keys(fields)));
    }
  }
  for (const [key, spec] of Object.entries(fields)) {
    const v = value[key];
    if (v === undefined) {
      if (spec.required) fail([...path, key], t.requiredFor(type));
      continue;
    }
    const complaint = checkField(spec.kind, v, payload, lang);
    if (complaint) fail([...path, key], complaint);
  }
  return value as unknown as Event;
}

function checkField(kind: FieldKind, v: unknown, payload: string[], lang: Lang): string | null {
  const t = PROBLEMS[lang];
  switch (kind) {
    case 'place':
      return (LOCATIONS as readonly unknown[]).includes(v) ? null : t.notPlace(JSON.stringify(v), LOCATIONS.join(', '));
    case 'name':
      return typeof v === 'string' && /^[a-z_][a-z0-9_]*$/.test(v) ? null : t.syscallName;
    case 'block':
      return payload.includes(v as string) ? null : t.notBlock(JSON.stringify(v), payload.join(', '));
    case 'blocks': {
      if (!Array.isArray(v) || v.length === 0) return t.blockList;
      const stray = v.find((b) => !payload.includes(b));
      return stray === undefined ? null : t.notBlock(JSON.stringify(stray), payload.join(', '));
    }
    case 'flag':
      return typeof v === 'boolean' ? null : t.trueFalse;
    case 'count':
      return Number.isInteger(v) && (v as number) > 0 ? null : t.count;
    case 'irqSource':
      return (IRQ_SOURCES as readonly unknown[]).includes(v) ? null : t.oneOf(IRQ_SOURCES.join(', '));
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
