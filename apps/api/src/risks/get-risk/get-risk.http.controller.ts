import {
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RiskRegisterEntryResponse } from '../risk-register-entry.response';
import { GetRiskQuery } from './get-risk.query';
import { GetRiskRequest } from './get-risk.request.dto';

@ApiTags('risks')
@Controller('risks')
export class GetRiskController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @ApiOperation({
    summary:
      'One risk as the register holds it (its ETag is its version), or as it held it at a past ' +
      'moment (asOf, from the log)',
  })
  @ApiOkResponse({ type: RiskRegisterEntryResponse })
  @ApiNotFoundResponse({ description: 'No such risk in the register (at that moment)' })
  async get(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Query() query: GetRiskRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (query.asOf) {
      const entry = await this.queryBus.execute(new GetRiskQuery(riskId, new Date(query.asOf)));
      if (!entry) {
        throw new NotFoundException(`risk ${riskId} was not in the register at ${query.asOf}`);
      }
      return entry;
    }
    const entry = await this.queryBus.execute(new GetRiskQuery(riskId));
    if (!entry) throw new NotFoundException(`risk ${riskId} is not in the register`);
    response.setHeader('ETag', `"${entry.version}"`);
    return entry;
  }
}
