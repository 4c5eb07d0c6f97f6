import { FromReadModel } from '../../../shared/from-read-model';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { WholeNumberPipe } from '../../../platform/whole-number.pipe';
import { RiskMatrixResponse } from '../risk-matrix.response';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('risk-matrices')
export class GetRiskMatrixController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('reference.read')
  @Get(':version')
  @ApiOperation({ summary: 'One published risk matrix version, exactly as published' })
  @ApiParam({ name: 'version', description: 'The matrix version', example: 1 })
  @ApiOkResponse({ type: RiskMatrixResponse })
  @ApiNotFoundResponse({ description: 'No such version has been published' })
  async get(@Param('version', WholeNumberPipe) version: number) {
    const matrix = await this.queryBus.execute(
      new FromReadModel(ReferenceDataQueries, (queries) => queries.riskMatrix(version)),
    );
    if (!matrix) throw new NotFoundException(`risk matrix version ${version} does not exist`);
    return matrix;
  }
}
