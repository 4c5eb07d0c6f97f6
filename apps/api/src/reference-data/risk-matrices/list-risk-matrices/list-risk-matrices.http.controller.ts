import { FromReadModel } from '../../../shared/from-read-model';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RiskMatrixResponse } from '../risk-matrix.response';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('risk-matrices')
export class ListRiskMatricesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('reference.read')
  @Get()
  @ApiOperation({ summary: 'Every published risk matrix version, oldest first' })
  @ApiOkResponse({ type: RiskMatrixResponse, isArray: true })
  list() {
    return this.queryBus.execute(
      new FromReadModel(ReferenceDataQueries, (queries) => queries.riskMatrices()),
    );
  }
}
