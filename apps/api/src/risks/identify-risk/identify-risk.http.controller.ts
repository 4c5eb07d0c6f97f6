import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { IdentifyRiskCommand } from './identify-risk.command';
import { IdentifyRiskRequest, IdentifyRiskResponse } from './identify-risk.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('risks')
@Controller('risks')
export class IdentifyRiskController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('risks.write')
  @Post()
  @ApiOperation({ summary: 'Identify a risk (RiskIdentified, and RiskAssessed when scored)' })
  @ApiCreatedResponse({ type: IdentifyRiskResponse })
  @WriteEndpoint()
  identify(@Body() body: IdentifyRiskRequest, @RequestContext() context: CommandContext) {
    return this.commandBus.execute(new IdentifyRiskCommand(body, context));
  }
}
