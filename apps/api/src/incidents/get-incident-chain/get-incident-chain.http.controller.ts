import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChainEntryResponse } from './chain-entry.response';
import { GetIncidentChainQuery } from './get-incident-chain.query';
import { Requires } from '../../access/requires.decorator';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import type { Principal } from '@riskledger/domain';

@ApiTags('incidents')
@Controller('incidents')
export class GetIncidentChainController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('history.read')
  @Get(':id/chain')
  @ApiOperation({
    summary:
      'Everything that happened because of the incident, in log order: its own events, events ' +
      'that share a correlation id with the chain, and events whose causation id names the ' +
      'incident or an event of the chain (X-Causation-Id), followed to the end',
  })
  @ApiOkResponse({ type: ChainEntryResponse, isArray: true })
  @ApiNotFoundResponse({ description: 'No such incident in the traceability log (yet)' })
  async chain(@Param('id', new ParseUUIDPipe()) incidentId: string, @Caller() caller: Principal) {
    const chain = await this.queryBus.execute(
      new GetIncidentChainQuery(incidentId, visibilityOf(caller, 'history.read')),
    );
    if (!chain.some((entry) => entry.link === 'INCIDENT' && entry.streamType === 'incident')) {
      throw new NotFoundException(`incident ${incidentId} is not in the traceability log`);
    }
    return chain;
  }
}
