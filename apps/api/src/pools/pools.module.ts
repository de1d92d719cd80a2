import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ManagedPoolGuard } from './managed-pool.guard';
import { PoolsController } from './pools.controller';
import { PoolsService } from './pools.service';

@Module({
  controllers: [PoolsController],
  providers: [PoolsService, { provide: APP_GUARD, useClass: ManagedPoolGuard }],
  exports: [PoolsService],
})
export class PoolsModule {}
