import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RiskMatrixResponse } from '../risk-matrix.response';
import { ListRiskMatricesQuery } from './list-risk-matrices.query';

@ApiTags('reference data')
@Controller('risk-matrices')
export class ListRiskMatricesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Every published risk matrix version, oldest first' })
  @ApiOkResponse({ type: RiskMatrixResponse, isArray: true })
  list() {
    return this.queryBus.execute(new ListRiskMatricesQuery());
  }
}
