/** Exit codes of `zcopy lab` beyond the CLI's own (docs/REFERENCE.md, "Exit codes"). */
export const LAB_EXIT = {
  /** A bad option, as for every command. */
  usage: 1,
  /** The lab cannot run here: not Linux, no C compiler, the helper does not build, or the machine failed the experiment. */
  unavailable: 3,
} as const;

/** A one-line failure of `zcopy lab` with the exit code that says why. */
export class LabError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
