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
