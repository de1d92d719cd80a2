import type { INestApplication } from '@nestjs/common';
import { namedSchemas } from './zod-openapi';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document generated from the controllers and the contract's zod schemas. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('poolkeeper API')
    .setDescription(
      'Admin API for Amazon Cognito user pools. Authenticate with an operator-pool access token (Bearer). ' +
        'Errors are `{ code, message, details?, errorId? }`; lists are cursor-paged (`nextCursor`), never counted.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...namedSchemas() },
  };
  return document;
}

/** Swagger UI at /api/docs and the JSON at /api/openapi.json. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    useGlobalPrefix: false,
  });
}
