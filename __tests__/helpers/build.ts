import { PALETTE_ORDER } from '../../src/i18n/build.js';
import type { LessonStep } from '../../src/lessons/index.js';
import { step as stepOf } from '../../src/model/index.js';
import type { Keypress } from '../../src/ui/keypress.js';
import { buildKey, type BuildContext, type BuildEffect } from '../../src/ui/builder/controller.js';
import { current, fieldChoices, remaining, type BuildState } from '../../src/ui/builder/state.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The keys a learner presses to add `target` with the palette, read off the
 * palette as it opens (which kind the cursor starts on, which values each field
 * offers): a choice is the one whose moves lead where the target does. Also the
 * phase keys, pressed first, that give the step its phase.
 */
export function keysFor(b: BuildState, target: LessonStep, ctx: BuildContext): Keypress[] {
  const want = stepOf(current(b), target.event);
  const keys: Keypress[] = [];
  let s = b;
  const press = (k: Keypress) => {
    keys.push(k);
    s = buildKey(s, k, ctx).state;
  };
  for (let guard = 0; s.phase !== target.phase && guard < 3; guard++) press('t');
  press('enter');
  const kind = PALETTE_ORDER.indexOf(target.event.type);
  while (s.palette!.cursor !== kind) press('l');
  press('enter');
  while (s.palette) {
    const choices = fieldChoices(s.palette)!;
    const index = choices.values.findIndex((v) => remaining({ ...s.palette!, picks: [...s.palette!.picks, { field: choices.field, value: v, auto: false }] }).some((m) => same(m.next, want)));
    if (index < 0) throw new Error(`no choice of ${choices.field} leads to the step ${JSON.stringify(target.event)}`);
    while (s.palette!.cursor !== index) press('l');
    press('enter');
  }
  return keys;
}

/** Builds a whole path by keys, from `b`; returns the keys, the final state and every effect. */
export function buildByKeys(b: BuildState, steps: readonly LessonStep[], ctx: BuildContext) {
  const keys: Keypress[] = [];
  const effects: BuildEffect[] = [];
  let s = b;
  for (const target of steps) {
    for (const k of keysFor(s, target, ctx)) {
      const r = buildKey(s, k, ctx);
      s = r.state;
      effects.push(...(r.effects ?? []));
      keys.push(k);
    }
  }
  return { keys, state: s, effects };
}

