/**
 * The name of a thrown value for an error message (`TypeError`, or `string` for a thrown string),
 * read without anything that could throw again: a thrown object's `name` getter may throw too.
 */
export function thrownName(error: unknown): string {
  try {
    return error instanceof Error && typeof error.name === 'string' ? error.name : typeof error;
  } catch {
    return 'Error';
  }
}
