import { isMillwrightError, MappingError, MillwrightError, ValidationError } from 'millwright';
import { describe, expect, it } from 'vitest';

describe('MillwrightError', () => {
  it('carries a code, a message and the standard cause', () => {
    const cause = new Error('low level');
    const error = new MillwrightError('SOMETHING', 'it failed', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('SOMETHING');
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('MillwrightError');
    expect(String(error.stack)).toMatch(/^MillwrightError: it failed/);
  });

  it('reduces a foreign cause to its name and code in toJSON, so no secret can leak', () => {
    const cause = Object.assign(new Error('password=hunter2 rejected'), { code: 'EAUTH' });
    const json = new MillwrightError('LOGIN', 'login failed', { cause }).toJSON();
    expect(json).toEqual({
      name: 'MillwrightError',
      code: 'LOGIN',
      message: 'login failed',
      cause: { name: 'Error', code: 'EAUTH' },
    });
    expect(JSON.stringify(json)).not.toContain('hunter2');
  });

  it('keeps a millwright cause in full', () => {
    const inner = new MappingError('UNMAPPED_CODE', 'no canonical status for ZZZZ', {
      domain: 'workorder-status',
      value: 'ZZZZ',
    });
    const outer = new MillwrightError('MAPPING', 'mapping failed', { cause: inner });
    expect(outer.toJSON().cause).toEqual(inner.toJSON());
    expect(inner.toJSON()).toMatchObject({
      domain: 'workorder-status',
      value: 'ZZZZ',
      code: 'UNMAPPED_CODE',
    });
  });

  it('lists issues in a ValidationError message and JSON', () => {
    const issues = [1, 2, 3, 4].map((n) => ({ path: `/a/${n}`, code: 'invalid_type', message: `bad ${n}` }));
    const error = new ValidationError(issues, { schema: 'WorkOrder' });
    expect(error.message).toBe('WorkOrder is invalid: /a/1: bad 1; /a/2: bad 2; /a/3: bad 3; and 1 more');
    expect(error.toJSON()).toMatchObject({
      name: 'ValidationError',
      code: 'VALIDATION_FAILED',
      schema: 'WorkOrder',
      issues,
    });
  });
});

describe('recognising errors', () => {
  it('works with instanceof along the class hierarchy', () => {
    const error = new ValidationError([{ path: '', code: 'x', message: 'y' }]);
    expect(error instanceof ValidationError).toBe(true);
    expect(error instanceof MillwrightError).toBe(true);
    expect(error instanceof MappingError).toBe(false);
    expect(isMillwrightError(error)).toBe(true);
    expect(isMillwrightError(new Error('x'))).toBe(false);
    expect(new Error('x') instanceof MillwrightError).toBe(false);
  });

  it('recognises an error from another copy of the package (the ESM and CJS builds) by its brand', () => {
    // What another copy's ValidationError looks like: its own classes, the shared Symbol.for brand.
    class OtherBase extends Error {
      get [Symbol.for('millwright.error')]() {
        return true;
      }
      override get name(): string {
        return 'MillwrightError';
      }
    }
    class OtherValidationError extends OtherBase {
      override get name(): string {
        return 'ValidationError';
      }
    }
    const foreign = new OtherValidationError('from the other build');
    expect(isMillwrightError(foreign)).toBe(true);
    expect(foreign instanceof MillwrightError).toBe(true);
    expect(foreign instanceof ValidationError).toBe(true);
    expect(foreign instanceof MappingError).toBe(false);
  });

  it('recognises your own subclass by its prototype chain, not by the brand alone', () => {
    class DeadLetterError extends MillwrightError {}
    class PlantValidationError extends ValidationError {}
    const own = new DeadLetterError('DEAD_LETTER', 'moved to the error folder');
    expect(own instanceof DeadLetterError).toBe(true);
    expect(own instanceof MillwrightError).toBe(true);
    expect(new ValidationError([{ path: '', code: 'x', message: 'y' }]) instanceof DeadLetterError).toBe(
      false,
    );
    expect(new ValidationError([{ path: '', code: 'x', message: 'y' }]) instanceof PlantValidationError).toBe(
      false,
    );
    expect(new PlantValidationError([{ path: '', code: 'x', message: 'y' }]) instanceof ValidationError).toBe(
      true,
    );
  });
});
