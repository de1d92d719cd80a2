import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { errorBodySchema } from '@poolkeeper/contract';
import { z } from 'zod';

const COMPONENTS = '#/components/schemas/';

/**
 * Named schemas met while the controllers were decorated: a contract schema with `.meta({ id })` becomes a
 * component (`UserDetail`, `CreateUserBody`, …) referenced by `$ref`, so a generated client gets real type
 * names. buildOpenApiDocument adds them to the document.
 */
const components = new Map<string, { io: 'input' | 'output'; schema: SchemaObject }>();

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string'
        ? inner.replace('#/definitions/', COMPONENTS)
        : rewriteRefs(inner);
  }
  return out;
}

function register(name: string, io: 'input' | 'output', schema: SchemaObject): void {
  const known = components.get(name);
  if (known && JSON.stringify(known.schema) !== JSON.stringify(schema)) {
    throw new Error(
      `OpenAPI: schema ${name} is used as ${known.io} and ${io} with different shapes; give them different ids`,
    );
  }
  components.set(name, { io, schema });
}

/** zod (the contract) → OpenAPI 3.0 schema objects, so the document is generated from the same schemas we validate with. */
export function toOpenApiSchema(schema: z.ZodType, io: 'input' | 'output'): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  const definitions = (json.definitions ?? {}) as Record<string, unknown>;
  delete json.definitions;
  for (const [name, definition] of Object.entries(definitions)) {
    register(name, io, rewriteRefs(definition) as SchemaObject);
  }
  return rewriteRefs(json) as SchemaObject;
}

/** Every named schema, by name (sorted, so the committed document is stable). */
export function namedSchemas(): Record<string, SchemaObject> {
  return Object.fromEntries(
    [...components.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([n, c]) => [n, c.schema]),
  );
}

export const ApiZodBody = (schema: z.ZodType, description?: string) =>
  ApiBody({ schema: toOpenApiSchema(schema, 'input'), ...(description ? { description } : {}) });

export const ApiZodResponse = (status: number, schema: z.ZodType, description: string) =>
  ApiResponse({ status, description, schema: toOpenApiSchema(schema, 'output') });

export const ApiNoContent = (description: string) => ApiResponse({ status: 204, description });

/** One query parameter per property of an object schema. */
export function ApiZodQuery(schema: z.ZodObject) {
  const json = toOpenApiSchema(schema, 'input') as {
    properties?: Record<string, SchemaObject>;
    required?: string[];
  };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, prop]) =>
      ApiQuery({ name, required: (json.required ?? []).includes(name), schema: prop }),
    ),
  );
}

const errorBodyRef = toOpenApiSchema(errorBodySchema, 'output');

/** The error shape, for the statuses a route can answer with. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: 'Error: see `code`', schema: errorBodyRef }),
    ),
  );
}
