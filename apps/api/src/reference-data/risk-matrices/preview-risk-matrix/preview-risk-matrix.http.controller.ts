import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import { Caller, visibilityOf } from '../../../access/caller.decorator';
import { Requires } from '../../../access/requires.decorator';
import { PublishRiskMatrixRequest } from '../publish-risk-matrix/publish-risk-matrix.request.dto';
import { PreviewRiskMatrixQuery } from './preview-risk-matrix.query';
import { RiskMatrixPreviewResponse } from './risk-matrix-preview.response';

@ApiTags('reference data')
@Controller('risk-matrices')
export class PreviewRiskMatrixController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('reference.write')
  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'What publishing this matrix would change, writing nothing: the open risks whose level it ' +
      'would change. Publishing re-levels no risk by itself: each keeps its level and matrix ' +
      'version until it is next assessed, and needs review in the register until then.',
  })
  @ApiOkResponse({ type: RiskMatrixPreviewResponse })
  @ApiBadRequestResponse({
    description: 'The matrix would be refused on publishing; the message names the field.',
  })
  preview(@Body() body: PublishRiskMatrixRequest, @Caller() caller: Principal) {
    return this.queryBus.execute(
      new PreviewRiskMatrixQuery(
        { type: 'PublishRiskMatrix', ...body },
        caller,
        visibilityOf(caller, 'risks.read'),
      ),
    );
  }
}
