import type { INestApplication } from '@nestjs/common';
import { unusedGateway } from '@poolkeeper/cognito-gateway';
import type { AuditStore } from '@poolkeeper/persistence';
import { createApiApp } from '../app/create-app';
import { loadConfig } from '../config/load-config';
import { buildOpenApiDocument } from './openapi';

/** The document's own path in the repo. */
export const OPENAPI_FILE = 'apps/api/openapi.json';

const unused = (): never => {
  throw new Error('not available while generating the OpenAPI document');
};

/** An app that is never served: enough to walk the controllers. */
async function documentApp(): Promise<INestApplication> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    COGNITO_MODE: 'aws',
    AWS_REGION: 'us-east-1',
    OPERATOR_USER_POOL_ID: 'us-east-1_Operators',
    OPERATOR_CLIENT_IDS: 'documentclient',
    CONSOLE_DIST: '/nonexistent',
  });
  const auditStore: AuditStore = {
    record: unused,
    recordOutcomeIfUnresolved: unused,
    pendingAttempts: unused,
    lastSequenceBefore: unused,
    whileReconcilerLocked: unused,
    list: unused,
    head: unused,
    verify: unused,
    exportBatches: unused,
    chainBatches: unused,
    ping: unused,
    auditGuard: unused,
    close: async () => undefined,
  };
  const gateway = unusedGateway(() => new Error('not available while generating the OpenAPI document'));
  return createApiApp(config, { auditStore, gateway });
}

/** The committed form of the document: stable key order from the code, two-space JSON, trailing newline. */
export async function renderOpenApiDocument(): Promise<string> {
  const app = await documentApp();
  try {
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
