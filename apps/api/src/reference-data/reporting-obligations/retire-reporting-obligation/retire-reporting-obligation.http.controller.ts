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
import { RetireReportingObligationRequest } from './retire-reporting-obligation.request.dto';
import { ReportingObligationChangedResponse } from '../reporting-obligation.response';

@ApiTags('reference data')
@Controller('reporting-obligations')
export class RetireReportingObligationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('reference.write')
  @Post(':code/retirement')
  @ApiOperation({
    summary:
      'Retire a reporting obligation (ReportingObligationRetired): no incident owes it from now on',
  })
  @ApiParam({ name: 'code', example: 'IVO_LEX_MARIA' })
  @ApiCreatedResponse({ type: ReportingObligationChangedResponse })
  @ApiNotFoundResponse({ description: 'No such reporting obligation' })
  @WriteEndpoint({ conditional: true })
  async retire(
    @Param('code', AreaCodeParam()) code: string,
    @Body() body: RetireReportingObligationRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const { version } = await this.commandBus.execute(
      new WriteToStream(
        reportingObligationWrite(
          { type: 'RetireReportingObligation', code, reason: body.reason },
          context,
          { reason: body.reason, expectedVersion },
        ),
      ),
    );
    return { code, version };
  }
}
