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
import type { Principal } from '@riskledger/domain';
import type { Response } from 'express';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { RiskRegisterEntryResponse } from '../risk-register-entry.response';
import { GetRiskQuery } from './get-risk.query';
import { GetRiskRequest } from './get-risk.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('risks')
@Controller('risks')
export class GetRiskController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('risks.read')
  @Get(':id')
  @ApiOperation({
    summary:
      'One risk as the register holds it (its ETag is its version), or as it held it at a past ' +
      'moment (asOf, from the log)',
  })
  @ApiOkResponse({ type: RiskRegisterEntryResponse })
  @ApiNotFoundResponse({
    description:
      'No such risk in the register (at that moment), or none the caller may see (outside their ' +
      'units and areas, or restricted and the caller not cleared)',
  })
  async get(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Query() query: GetRiskRequest,
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Principal,
  ) {
    const visibility = visibilityOf(caller, 'risks.read');
    if (query.asOf) {
      const entry = await this.queryBus.execute(
        new GetRiskQuery(riskId, caller, visibility, new Date(query.asOf)),
      );
      if (!entry) {
        throw new NotFoundException(`risk ${riskId} was not in the register at ${query.asOf}`);
      }
      return entry;
    }
    const entry = await this.queryBus.execute(new GetRiskQuery(riskId, caller, visibility));
    if (!entry) throw new NotFoundException(`risk ${riskId} is not in the register`);
    response.setHeader('ETag', `"${entry.version}"`);
    return entry;
  }
}
