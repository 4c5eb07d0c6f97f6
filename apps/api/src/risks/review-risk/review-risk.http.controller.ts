import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock } from '../../platform/clock';
import { riskWrite, WriteToStream } from '../../shared/stream-writes';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { VersionResponse } from '../../shared/version.response';
import { ReviewRiskRequest } from './review-risk.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('risks')
@Controller('risks')
export class ReviewRiskController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Requires('risks.write')
  @Post(':id/reviews')
  @ApiOperation({
    summary:
      'Record a review of the risk and set its next review date (RiskReviewed); clears "needs review"',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  review(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: ReviewRiskRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new WriteToStream(
        riskWrite(
          {
            type: 'ReviewRisk',
            riskId,
            notes: body.notes,
            nextReviewDate: body.nextReviewDate,
            today: this.clock.today(),
          },
          context,
          { expectedVersion },
        ),
      ),
    );
  }
}
