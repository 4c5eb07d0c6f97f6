import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { AssessRiskCommand } from './assess-risk.command';
import { AssessRiskRequest, AssessRiskResponse } from './assess-risk.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('risks')
@Controller('risks')
export class AssessRiskController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('risks.write')
  @Post(':id/assessments')
  @ApiOperation({
    summary:
      'Assess (or reassess) a risk: likelihood × consequence of its inherent, current or target risk (RiskAssessed)',
  })
  @ApiCreatedResponse({ type: AssessRiskResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  assess(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: AssessRiskRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(new AssessRiskCommand(riskId, body, context, expectedVersion));
  }
}
