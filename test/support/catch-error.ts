/**
 * Runs `run` and returns the error it throws, so a test can look at its code and fields.
 * @throws the error itself when it is not of the expected class, or an Error when none is thrown.
 */
export function catchError<T extends Error>(
  kind: abstract new (...args: never[]) => T,
  run: () => unknown,
): T {
  try {
    run();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}`);
}
