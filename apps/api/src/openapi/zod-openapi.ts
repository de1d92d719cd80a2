import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { errorBodySchema } from '@poolkeeper/contract';
import { z } from 'zod';

/** zod (the contract) → OpenAPI 3.0 schema objects, so the document is generated from the same schemas we validate with. */
export function toOpenApiSchema(schema: z.ZodType, io: 'input' | 'output'): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return json as SchemaObject;
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

/** The error shape, for the statuses a route can answer with. */
export function ApiErrors(...statuses: number[]) {
  const schema = { $ref: `#/components/schemas/${ERROR_BODY}` };
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: 'Error: see `code`', schema })),
  );
}

/** Component name of the shared error body (added to the document by buildOpenApiDocument). */
export const ERROR_BODY = 'ErrorBody';
export const errorBodyComponent = (): SchemaObject => toOpenApiSchema(errorBodySchema, 'output');
