/** The closest candidate to a mistyped name, if one is close enough to be worth suggesting. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const c of candidates) {
    // A prefix of at least three letters is a good guess, but a closer spelling is better.
    const typo = editDistance(name, c);
    const d = c.startsWith(name) && name.length >= 3 ? Math.min(typo, 2) : typo;
    if (!best || d < best.distance) best = { name: c, distance: d };
  }
  // A third of the word may be wrong before a guess stops helping.
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
