import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Page, type PoolSummary, poolPageSchema, poolSummarySchema } from '@poolkeeper/contract';
import { RequirePermission } from '../auth/access.decorators';
import { ApiErrors, ApiZodResponse } from '../openapi/zod-openapi';
import { PoolsService } from './pools.service';

@ApiTags('pools')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('pools')
export class PoolsController {
  constructor(private readonly pools: PoolsService) {}

  @Get()
  @RequirePermission('pools.read')
  @ApiZodResponse(200, poolPageSchema, 'The managed user pools, all in one page')
  async list(): Promise<Page<PoolSummary>> {
    return { items: await this.pools.list(), nextCursor: null };
  }

  @Get(':poolId')
  @RequirePermission('pools.read')
  @ApiZodResponse(200, poolSummarySchema, 'One managed user pool')
  @ApiErrors(400, 404)
  get(@Param('poolId') poolId: string): Promise<PoolSummary> {
    return this.pools.get(poolId);
  }
}
