import { describe, expect, it } from '@jest/globals';
import { createUserBodySchema, updateUserBodySchema } from '@poolkeeper/contract';
import { AppError } from '../errors/app-error';
import { ZodValidationPipe } from './zod-validation.pipe';

function issues(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return { code: (e as AppError).code, details: (e as AppError).details };
  }
  throw new Error('expected a validation error');
}

describe('ZodValidationPipe', () => {
  it('names the field', () => {
    const pipe = new ZodValidationPipe(createUserBodySchema);
    expect(issues(() => pipe.transform({ username: '', attributes: {} }))).toEqual({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'username', message: expect.any(String) }],
    });
    expect(issues(() => pipe.transform({ username: 'a', attributes: { 'bad name!': 'x' } })).details).toEqual(
      [{ field: 'attributes.bad name!', message: expect.any(String) }],
    );
  });

  it('names unknown fields of strict schemas', () => {
    const pipe = new ZodValidationPipe(createUserBodySchema);
    expect(issues(() => pipe.transform({ username: 'a', admin: true })).details).toEqual([
      { field: 'admin', message: 'is not a known field' },
    ]);
  });

  it('prefixes scalar parameters', () => {
    const pipe = new ZodValidationPipe(updateUserBodySchema, 'body');
    expect(issues(() => pipe.transform({})).details).toEqual([
      { field: 'body.set', message: 'give at least one attribute to set or remove' },
    ]);
  });

  it('never mutates its input and applies defaults to a copy', () => {
    const input = Object.freeze({ username: 'a', attributes: Object.freeze({ email: 'a@example.com' }) });
    const out = new ZodValidationPipe(createUserBodySchema).transform(input);
    expect(out).toMatchObject({ delivery: 'suppress', deliveryMediums: ['EMAIL'] });
    expect(input).toEqual({ username: 'a', attributes: { email: 'a@example.com' } });
  });

  it('says a missing value is required, and a missing body names (body)', () => {
    const pipe = new ZodValidationPipe(createUserBodySchema);
    expect(issues(() => pipe.transform({})).details).toEqual([{ field: 'username', message: 'is required' }]);
    expect(issues(() => pipe.transform(undefined)).details).toEqual([
      { field: '(body)', message: 'a JSON body is required (Content-Type: application/json)' },
    ]);
  });
});
