import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Requires } from '../../../access/requires.decorator';
import { IfMatch, RequestContext } from '../../../platform/request-context.decorator';
import { WriteEndpoint } from '../../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../../shared/command-context';
import { reportingObligationWrite, WriteToStream } from '../../../shared/stream-writes';
import { AreaCodeParam } from '../../code-param.pipe';
import { ReportingObligationBodyRequest } from '../reporting-obligation.request.dto';
import { ReportingObligationChangedResponse } from '../reporting-obligation.response';

@ApiTags('reference data')
@Controller('reporting-obligations')
export class ReviseReportingObligationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('reference.write')
  @Post(':code/revisions')
  @ApiOperation({
    summary:
      'Change a reporting obligation as a whole (ReportingObligationRevised): the clock of every ' +
      'open incident counts with it from now on; 409 if nothing changed or it is retired',
  })
  @ApiParam({ name: 'code', example: 'MSB_SIGNIFICANT_IT_INCIDENT' })
  @ApiCreatedResponse({ type: ReportingObligationChangedResponse })
  @ApiNotFoundResponse({ description: 'No such reporting obligation' })
  @WriteEndpoint({ conditional: true })
  async revise(
    @Param('code', AreaCodeParam()) code: string,
    @Body() body: ReportingObligationBodyRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const { version } = await this.commandBus.execute(
      new WriteToStream(
        reportingObligationWrite({ type: 'ReviseReportingObligation', ...body, code }, context, {
          expectedVersion,
        }),
      ),
    );
    return { code, version };
  }
}
