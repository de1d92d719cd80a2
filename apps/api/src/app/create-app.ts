import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type CognitoGateway, type GatewayConfig, createCognitoGateway } from '@poolkeeper/cognito-gateway';
import type { AuditStore } from '@poolkeeper/persistence';
import type { Logger } from 'pino';
import type { ApiConfig } from '../config/api-config';
import { serveConsole } from '../console-static/console-static';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { httpLogger } from '../logging/http-logger';
import { PinoNestLogger, createLogger } from '../logging/logger';
import { serveOpenApi } from '../openapi/openapi';
import { requireJsonBodies } from '../validation/json-bodies';
import { AppModule } from './app.module';
import { answerClientErrorsInJson, noStoreForApi, unknownApiRoutes } from './http-edges';
import { securityHeaders } from './security';

export interface ApiDeps {
  auditStore: AuditStore;
  /** Defaults to a real gateway built from `config.cognito` (destroyed on close). */
  gateway?: CognitoGateway;
  /** Defaults to pino on stdout at `config.logLevel` (tests pass one writing to memory to read the lines). */
  logger?: Logger;
}

/** The Nest app, initialised but not listening (tests use it with supertest-like fetches or listen(0)). */
export async function createApiApp(config: ApiConfig, deps: ApiDeps): Promise<INestApplication> {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const gateway = deps.gateway ?? createCognitoGateway(gatewayConfigOf(config));
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, auditStore: deps.auditStore, gateway, logger, ownsGateway: !deps.gateway }),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  answerClientErrorsInJson(app.getHttpServer());
  app.use(httpLogger(logger));
  app.use(securityHeaders(config));
  app.use(noStoreForApi);
  if (config.http.consoleOrigins.length > 0) {
    app.enableCors({
      origin: config.http.consoleOrigins,
      allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
      exposedHeaders: ['x-request-id', 'retry-after'],
    });
  }
  app.use(requireJsonBodies);
  app.useBodyParser('json', { limit: '100kb' });
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  serveOpenApi(app);
  serveConsole(app, config.http.consoleDist);
  await app.init();
  unknownApiRoutes(app);
  return app;
}

export function gatewayConfigOf(config: ApiConfig): GatewayConfig {
  const { cognito } = config;
  const endpoints = {
    ...(cognito.endpoint ? { cognitoIdp: cognito.endpoint } : {}),
    ...(cognito.identityEndpoint ? { cognitoIdentity: cognito.identityEndpoint } : {}),
    ...(cognito.iamEndpoint ? { iam: cognito.iamEndpoint } : {}),
  };
  return {
    defaultRegion: cognito.region,
    endpoints,
    ...(cognito.credentials ? { credentials: cognito.credentials } : {}),
  };
}
