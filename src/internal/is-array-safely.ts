/**
 * `Array.isArray` for a caller's value, which may be a revoked Proxy: asking a revoked Proxy
 * throws, and it is no array to read.
 * @returns whether the value is an array; false for a revoked Proxy.
 */
export function isArraySafely(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}
