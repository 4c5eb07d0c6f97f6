import { FromReadModel } from '../../../shared/from-read-model';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { Controller, Get, NotFoundException } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RiskMatrixResponse } from '../risk-matrix.response';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('risk-matrices')
export class GetCurrentRiskMatrixController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('reference.read')
  @Get('current')
  @ApiOperation({ summary: 'The risk matrix version in force: the latest published' })
  @ApiOkResponse({ type: RiskMatrixResponse })
  async current() {
    const matrix = await this.queryBus.execute(
      new FromReadModel(ReferenceDataQueries, (queries) => queries.currentRiskMatrix()),
    );
    if (!matrix) throw new NotFoundException('no risk matrix has been published yet');
    return matrix;
  }
}
