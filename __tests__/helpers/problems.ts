import { AppError, type AppProblem } from '../../src/app/problems.js';

/** The problem `act` is refused with: the application says what is wrong as data, never as words. */
export function problemOf(act: () => unknown): AppProblem {
  try {
    act();
  } catch (error) {
    if (error instanceof AppError) return error.problem;
    throw error;
  }
  throw new Error('not refused');
}
