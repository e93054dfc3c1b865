import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../connectors/http/http-clock.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('systemClock', () => {
  it('sleeps past the longest timer in parts, instead of firing at once', async () => {
    vi.useFakeTimers();
    let done = false;
    const sleeping = systemClock.sleep(2 ** 31 + 1000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(false); // a single timer of 2^31 + 1000 ms would have fired by now
    await vi.advanceTimersByTimeAsync(2 ** 31 - 2);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1001);
    expect(done).toBe(true);
    await sleeping;
  });

  it('resolves at once for no wait', async () => {
    vi.useFakeTimers();
    await expect(systemClock.sleep(0)).resolves.toBeUndefined();
  });
});
