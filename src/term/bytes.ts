/** Byte sizes as learners type them and as zcopy prints them: binary units, as the kernel's tools count. */
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;
export const TiB = 1024 * GiB;

const UNITS = { '': 1, k: KiB, m: MiB, g: GiB, t: TiB } as const;

/** "64M", "64MiB", "64k", "1G", "1T", "4096": whole bytes; undefined when it is not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (!m) return undefined;
  const bytes = Number(m[1]) * UNITS[m[2].toLowerCase() as keyof typeof UNITS];
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** The largest unit that says `n` exactly, to a quarter: "64 KiB", "1 GiB", "1.5 MiB", else bytes. */
export function formatBytes(n: number): string {
  for (const [unit, size] of [['TiB', TiB], ['GiB', GiB], ['MiB', MiB], ['KiB', KiB]] as const) {
    if (n >= size && n % (size / 4) === 0) return `${n / size} ${unit}`;
  }
  return `${grouped(n)} B`;
}

/** A count as the scale figures print it, its digits grouped by thousands: 1,048,576 (in Chinese too: one rule for both). */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Every whole number of four digits or more in `text` grouped: a formula such as "1 + 16384 x 2" as it is printed. */
export function groupedIn(text: string): string {
  return text.replace(/(?<![\d.,])\d{4,}(?![\d.])/g, (digits) => grouped(Number(digits)));
}
