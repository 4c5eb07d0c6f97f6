import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { riskWrite, WriteToStream } from '../../shared/stream-writes';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { VersionResponse } from '../../shared/version.response';
import { RevokeRiskAcceptanceRequest } from './revoke-risk-acceptance.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('risks')
@Controller('risks')
export class RevokeRiskAcceptanceController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('risks.accept')
  @Post(':id/acceptances/:acceptanceId/revocation')
  @ApiOperation({
    summary: 'Revoke the acceptance in force before it lapses (RiskAcceptanceRevoked)',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk, or no such acceptance of it' })
  @WriteEndpoint({ conditional: true })
  revoke(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Param('acceptanceId', new ParseUUIDPipe()) acceptanceId: string,
    @Body() body: RevokeRiskAcceptanceRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new WriteToStream(
        riskWrite(
          { type: 'RevokeRiskAcceptance', riskId, acceptanceId, reason: body.reason },
          context,
          { reason: body.reason, expectedVersion },
        ),
      ),
    );
  }
}
