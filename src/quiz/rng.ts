/**
 * The quiz's own seeded random numbers: mulberry32, a 32-bit generator small
 * enough to read, with no dependency on Node's or V8's Math.random. A seed is an
 * unsigned 32-bit integer (0 to 4294967295); the same seed gives the same
 * sequence on every machine, so a quiz can be replayed with `--seed`.
 */
export const MAX_SEED = 0xffffffff;

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export function below(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[below(rng, items.length)];
}

/** A shuffled copy (Fisher-Yates). */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = below(rng, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The seed a `--seed` value names, or undefined if it is not a whole number from 0 to MAX_SEED. */
export function parseSeed(text: string): number | undefined {
  if (!/^\d{1,10}$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n <= MAX_SEED ? n : undefined;
}

/** A student's name as `--student` reads it: trimmed, each run of spaces one space, NFC, lower case. */
export const studentKey = (name: string): string => name.trim().replace(/\s+/g, ' ').normalize('NFC').toLowerCase();

/**
 * The seed of a student's own quiz: FNV-1a (32 bits) of the UTF-8 bytes of the
 * name as studentKey reads it, so "Ada Lovelace" and " ada  LOVELACE" draw the
 * same questions on every machine, and a teacher remakes any student's key from
 * the name alone (docs/REFERENCE.md gives the algorithm and an example).
 */
export function seedOfName(name: string): number {
  return fnv1a32(studentKey(name));
}

/** FNV-1a, 32 bits, of the UTF-8 bytes of `text`: a seed that any machine, and a teacher by hand, derives alike. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}
