/** Exit codes, as docs/REFERENCE.md documents them. */
export const EXIT = { ok: 0, usage: 1, file: 2, internal: 70 } as const;

/** Bad input from the user: one line on stderr, exit 1. */
export class UsageError extends Error {}

/** Ends a command that has already said everything it had to, with this exit code. */
export class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
