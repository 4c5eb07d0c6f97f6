import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { riskWrite, WriteToStream } from '../../shared/stream-writes';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { VersionResponse } from '../../shared/version.response';
import { StartMitigationRequest } from './start-mitigation.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('risks')
@Controller('risks')
export class StartMitigationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('risks.write')
  @Post(':id/mitigations/:mitigationId/started')
  @ApiOperation({
    summary: 'Record that work on a planned mitigation has started (MitigationStarted)',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk, or no such mitigation on it' })
  @WriteEndpoint({ conditional: true })
  start(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Param('mitigationId', new ParseUUIDPipe()) mitigationId: string,
    @Body() _body: StartMitigationRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new WriteToStream(
        riskWrite({ type: 'StartMitigation', riskId, mitigationId }, context, { expectedVersion }),
      ),
    );
  }
}
