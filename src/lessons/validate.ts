import {
  EVENT_FIELDS,
  EVENT_TYPES,
  IRQ_SOURCES,
  LOCATIONS,
  PHASES,
  StepError,
  phaseOrderBreak,
  run,
  type Event,
  type FieldKind,
} from '../model/index.js';
import { LANGS, type Text } from '../i18n/lang.js';
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

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

/**
 * Checks that `data` (a parsed lesson file) is a lesson, then runs its steps
 * through the model. Returns the lesson, or every problem found.
 */
export function validateLesson(data: unknown, source: string): { lesson: Lesson } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const fail = (path: Path, message: string) => {
    problems.push({ path, message });
  };

  if (!isRecord(data)) return { problems: [{ path: [], message: 'a lesson must be a mapping of fields' }] };

  const str = (path: Path, value: unknown): string => {
    if (typeof value !== 'string' || value.trim() === '') fail(path, 'must be a non-empty string');
    return typeof value === 'string' ? value : '';
  };
  const text = (path: Path, value: unknown): Text => {
    if (!isRecord(value)) {
      fail(path, `must give the text in every language (${LANGS.join(', ')})`);
      return { en: '', zh: '' };
    }
    for (const key of Object.keys(value)) {
      if (!(LANGS as readonly string[]).includes(key)) fail([...path, key], `is not a language zcopy speaks (${LANGS.join(', ')})`);
    }
    return { en: str([...path, 'en'], value.en), zh: joinWideLines(str([...path, 'zh'], value.zh)) };
  };
  const list = <T>(path: Path, value: unknown, each: (p: Path, v: unknown) => T, optional = false): T[] => {
    if (value === undefined && optional) return [];
    if (!Array.isArray(value)) {
      fail(path, 'must be a list');
      return [];
    }
    return value.map((v, i) => each([...path, i], v));
  };

  const known = new Set([
    'id', 'aliases', 'group', 'job', 'order', 'title', 'summary', 'since', 'api', 'payload',
    'properties', 'steps', 'limits', 'usedBy', 'notes',
  ]);
  for (const key of Object.keys(data)) if (!known.has(key)) fail([key], 'is not a lesson field');

  const id = str(['id'], data.id);
  if (id && !ID_PATTERN.test(id)) fail(['id'], 'must be lower-case letters, digits and dashes, starting with a letter');
  const aliases = list(['aliases'], data.aliases, (p, v) => {
    const alias = str(p, v);
    if (alias && !ID_PATTERN.test(alias)) fail(p, 'must be lower-case letters, digits and dashes, starting with a letter');
    return alias;
  }, true);

  if (!GROUPS.includes(data.group as never)) fail(['group'], `must be one of ${GROUPS.join(', ')}`);
  if (!JOBS.includes(data.job as never)) fail(['job'], `must be one of ${JOBS.join(', ')} (what the lesson does, end to end)`);
  const order = data.order ?? 0;
  if (typeof order !== 'number' || !Number.isFinite(order)) fail(['order'], 'must be a number');

  const since = data.since === undefined || data.since === null ? null : str(['since'], data.since);
  const api = list(['api'], data.api, (p, v) => {
    if (!isRecord(v)) {
      fail(p, 'must be a mapping with a signature');
      return { signature: '', since: null };
    }
    return {
      signature: str([...p, 'signature'], v.signature),
      since: v.since === undefined || v.since === null ? null : str([...p, 'since'], v.since),
    };
  }, true);

  const payload = list(['payload'], data.payload, (p, v) => {
    if (typeof v !== 'string' || !/^[A-Za-z0-9]{1,3}$/.test(v)) fail(p, 'must be a short block name (1 to 3 letters or digits)');
    return String(v);
  });
  if (Array.isArray(data.payload) && payload.length === 0) fail(['payload'], 'needs at least one block');
  if (new Set(payload).size !== payload.length) fail(['payload'], 'block names must be distinct');

  // A property left out is false: a lesson names only what its technique needs or allows.
  const properties = Object.fromEntries(PROPERTY_KEYS.map((k) => [k, false])) as unknown as Properties;
  if (data.properties !== undefined && !isRecord(data.properties)) fail(['properties'], `must be a mapping of ${PROPERTY_KEYS.join(', ')}`);
  else if (data.properties !== undefined) {
    for (const key of PROPERTY_KEYS) {
      const v = data.properties[key];
      if (v !== undefined && typeof v !== 'boolean') fail(['properties', key], 'must be true or false');
      properties[key] = v === true;
    }
    for (const key of Object.keys(data.properties)) {
      if (!(PROPERTY_KEYS as readonly string[]).includes(key)) fail(['properties', key], 'is not a property zcopy knows');
    }
  }

  const steps = list(['steps'], data.steps, (p, v): LessonStep => {
    if (!isRecord(v)) {
      fail(p, 'must be a mapping with an event and its text');
      return { event: { type: 'run' } as Event, phase: 'transfer', text: { en: '', zh: '' } };
    }
    for (const key of Object.keys(v)) {
      if (!STEP_FIELDS.includes(key)) fail([...p, key], `is not a step field (${STEP_FIELDS.join(', ')})`);
    }
    const phase = v.phase ?? 'transfer';
    if (!PHASES.includes(phase as never)) fail([...p, 'phase'], `must be one of ${PHASES.join(', ')}`);
    return { event: checkEvent([...p, 'event'], v.event, payload, fail), phase: phase as LessonStep['phase'], text: text([...p, 'text'], v.text) };
  });
  if (Array.isArray(data.steps) && steps.length === 0) fail(['steps'], 'needs at least one step');
  else if (problems.length === 0) {
    const at = phaseOrderBreak({ payload, steps });
    if (at >= 0) fail(['steps', at, 'phase'], `comes after a ${steps[at - 1].phase} step: a lesson's steps are setup, then transfer, then teardown`);
    else if (!steps.some((s) => s.phase === 'transfer')) fail(['steps'], 'needs at least one transfer step (the steps repeated for every chunk)');
  }

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
    steps,
    limits: list(['limits'], data.limits, text, true),
    usedBy: list(['usedBy'], data.usedBy, text, true),
    notes: list(['notes'], data.notes, text, true),
    source,
  };
  if (problems.length > 0) return { problems };

  let end;
  try {
    end = run(lesson).at(-1)!;
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    return { problems: [{ path: ['steps', error.step - 1, 'event'], message: `step ${error.step} is illegal: ${error.reason}` }] };
  }
  // MODEL.md's interrupt rule: every finished DMA transfer's completion is taken, by an interrupt or by polling.
  if (end.dma.status === 'done') {
    const last = lesson.steps.map((s) => s.event.type).lastIndexOf('dmaTransfer');
    return { problems: [{ path: ['steps', last, 'event'], message: `step ${last + 1}'s DMA transfer finishes, but no later step takes its completion (raise and handle its interrupt, or poll its status)` }] };
  }
  return { lesson };
}

const STEP_FIELDS = ['event', 'phase', 'text'];

function checkEvent(path: Path, value: unknown, payload: string[], fail: (p: Path, m: string) => void): Event {
  if (!isRecord(value)) {
    fail(path, 'must be a mapping with a type');
    return { type: 'run' };
  }
  const type = value.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as string[]).includes(type)) {
    fail([...path, 'type'], `must be one of ${EVENT_TYPES.join(', ')}`);
    return { type: 'run' };
  }
  const fields = EVENT_FIELDS[type as Event['type']];
  for (const key of Object.keys(value)) {
    if (key !== 'type' && !(key in fields)) {
      const allowed = Object.keys(fields);
      fail([...path, key], `is not a field of ${type}${allowed.length ? ` (it takes ${allowed.join(', ')})` : ' (it takes none)'}`);
    }
  }
  for (const [key, spec] of Object.entries(fields)) {
    const v = value[key];
    if (v === undefined) {
      if (spec.required) fail([...path, key], `is required for ${type}`);
      continue;
    }
    const complaint = checkField(spec.kind, v, payload);
    if (complaint) fail([...path, key], complaint);
  }
  return value as unknown as Event;
}

function checkField(kind: FieldKind, v: unknown, payload: string[]): string | null {
  switch (kind) {
    case 'place':
      return (LOCATIONS as readonly unknown[]).includes(v) ? null : `${JSON.stringify(v)} is not a place (one of ${LOCATIONS.join(', ')})`;
    case 'name':
      return typeof v === 'string' && /^[a-z_][a-z0-9_]*$/.test(v) ? null : 'must be a system call name such as sendfile';
    case 'block':
      return payload.includes(v as string) ? null : `${JSON.stringify(v)} is not a payload block (${payload.join(', ')})`;
    case 'blocks': {
      if (!Array.isArray(v) || v.length === 0) return 'must be a non-empty list of payload blocks';
      const stray = v.find((b) => !payload.includes(b));
      return stray === undefined ? null : `${JSON.stringify(stray)} is not a payload block (${payload.join(', ')})`;
    }
    case 'flag':
      return typeof v === 'boolean' ? null : 'must be true or false';
    case 'count':
      return Number.isInteger(v) && (v as number) > 0 ? null : 'must be a whole number above 0';
    case 'irqSource':
      return (IRQ_SOURCES as readonly unknown[]).includes(v) ? null : `must be one of ${IRQ_SOURCES.join(', ')}`;
  }
}

const SPACE_BETWEEN_WIDE = /([\u3000-\u303f\u3400-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])/g;

/**
 * YAML folds a long line into several with a space between them; Chinese puts
 * no space between characters, so a folded space there is dropped.
 */
function joinWideLines(text: string): string {
  return text.replace(SPACE_BETWEEN_WIDE, '$1');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
