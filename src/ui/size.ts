/** A terminal's size in characters. */
export interface Size {
  cols: number;
  rows: number;
}

/** Below this the three bands and the narration cannot both fit. */
export const MIN_COLS = 72;
export const MIN_ROWS = 20;
