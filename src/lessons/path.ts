/**
 * The recommended path through the lessons: the one order `learn` offers, one
 * lesson after another, at each lesson's end (`__tests__/path.test.ts` checks
 * that it names every lesson of the catalogue exactly once).
 *
 * Why this order:
 * - The I/O modes come first because every later lesson assumes them: polling,
 *   then the interrupt that ends the polling, then the DMA controller that ends
 *   the CPU's copying (MAR, ADR, WC are met here and reused everywhere).
 * - traditional-nodma before traditional: the same job with the CPU doing all
 *   four copies, so that traditional's two DMA copies read as what DMA buys.
 * - Then the copy paths and zero-copy in the order each removes one more cost
 *   from read() + write(): mmap removes the copy to user space, sendfile one
 *   system call as well, sendfile-sg the last CPU copy, splice does it with
 *   page references through a pipe, msg-zerocopy from the program's own pages.
 * - page-cache next: every lesson so far went through the cache, and its costs
 *   (pollution by huge files) are what direct-io and aio-direct avoid.
 * - kernel-bypass after them: it takes the kernel out of each transfer, the end
 *   point of the send lessons, and needs pinning, met in direct-io.
 * - cow, then fbufs, last: a different job (sharing pages, not moving them),
 *   and fbufs' pool mapped in two address spaces builds on cow's shared pages.
 */
export const RECOMMENDED_PATH: readonly string[] = [
  'programmed-io',
  'interrupt-io',
  'dma-io',
  'traditional-nodma',
  'traditional',
  'mmap',
  'sendfile',
  'sendfile-sg',
  'splice',
  'msg-zerocopy',
  'page-cache',
  'direct-io',
  'aio-direct',
  'kernel-bypass',
  'cow',
  'fbufs',
];

/** The lesson after `id` on the path; null at its end, or for a lesson not on it (a teacher's own). */
export function nextOnPath(id: string): string | null {
  const at = RECOMMENDED_PATH.indexOf(id);
  return at >= 0 ? (RECOMMENDED_PATH[at + 1] ?? null) : null;
}
