import { randomUUID } from 'node:crypto';
import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { riskWrite, WriteToStream } from '../../shared/stream-writes';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { PlanMitigationRequest, PlanMitigationResponse } from './plan-mitigation.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('risks')
@Controller('risks')
export class PlanMitigationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('risks.write')
  @Post(':id/mitigations')
  @ApiOperation({
    summary: 'Plan a mitigation: eliminate, limit or monitor the risk (MitigationPlanned)',
  })
  @ApiCreatedResponse({ type: PlanMitigationResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  async plan(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: PlanMitigationRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const mitigationId = randomUUID();
    const { version } = await this.commandBus.execute(
      new WriteToStream(
        riskWrite({ type: 'PlanMitigation', riskId, mitigationId, ...body }, context, {
          expectedVersion,
        }),
      ),
    );
    return { mitigationId, version };
  }
}
