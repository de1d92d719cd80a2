import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { CognitoGateway } from '@poolkeeper/cognito-gateway';
import { COGNITO_GATEWAY } from './tokens';

export const OWNS_GATEWAY = Symbol('OWNS_GATEWAY');

/** Stops the SDK sockets on app.close() when the app created the gateway itself. */
@Injectable()
export class GatewayLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(COGNITO_GATEWAY) private readonly gateway: CognitoGateway,
    @Inject(OWNS_GATEWAY) private readonly owns: boolean,
  ) {}

  onApplicationShutdown(): void {
    if (this.owns) this.gateway.destroy();
  }
}
