/**
 * Imports an interactive screen's module (and with it ink). ink's layout engine,
 * yoga, instantiates its WebAssembly through `fetch` when there is one, and
 * touching Node's fetch loads its whole HTTP client first (~25 ms of every
 * screen's start). With fetch out of sight for the import, yoga decodes the same
 * bytes itself. zcopy never uses fetch, and it is put back straight after.
 */
export async function loadUi<T>(load: () => Promise<T>): Promise<T> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) delete (globalThis as { fetch?: unknown }).fetch;
  try {
    return await load();
  } finally {
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
  }
}
