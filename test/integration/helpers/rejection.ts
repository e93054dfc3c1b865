/**
 * Awaits a call that must fail.
 * @returns what the promise rejected with, for the test to look at.
 * @throws an Error when the promise resolves instead.
 */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}
