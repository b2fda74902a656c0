import { learnKey, learnTick, type LearnEffect } from '../learn/controller.js';
import { initialLesson, lessonHold, renderLesson, type LessonState } from '../learn/frame.js';
import type { KeyResult } from '../use-keys.js';
import { playOf } from '../play.js';
import type { LearnView } from '../learn/view.js';
import { pointedAt, type Route, type RouteOf, type ScreenEffect, type ScreenModule } from './route.js';

export interface LessonScreen {
  view: LearnView;
  lesson: LessonState;
}

/**
 * A lesson as a route. Its effects are turned into the session's here and only
 * here: reaching the end is recorded, q goes back a level, Ctrl-C quits.
 */
export const LESSON: ScreenModule<'learn', LessonScreen> = {
  // However the lesson is opened (by name, from the picker, by n), what progress saw of it counts, and without a step asked for it reopens where it was left.
  enter: (route, deps) => {
    // A what-if variant's steps are not the lesson's: what progress saw of the lesson is not its.
    const saved = route.knobs ? null : (deps.picker.resume?.(route.id) ?? null);
    const seen = [...new Set([...(route.seen ?? []), ...(saved?.seen ?? [])])].sort((a, b) => a - b);
    const at = route.step ?? saved?.step ?? 0;
    const as = { ...(route.knobs ? { knobs: route.knobs } : {}), ...(route.scale ? { scale: route.scale } : {}) };
    const lesson = { ...initialLesson(route.predict, route.back !== null, at, seen, route.step === undefined), ...route.play };
    return { view: route.knobs || route.scale ? deps.view(route.id, as) : deps.view(route.id), lesson };
  },
  key: (s, key, route, deps) => settle(s, learnKey(s.lesson, key, { view: s.view, judge: deps.judge, size: deps.size }), route),
  wait: (s) => lessonHold(s.view, s.lesson),
  tick: (s, route) => settle(s, learnTick(s.lesson, { view: s.view }), route),
  frame: (s, _route, { size, paint }) => renderLesson(s.view, s.lesson, size, paint),
};

/** A step of the lesson (a key's, or lecture mode's clock's) with its effects turned into the session's. */
function settle(s: LessonScreen, step: KeyResult<LessonState, LearnEffect>, route: RouteOf<'learn'>): KeyResult<LessonScreen, ScreenEffect> {
  // A variant opened from a quiz question is not the lesson: finishing it is not finishing the lesson, nor are its steps the lesson's.
  const recorded = (step.effects ?? []).filter((e) => !route.knobs || (e.kind !== 'finished' && e.kind !== 'stopped'));
  const effects = recorded.map((e): ScreenEffect => {
    switch (e.kind) {
      case 'quiz': {
        // q from the quiz comes back here, to the end, as it was left.
        const here: Route = { ...route, step: step.state.position, seen: step.state.seen, play: playOf(step.state) };
        return { kind: 'go', to: { screen: 'quiz', aim: { scenario: route.id, ...(route.knobs ? { knobs: route.knobs } : {}), ...(route.scale ? { scale: route.scale } : {}) }, back: here } };
      }
      case 'finished':
        return { kind: 'finished', id: route.id };
      case 'stopped':
        return { kind: 'stopped', id: route.id, stopped: e };
      case 'open': {
        // The next lesson replaces this one: q from it goes back where this one would have. Lecture mode's speed goes with it, for its p.
        const { speed } = playOf(step.state);
        return { kind: 'go', to: { screen: 'learn', id: e.id, predict: step.state.predict, back: pointedAt(route.back, e.id), ...(speed === undefined ? {} : { play: { speed } }) } };
      }
      case 'leave':
        return e.leaving === 'all' ? { kind: 'quit' } : { kind: 'back' };
    }
  });
  return { state: { ...s, lesson: step.state }, effects };
}
