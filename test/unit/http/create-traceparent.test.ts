import { describe, expect, it } from 'vitest';
import { continueTrace, createTraceparent } from '../../../connectors/http/middleware/create-traceparent.js';

const FORMAT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-01$/;

describe('createTraceparent', () => {
  it('uses a UUID correlation id as the trace-id, in lower case', () => {
    const header = createTraceparent('0F8FAD5B-D9CB-469F-A165-70867728950E');
    expect(header).toMatch(FORMAT);
    expect(header.slice(3, 35)).toBe('0f8fad5bd9cb469fa16570867728950e');
  });

  it('makes a random trace-id for other correlation ids, and for the nil UUID', () => {
    for (const id of [
      'job-42',
      '00000000-0000-0000-0000-000000000000',
      'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
    ]) {
      expect(createTraceparent(id)).toMatch(FORMAT);
    }
  });

  it('makes a new parent-id each time', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => createTraceparent('job').slice(36, 52)));
    expect(ids.size).toBe(2000);
  });
});

describe('continueTrace', () => {
  it("keeps the call's trace-id and flags, with a new parent-id", () => {
    const call = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00';
    const next = continueTrace(call, 'job');
    expect(next).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-(?!0{16})[0-9a-f]{16}-00$/);
    expect(next.slice(36, 52)).not.toBe('b7ad6b7169203331');
  });

  it('starts a trace from the correlation id when the call has no valid traceparent', () => {
    for (const traceparent of [undefined, 'garbage', `00-${'0'.repeat(32)}-b7ad6b7169203331-01`]) {
      const header = continueTrace(traceparent, '0f8fad5b-d9cb-469f-a165-70867728950e');
      expect(header).toMatch(FORMAT);
      expect(header.slice(3, 35)).toBe('0f8fad5bd9cb469fa16570867728950e');
    }
    expect(continueTrace(undefined, undefined)).toMatch(FORMAT);
  });
});
