import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IncidentRegisterEntryResponse } from '../incident-register-entry.response';
import { GetIncidentQuery } from './get-incident.query';

@ApiTags('incidents')
@Controller('incidents')
export class GetIncidentController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @ApiOperation({
    summary:
      'One incident as the register holds it (its ETag is its version): linked risks, ' +
      'investigation, actions, outward reports made, required and missing',
  })
  @ApiOkResponse({ type: IncidentRegisterEntryResponse })
  @ApiNotFoundResponse({ description: 'No such incident in the register (yet)' })
  async get(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const entry = await this.queryBus.execute(new GetIncidentQuery(incidentId));
    if (!entry) throw new NotFoundException(`incident ${incidentId} is not in the register`);
    response.setHeader('ETag', `"${entry.version}"`);
    return entry;
  }
}
