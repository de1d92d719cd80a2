import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthSessions } from '../core/auth-sessions';
import { loadOrCreateSigningKey } from '../core/signing-keys';
import { awsJsonService } from '../protocol/aws-json';
import { awsQueryUnsupported } from '../protocol/aws-query';
import { COGNITO_IDP_TARGET_PREFIX, cognitoIdpOperations } from '../services/cognito-idp';
import type { OperationContext } from '../services/registry';
import { StateStore } from '../state/state-store';
import { createRequestListener } from './request-listener';

export interface EmulatorOptions {
  dataDir: string;
  /** 0 = random */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** default us-east-1 */
  region?: string;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:9325 */
  endpoint: string;
  region: string;
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Starts a local Cognito (cognito-idp, awsJson1_1) that unmodified AWS SDK v3 clients can use via `endpoint`. */
export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const region = opts.region ?? 'us-east-1';
  const store = await StateStore.open(opts.dataDir);
  const signingKey = await loadOrCreateSigningKey(opts.dataDir);
  const ctx: OperationContext = {
    state: store.state,
    store,
    region,
    endpoint: '',
    signingKey,
    sessions: new AuthSessions(),
    now: () => Date.now(),
  };
  const services = [
    awsJsonService('cognito-idp', COGNITO_IDP_TARGET_PREFIX, cognitoIdpOperations),
    awsQueryUnsupported(),
  ];
  const server = createServer({ keepAliveTimeout: 5000 }, createRequestListener(ctx, services));
  const address = await listen(server, opts.port ?? 0, host);
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  ctx.endpoint = `http://${urlHost}:${address.port}`;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
      await store.close();
    })();
    return stopping;
  };
  return { endpoint: ctx.endpoint, region, stop };
}
