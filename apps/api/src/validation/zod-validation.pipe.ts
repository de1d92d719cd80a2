import { Injectable, type PipeTransform } from '@nestjs/common';
import type { FieldIssue } from '@poolkeeper/contract';
import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/** Validates a body, query or param against a contract schema; returns a fresh parsed value (the input is never mutated). */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  /** `field` names a scalar input (a path parameter) in error details. */
  constructor(
    private readonly schema: S,
    private readonly field?: string,
  ) {}

  transform(value: unknown): z.output<S> {
    return parseOrThrow(this.schema, value, this.field);
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, field?: string): z.output<S> {
  const nul = nulBytePaths(value);
  if (nul.length > 0) {
    const details: FieldIssue[] = nul.map((path) => ({
      field: fieldName(field, path),
      message: NUL_MESSAGE,
    }));
    throw new AppError('VALIDATION_FAILED', `${details[0]!.field}: ${NUL_MESSAGE}`, details);
  }
  const result = schema.safeParse(value, { error: plainMessage });
  if (result.success) return result.data;
  if (value === undefined && !field) {
    const message = 'a JSON body is required (Content-Type: application/json)';
    throw new AppError('VALIDATION_FAILED', `(body): ${message}`, [{ field: '(body)', message }]);
  }
  const details: FieldIssue[] = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: fieldName(field, [...issue.path, key]),
          message: 'is not a known field',
        }))
      : [{ field: fieldName(field, issue.path), message: issue.message }],
  );
  const first = details[0]!;
  throw new AppError('VALIDATION_FAILED', `${first.field}: ${first.message}`, details);
}

function fieldName(prefix: string | undefined, path: readonly PropertyKey[]): string {
  const parts = [
    ...(prefix ? [prefix] : []),
    ...path.map((p) => (typeof p === 'symbol' ? p.toString() : String(p))),
  ];
  return parts.length > 0 ? parts.join('.') : '(body)';
}

/** Zod's "expected string, received undefined" for a missing value reads as "is required". */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return undefined;
}

const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';

/**
 * Every place in an input (keys included) holding a NUL character. No text poolkeeper stores or forwards can
 * hold one (Postgres refuses it in text and JSON), so it is bad input wherever it appears: found here, for
 * every body, query and path parameter, before any schema or service sees it.
 */
function nulBytePaths(
  value: unknown,
  path: PropertyKey[] = [],
  found: PropertyKey[][] = [],
): PropertyKey[][] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulBytePaths(item, [...path, i], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push([...path, key]);
      else nulBytePaths(inner, [...path, key], found);
    }
  }
  return found;
}
