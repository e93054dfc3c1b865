import { describe, expect, it } from 'vitest';
import { findNextLink } from '../../../connectors/rest/find-next-link.js';

describe('findNextLink', () => {
  it('finds rel=next among several links, quoted or not, in any case', () => {
    expect(findNextLink('<https://a/x?p=1>; rel="prev", <https://a/x?p=3>; rel="next"')).toBe(
      'https://a/x?p=3',
    );
    expect(findNextLink('</x?p=2>; rel=next')).toBe('/x?p=2');
    expect(findNextLink('</x?p=2>; title="a, b; c"; REL="last NEXT"')).toBe('/x?p=2');
    expect(findNextLink(['</x?p=1>; rel="first"', '</x?p=2>; rel="next"'])).toBe('/x?p=2');
  });

  it('returns undefined when there is no next page', () => {
    expect(findNextLink(undefined)).toBeUndefined();
    expect(findNextLink('')).toBeUndefined();
    expect(findNextLink('</x?p=9>; rel="last"')).toBeUndefined();
    expect(findNextLink('</x?p=9>; rel="nextish"')).toBeUndefined();
    expect(findNextLink('garbage')).toBeUndefined();
  });
});
