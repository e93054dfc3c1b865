import { HttpError } from 'millwright';
import { describe, expect, it } from 'vitest';
import {
  chooseRetryDelay,
  exceedsRetryAfter,
} from '../../../connectors/http/middleware/choose-retry-delay.js';

const settings = { baseDelayMs: 200, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };
const half = () => 0.5;
const answer = (retryAfterMs?: number) =>
  new HttpError('HTTP_STATUS', {
    method: 'GET',
    url: 'https://h',
    status: 503,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

describe('chooseRetryDelay', () => {
  it('never waits less than the backoff, whatever Retry-After says', () => {
    expect(chooseRetryDelay(1, answer(0), settings, half)).toBe(100);
    expect(chooseRetryDelay(3, answer(0), settings, half)).toBe(400);
    expect(chooseRetryDelay(1, answer(), settings, half)).toBe(100);
    expect(chooseRetryDelay(1, new Error('x'), settings, half)).toBe(100);
  });

  it('waits a longer Retry-After, up to maxRetryAfterMs', () => {
    expect(chooseRetryDelay(1, answer(5_000), settings, half)).toBe(5_000);
    expect(chooseRetryDelay(1, answer(120_000), settings, half)).toBe(120_000);
  });
});

describe('exceedsRetryAfter', () => {
  it('is true only for a Retry-After above maxRetryAfterMs', () => {
    expect(exceedsRetryAfter(answer(120_001), settings)).toBe(true);
    expect(exceedsRetryAfter(answer(120_000), settings)).toBe(false);
    expect(exceedsRetryAfter(answer(), settings)).toBe(false);
    expect(exceedsRetryAfter(new Error('x'), settings)).toBe(false);
  });
});
