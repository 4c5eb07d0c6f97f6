import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RiskRegisterEntryResponse } from '../risk-register-entry.response';
import { GetRiskQuery } from './get-risk.query';

@ApiTags('risks')
@Controller('risks')
export class GetRiskController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'One risk as the register holds it; its ETag is its version' })
  @ApiOkResponse({ type: RiskRegisterEntryResponse })
  @ApiNotFoundResponse({ description: 'No such risk in the register' })
  async get(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const entry = await this.queryBus.execute(new GetRiskQuery(riskId));
    if (!entry) throw new NotFoundException(`risk ${riskId} is not in the register`);
    response.setHeader('ETag', `"${entry.version}"`);
    return entry;
  }
}
