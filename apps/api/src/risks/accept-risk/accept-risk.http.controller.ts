import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { AcceptRiskCommand } from './accept-risk.command';
import { AcceptRiskRequest, AcceptRiskResponse } from './accept-risk.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('risks')
@Controller('risks')
export class AcceptRiskController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('risks.accept')
  @Post(':id/acceptances')
  @ApiOperation({
    summary:
      'Accept the residual risk (RiskAccepted): the target assessment, else the current one, is ' +
      'frozen into the acceptance. Only a role the matrix in force allows for the level may ' +
      'accept (else 409 acceptance-mandate); the acceptance lapses by itself on lapsesOn.',
  })
  @ApiCreatedResponse({ type: AcceptRiskResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  accept(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: AcceptRiskRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(new AcceptRiskCommand(riskId, body, context, expectedVersion));
  }
}
