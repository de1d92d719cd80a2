import { Module } from '@nestjs/common';
import { PoolsModule } from '../pools/pools.module';
import { SignInHistoryController } from './sign-in-history.controller';
import { SignInHistoryService } from './sign-in-history.service';

@Module({
  imports: [PoolsModule],
  controllers: [SignInHistoryController],
  providers: [SignInHistoryService],
})
export class SignInHistoryModule {}
