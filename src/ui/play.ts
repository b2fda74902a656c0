/**
 * Lecture mode (`learn --play`, `p`): a lesson that steps by itself, each step
 * held long enough to read its words aloud. Pure: the screens keep these fields
 * in their state, and the session's timer asks them how long to wait.
 */

/** Lecture mode's fields in a screen's state: absent, it is off (Space is "next" again). */
export interface Playing {
  play?: 'playing' | 'paused';
  /** How much faster than a lecture's pace: 2 twice as fast, 0.5 half. Kept when play stops, for the next `p`. */
  speed?: number;
}

/** What a key does in lecture mode: p starts it (play) or stops it, Space pauses or resumes, + and - change the speed. */
export type PlayAction = 'play' | 'stop' | 'pause' | 'faster' | 'slower';

/**
 * The speeds `--speed` accepts. A quarter of the pace is slower than anyone
 * reads; four times it (a step a second at the shortest) is as fast as a frame
 * can still be seen to change, which is all a rehearsal wants.
 */
export const SPEEDS = { min: 0.25, max: 4 } as const;

/** The speeds + and - step through, a media player's: fine steps near 1, where a room's pace is tuned, coarse ones beyond. */
export const LADDER = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;

/**
 * A lecture's pace. A teacher reads a step's words aloud at about 150 words a
 * minute in English and 240 characters a minute in Chinese (the usual
 * speaking rates: 2.5 words, 4 characters a second), after a moment for the
 * room to look at what changed in the machine. No step is held less than 4 s
 * (a short step still changes the figure, and the eye needs that long to find
 * where); none more than 30 s (the longest narrations are read by the room
 * faster than aloud, and a teacher who wants longer presses Space).
 */
// Measured over every lesson's steps (what a step does and its narration), before the bounds: 6 to 39 s, the median 17 s in
// both languages, so a lesson of 14 steps plays in about 4 minutes; the bounds touch only the start and the longest few.
const PACE = { look: 2, perWord: 1 / 2.5, perHan: 1 / 4, min: 4, max: 30 } as const;

/** A character read as a syllable of its own (Chinese, and Japanese and Korean should a lesson ever be written in them). */
const SYLLABLE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Seconds to read `text` aloud at a lecture's pace: a word per Latin run (`sendfile` in Chinese text too), a syllable per Han character. */
export function readingSeconds(text: string): number {
  const han = text.match(SYLLABLE)?.length ?? 0;
  const words = text.replace(SYLLABLE, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return PACE.look + words * PACE.perWord + han * PACE.perHan;
}

/** How long a step whose words are `text` is held at `speed`, in milliseconds. */
export function holdMs(text: string, speed = 1): number {
  const seconds = Math.min(PACE.max, Math.max(PACE.min, readingSeconds(text)));
  return Math.round((seconds * 1000) / speed);
}

/** `--speed X`: the number, or null where it is not one within SPEEDS (the caller says what is accepted). */
export function parseSpeed(raw: string): number | null {
  const n = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(raw) ? Number(raw) : NaN;
  return n >= SPEEDS.min && n <= SPEEDS.max ? n : null;
}

/** The next speed up or down the ladder from `speed` (which may be between its rungs, as `--speed 1.1` is), within SPEEDS. */
export function stepSpeed(speed: number, by: 1 | -1): number {
  const next = by > 0 ? LADDER.find((s) => s > speed + 1e-9) : [...LADDER].reverse().find((s) => s < speed - 1e-9);
  return next ?? speed;
}

/** What a lecture-mode key does to a screen's play fields (a screen at its end moves to its start itself: nothing is left to play there). */
export function playKey<S extends Playing>(s: S, action: PlayAction): S {
  const speed = s.speed ?? 1;
  switch (action) {
    case 'play':
      return { ...s, play: 'playing' };
    case 'stop':
      return stopped(s);
    case 'pause':
      return s.play ? { ...s, play: s.play === 'playing' ? 'paused' : 'playing' } : s;
    case 'faster':
    case 'slower':
      return s.play ? { ...s, speed: stepSpeed(speed, action === 'faster' ? 1 : -1) } : s;
  }
}

/** How a speed is written: `1×`, `0.75×`, `2×`. */
export function speedLabel(speed = 1): string {
  return `${Number(speed.toFixed(2))}×`;
}

/** Lecture mode off, its speed kept for the next `p`. */
export function stopped<S extends Playing>(s: S): S {
  const { play: _play, ...rest } = s;
  return rest as S;
}

/** The footer's first words in lecture mode: playing or paused, and at what speed. */
export function playStatus(s: Playing, words: { playing: string; paused: string }): string {
  return s.play === 'playing' ? `▶ ${words.playing} ${speedLabel(s.speed)}` : `‖ ${words.paused} ${speedLabel(s.speed)}`;
}

/** A screen's play fields alone, for a route that reopens it as it was. */
export function playOf({ play, speed }: Playing): Playing {
  return { ...(play ? { play } : {}), ...(speed === undefined ? {} : { speed }) };
}
