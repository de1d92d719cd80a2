import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../app/tokens';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { jwksUriFor } from './issuer';
import { JwksKeyProvider } from './jwks-key-provider';
import { OperatorJwtStrategy, SIGNING_KEY_PROVIDER } from './operator-jwt.strategy';

@Module({
  imports: [PassportModule],
  controllers: [AuthController],
  providers: [
    {
      provide: SIGNING_KEY_PROVIDER,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => new JwksKeyProvider(jwksUriFor(config.cognito)),
    },
    OperatorJwtStrategy,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
