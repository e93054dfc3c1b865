import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../connectors/http/middleware/parse-retry-after.js';

const NOW = Date.parse('2026-05-13T08:29:30Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 3600 ', NOW)).toBe(3_600_000);
  });

  it('reads an HTTP date (IMF-fixdate, RFC 850, asctime)', () => {
    expect(parseRetryAfter('Wed, 13 May 2026 08:30:00 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Wednesday, 13-May-26 08:31:00 GMT', NOW)).toBe(90_000);
    expect(parseRetryAfter('Wed May 13 08:29:40 2026', NOW)).toBe(10_000);
  });

  it('takes a date in the past as "now"', () => {
    expect(parseRetryAfter('Wed, 13 May 2026 08:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what it does not understand', () => {
    for (const value of [undefined, '', 'soon', '-5', '1.5', '0x10', 'NaN', '2026-05-13', 'Wed, garbage'])
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
