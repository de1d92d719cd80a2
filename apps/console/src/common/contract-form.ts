/**
 * Forms validate with the contract's zod schemas, never with rules of their own: a form describes how
 * its values become the request body (`toBody`, the same function its submit uses) and where each schema
 * field is shown (`fieldOf`, also used for the API's field errors). Validation is the body parsed by the
 * contract schema, with the issues put on the form's fields.
 */
import type { z } from 'zod';
import type { ErrorCode } from '@poolkeeper/contract';
import type { SimpleFormProps } from 'react-admin';

/** Where a form shows an error that belongs to no input (react-admin notifies it on submit). */
export const formLevelError = 'root.serverError';

export interface ContractForm<Values, Context = void> {
  schema: z.ZodType;
  /** The request body the form would send; `context` is what else it needs (the record, the pool). */
  toBody: (values: Values, context: Context) => unknown;
  /** The form field that shows an issue of a schema (or API) field path such as `set.email`. */
  fieldOf: (schemaField: string) => string;
  /** API error codes that belong to one form field (e.g. USERNAME_EXISTS → `username`). */
  codeFields?: Partial<Record<ErrorCode, string>>;
}

/** Field path → message. */
export type FieldMessages = Record<string, string>;

/** Zod's default wording, made to read as a short sentence under an input (limits come from the schema). */
function plainIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Required';
  if (issue.code === 'too_small' && issue.origin === 'string')
    return Number(issue.minimum) <= 1 ? 'Required' : `At least ${issue.minimum} characters`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `At most ${issue.maximum} characters`;
  return undefined;
}

/** The contract's messages are phrased after a field name ("is required"); a form shows them alone. */
export function sentence(message: string): string {
  const text = message.trim().replace(/^is\s+/i, '');
  if (!text) return message;
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'symbol' ? part.toString() : String(part))).join('.');
}

/** The body's problems by form field (first message per field), or null when the contract accepts it. */
export function validateBody(
  schema: z.ZodType,
  body: unknown,
  fieldOf: (schemaField: string) => string,
): FieldMessages | null {
  const result = schema.safeParse(body, { error: plainIssue });
  if (result.success) return null;
  const messages: FieldMessages = {};
  for (const issue of result.error.issues) {
    const keys =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of keys) {
      const field = path.length ? fieldOf(pathOf(path)) : formLevelError;
      messages[field] ??= sentence(issue.message);
    }
  }
  return messages;
}

/** `validateBody` of the body a form would send. */
export function validateForm<Values, Context>(
  form: ContractForm<Values, Context>,
  values: Values,
  context: Context,
): FieldMessages | null {
  return validateBody(form.schema, form.toBody(values, context), form.fieldOf);
}

/** The per-field messages of an API error (`HttpError.body.errors`, see http-client.ts), if it has any. */
export function fieldMessagesOf(error: unknown): FieldMessages | null {
  const body = typeof error === 'object' && error !== null ? (error as { body?: unknown }).body : undefined;
  const errors =
    typeof body === 'object' && body !== null ? (body as { errors?: unknown }).errors : undefined;
  return typeof errors === 'object' && errors !== null && Object.keys(errors).length > 0
    ? (errors as FieldMessages)
    : null;
}

type Resolver = NonNullable<SimpleFormProps['resolver']>;
type FieldErrorTree = { [key: string]: FieldErrorTree | { type: string; message: string } };

/** react-hook-form wants errors nested by path (`attributes.email` → `{ attributes: { email } }`). */
function nest(messages: FieldMessages): FieldErrorTree {
  const tree: FieldErrorTree = Object.create(null) as FieldErrorTree;
  for (const [field, message] of Object.entries(messages)) {
    const parts = field.split('.');
    let node = tree;
    parts.slice(0, -1).forEach((part) => {
      const next = (node[part] ??= Object.create(null) as FieldErrorTree);
      node = next as FieldErrorTree;
    });
    node[parts[parts.length - 1]!] = { type: 'contract', message };
  }
  return tree;
}

/**
 * A react-hook-form resolver (react-admin's `<SimpleForm resolver>`) that validates the body the form
 * would send with the contract schema. On success the form keeps its own values (the submit then builds
 * the body with the same `toBody`).
 */
export function contractResolver<Values, Context>(
  form: ContractForm<Values, Context>,
  context: Context,
): Resolver {
  return async (values) => {
    const messages = validateForm(form, values as Values, context);
    if (!messages) return { values, errors: {} };
    return { values: {}, errors: nest(messages) } as Awaited<ReturnType<Resolver>>;
  };
}
