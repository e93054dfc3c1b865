import { ValidationError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { resolvePaginateOptions } from '../../../connectors/rest/pagination-options.js';
import { catchError } from '../../support/catch-error.js';

const pathsOf = (options: unknown): string[] =>
  catchError(ValidationError, () => resolvePaginateOptions(options as never)).issues.map(
    (issue) => issue.path,
  );

describe('resolvePaginateOptions', () => {
  it('fills every default of each style', () => {
    expect(resolvePaginateOptions({ style: 'offset' })).toMatchObject({
      style: 'offset',
      offsetParam: 'offset',
      limitParam: 'limit',
      limit: 100,
      params: {},
      headers: undefined,
      correlationId: undefined,
    });
    const cursor = resolvePaginateOptions({ style: 'cursor' });
    expect(cursor).toMatchObject({ style: 'cursor', cursorParam: 'cursor' });
    if (cursor.style !== 'cursor') throw new Error('expected the cursor style');
    expect(cursor.nextCursor({ next_cursor: 7 })).toBe('7');
    expect(cursor.items({ value: [1, 2] })).toEqual([1, 2]);
    expect(cursor.items({ total: 2 })).toBeUndefined();
  });

  it('reports an unknown style and a bad limit by JSON Pointer, with the schema name', () => {
    const error = catchError(ValidationError, () => resolvePaginateOptions({ style: 'pages' } as never));
    expect(error.schema).toBe('PaginateOptions');
    expect(error.issues).toEqual([{ path: '/style', code: 'invalid_value', message: expect.any(String) }]);
    expect(pathsOf({ style: 'offset', limit: -5 })).toEqual(['/limit']);
    expect(pathsOf({ style: 'offset', limit: 0 })).toEqual(['/limit']);
    expect(pathsOf({ style: 'offset', limit: Number.POSITIVE_INFINITY })).toEqual(['/limit']);
    expect(pathsOf({ style: 'offset', limit: '10' })).toEqual(['/limit']);
    expect(pathsOf({ style: 'offset', limitParam: '', offsetParam: 3 })).toEqual([
      '/offsetParam',
      '/limitParam',
    ]);
    expect(pathsOf({ style: 'link', headers: 'x', correlationId: 5 })).toEqual([
      '/headers',
      '/correlationId',
    ]);
    expect(pathsOf(undefined)).toEqual(['']);
  });
});
