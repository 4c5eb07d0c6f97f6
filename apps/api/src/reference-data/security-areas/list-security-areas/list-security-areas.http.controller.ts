import { FromReadModel } from '../../../shared/from-read-model';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SecurityAreaResponse } from '../security-area.response';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('security-areas')
export class ListSecurityAreasController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('reference.read')
  @Get()
  @ApiOperation({
    summary: 'The security areas: the 14 built in and those the region added, retired ones flagged',
  })
  @ApiOkResponse({ type: SecurityAreaResponse, isArray: true })
  list() {
    return this.queryBus.execute(
      new FromReadModel(ReferenceDataQueries, (queries) => queries.securityAreas()),
    );
  }
}
