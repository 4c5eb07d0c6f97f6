import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { riskWrite, WriteToStream } from '../../shared/stream-writes';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { VersionResponse } from '../../shared/version.response';
import { AssignRiskOwnerRequest } from './assign-risk-owner.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('risks')
@Controller('risks')
export class AssignRiskOwnerController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('risks.write')
  @Post(':id/owner')
  @ApiOperation({
    summary: 'Assign the risk owner, or hand the risk to another owner (RiskOwnerAssigned)',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  assign(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: AssignRiskOwnerRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new WriteToStream(
        riskWrite({ type: 'AssignRiskOwner', riskId, owner: body.owner }, context, {
          expectedVersion,
        }),
      ),
    );
  }
}
