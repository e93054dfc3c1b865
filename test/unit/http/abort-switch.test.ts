import { describe, expect, it } from 'vitest';
import { createAbortSwitch } from '../../../connectors/http/abort/abort-switch.js';

describe('createAbortSwitch', () => {
  it('calls the listeners still registered, once', () => {
    const { signal, abort } = createAbortSwitch();
    const calls: string[] = [];
    const removed = () => calls.push('removed');
    signal.addEventListener('abort', () => calls.push('a'));
    signal.addEventListener('abort', removed);
    signal.removeEventListener('abort', removed);
    expect(signal.aborted).toBe(false);
    abort();
    abort();
    expect(signal.aborted).toBe(true);
    expect(calls).toEqual(['a']);
  });

  it('is not a plain object, so axios passes it through instead of deep-copying it per request', () => {
    const { signal } = createAbortSwitch();
    expect(Object.getPrototypeOf(signal)).not.toBe(Object.prototype);
    expect(Object.getPrototypeOf(signal)).not.toBeNull();
  });
});
