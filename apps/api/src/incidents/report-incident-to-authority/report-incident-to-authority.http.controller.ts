import { Clock } from '../../platform/clock';
import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { incidentWrite, WriteToStream } from '../../shared/stream-writes';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { IncidentVersionResponse } from '../incident-version.response';
import { ReportIncidentToAuthorityRequest } from './report-incident-to-authority.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('incidents')
@Controller('incidents')
export class ReportIncidentToAuthorityController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Requires('incidents.manage')
  @Post(':id/outward-reports')
  @ApiOperation({
    summary:
      'Record a report of the incident to an authority (IncidentReportedToAuthority), e.g. a ' +
      'serious near miss to Arbetsmiljöverket, a care injury to IVO (lex Maria), an IT incident to MSB',
  })
  @ApiCreatedResponse({ type: IncidentVersionResponse })
  @ApiNotFoundResponse({ description: 'No such incident' })
  @WriteEndpoint({ conditional: true })
  reportIncidentToAuthority(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Body() body: ReportIncidentToAuthorityRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new WriteToStream(
        incidentWrite(
          {
            type: 'ReportIncidentToAuthority',
            incidentId,
            authority: body.authority,
            reference: body.reference,
            reportedAt: new Date(body.reportedAt),
            now: this.clock.now(),
          },
          context,
          { expectedVersion },
        ),
      ),
    );
  }
}
