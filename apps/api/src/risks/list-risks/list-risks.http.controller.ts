import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RiskRegisterEntryResponse } from '../risk-register-entry.response';
import { ListRisksQuery } from './list-risks.query';
import { ListRisksRequest } from './list-risks.request.dto';

@ApiTags('risks')
@Controller('risks')
export class ListRisksController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The risk register: the current state of every risk, or its state at a past moment',
  })
  @ApiOkResponse({ type: RiskRegisterEntryResponse, isArray: true })
  list(@Query() query: ListRisksRequest) {
    return this.queryBus.execute(
      new ListRisksQuery({ area: query.area }, query.asOf ? new Date(query.asOf) : undefined),
    );
  }
}
