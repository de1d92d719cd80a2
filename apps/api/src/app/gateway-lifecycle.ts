import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { CognitoGateway } from '@poolkeeper/cognito-gateway';

/** The gateway the app created itself (null when the caller passed one in and keeps it). Not exported. */
export const OWNED_GATEWAY = Symbol('OWNED_GATEWAY');

/** Stops the SDK sockets on app.close() when the app created the gateway itself. */
@Injectable()
export class GatewayLifecycle implements OnApplicationShutdown {
  constructor(@Inject(OWNED_GATEWAY) private readonly gateway: CognitoGateway | null) {}

  onApplicationShutdown(): void {
    this.gateway?.destroy();
  }
}
