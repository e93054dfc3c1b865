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

describe('MillwrightError.toJSON never throws', () => {
  const revoked = (): object => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const throwingName = (): Error => {
    const error = new Error('secret');
    Object.defineProperty(error, 'name', {
      get() {
        throw new Error('name');
      },
    });
    return error;
  };

  it.each<[string, () => unknown, unknown]>([
    ['a revoked Proxy', revoked, { name: 'object' }],
    ['an error whose name getter throws', throwingName, { name: 'object' }],
    [
      'an error whose code is not text',
      () => Object.assign(new TypeError('x'), { code: 42 }),
      { name: 'TypeError' },
    ],
    ['a symbol', () => Symbol('s'), { name: 'symbol' }],
  ])('describes a cause that is %s by what can be read', (_name, cause, expected) => {
    const error = new ValidationError([{ path: '', code: 'x', message: 'y' }], { cause: cause() });
    expect(error.toJSON().cause).toEqual(expected);
    expect(() => JSON.stringify(error)).not.toThrow();
  });

  it('cuts a chain of causes that loops back', () => {
    const first = new MillwrightError('FIRST', 'first');
    const second = new MappingError('UNMAPPED_CODE', 'second', {}, { cause: first });
    Object.defineProperty(first, 'cause', { value: second });
    const json = first.toJSON();
    expect(json.cause).toMatchObject({ code: 'UNMAPPED_CODE' });
    expect((json.cause as { cause?: unknown }).cause).toBeUndefined();
    const self = new Error('self') as Error & { cause?: unknown };
    self.cause = self;
    expect(new MillwrightError('X', 'x', { cause: self }).toJSON().cause).toEqual({ name: 'Error' });
  });

  it('cuts a chain of causes deeper than 16 errors', () => {
    let error: MillwrightError<string> = new MillwrightError('E0', 'e0');
    for (let depth = 1; depth < 100; depth += 1)
      error = new MillwrightError(`E${depth}`, 'e', { cause: error });
    let json: { cause?: unknown } = error.toJSON();
    let depth = 0;
    while (json.cause !== undefined) {
      json = json.cause as { cause?: unknown };
      depth += 1;
    }
    expect(depth).toBe(15);
  });
});
