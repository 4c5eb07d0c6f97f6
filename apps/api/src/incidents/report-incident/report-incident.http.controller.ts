import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { ReportIncidentCommand } from './report-incident.command';
import { ReportIncidentRequest, ReportIncidentResponse } from './report-incident.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('incidents')
@Controller('incidents')
export class ReportIncidentController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('incidents.report')
  @Post()
  @ApiOperation({ summary: 'Report an incident, deficiency or near miss (IncidentReported)' })
  @ApiCreatedResponse({ type: ReportIncidentResponse })
  @WriteEndpoint()
  report(@Body() body: ReportIncidentRequest, @RequestContext() context: CommandContext) {
    return this.commandBus.execute(new ReportIncidentCommand(body, context));
  }
}
