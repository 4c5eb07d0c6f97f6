import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { riskMatrixWrite, WriteToStream } from '../../../shared/stream-writes';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '../../../platform/request-context.decorator';
import { WriteEndpoint } from '../../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../../shared/command-context';
import { RiskMatrixPublishedResponse } from '../risk-matrix.response';
import { PublishRiskMatrixRequest } from './publish-risk-matrix.request.dto';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('risk-matrices')
export class PublishRiskMatrixController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('reference.write')
  @Post()
  @ApiOperation({
    summary:
      'Publish the next risk matrix version (RiskMatrixPublished); it applies to assessments from now on, earlier versions stay as they were',
  })
  @ApiCreatedResponse({ type: RiskMatrixPublishedResponse })
  @WriteEndpoint()
  publish(@Body() body: PublishRiskMatrixRequest, @RequestContext() context: CommandContext) {
    return this.commandBus.execute(
      new WriteToStream(riskMatrixWrite({ type: 'PublishRiskMatrix', ...body }, context)),
    );
  }
}
