/** Something a learner may name: its id (what a suggestion says), the other names it answers to, and its title. */
export interface Named {
  id: string;
  aliases?: readonly string[];
  title?: string;
}

/**
 * The id of the candidate closest to a mistyped name, if one is close enough to
 * be worth suggesting; every command's "did you mean" comes from here. A name is
 * close when it is a small misspelling of an id or an alias, a beginning of one
 * (`trad`), one of its dash-separated parts (`zerocopy` in `msg-zerocopy`) or a
 * word of its title, nearly spelt. A candidate found by an alias is suggested by
 * its id, which `zcopy list` shows; among equally close ones, an id beats an
 * alias, an alias a title, and the shorter the better.
 */
export function closest(name: string, candidates: Iterable<string | Named>): string | undefined {
  const typed = normal(name);
  if (!typed) return undefined;
  // Short words have few letters to spare: "nic" is not "wc", nor "foo" "cow".
  const allowed = typed.length <= 3 ? 1 : typed.length <= 6 ? 2 : 3;
  let best: { id: string; rank: number[] } | undefined;
  let order = 0;
  for (const c of candidates) {
    const { id, aliases = [], title } = typeof c === 'string' ? { id: c } : c;
    const names = [id, ...aliases].map((n, i) => ({ n: normal(n), kind: i === 0 ? 0 : 1 }));
    // Title words are the least sure: only whole words of four letters or more, compared as parts.
    const words = typed.length >= 4 && title ? title.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 4).map((n) => ({ n, kind: 2 })) : [];
    for (const { n, kind } of [...names, ...words]) {
      const d = distanceTo(typed, n, kind === 2);
      if (d > allowed) continue;
      const rank = [d, kind, Math.abs(n.length - typed.length), order];
      if (!best || less(rank, best.rank)) best = { id, rank };
    }
    order++;
  }
  return best?.id;
}

/** Case, spaces and underscores do not make a name different: `MSG_ZEROCOPY` is `msg-zerocopy`. */
const normal = (s: string): string => s.trim().toLowerCase().replace(/[\s_]+/g, '-');

/**
 * How far `typed` is from `name`: its spelling distance from the whole name, or,
 * one more than that, from a beginning of it or a run of its dash-separated parts
 * (a part alone when `partsOnly`, as for a title's word, which is never whole).
 */
function distanceTo(typed: string, name: string, partsOnly: boolean): number {
  let d = partsOnly ? Infinity : editDistance(typed, name);
  if (typed.length < 3) return d;
  if (name.startsWith(typed) && name !== typed) d = Math.min(d, 1);
  const parts = name.split('-');
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j <= parts.length; j++) {
      if (i === 0 && j === parts.length && !partsOnly) continue;
      d = Math.min(d, editDistance(typed, parts.slice(i, j).join('-')) + (partsOnly ? 0 : 1));
    }
  }
  return partsOnly ? d + 1 : d;
}

const less = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
};

/** Edits (insert, delete, change, or swap two neighbours, as "qiuz" for "quiz") from a to b. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
