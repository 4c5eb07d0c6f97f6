import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../access/requires.decorator';
import { RequestContext } from '../../../platform/request-context.decorator';
import { WriteEndpoint } from '../../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../../shared/command-context';
import { reportingObligationWrite, WriteToStream } from '../../../shared/stream-writes';
import { RegisterReportingObligationRequest } from '../reporting-obligation.request.dto';
import { ReportingObligationChangedResponse } from '../reporting-obligation.response';

@ApiTags('reference data')
@Controller('reporting-obligations')
export class RegisterReportingObligationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('reference.write')
  @Post()
  @ApiOperation({
    summary:
      "Add one of the region's own reporting obligations (ReportingObligationRegistered); 409 if the code is taken",
  })
  @ApiCreatedResponse({ type: ReportingObligationChangedResponse })
  @WriteEndpoint()
  async register(
    @Body() body: RegisterReportingObligationRequest,
    @RequestContext() context: CommandContext,
  ) {
    const { version } = await this.commandBus.execute(
      new WriteToStream(
        reportingObligationWrite({ type: 'RegisterReportingObligation', ...body }, context),
      ),
    );
    return { code: body.code, version };
  }
}
