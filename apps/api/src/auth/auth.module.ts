import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { OperatorJwtStrategy } from './operator-jwt.strategy';
import { OperatorRecheck } from './operator-recheck';

@Module({
  imports: [PassportModule],
  controllers: [AuthController],
  providers: [OperatorRecheck, OperatorJwtStrategy, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthModule {}
