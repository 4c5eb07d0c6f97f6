import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { checkedMatrix, levelChangesUnder, type Principal } from '@riskledger/domain';
import { ReferenceDataQueries, RiskRegisterQueries } from '@riskledger/read-models';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { RestrictedReads } from '../../access/restricted-reads';
import { restrictedIds } from '../../risks/restricted-ids';
import { RequestContext } from '../../platform/request-context.decorator';
import { WholeNumberPipe } from '../../platform/whole-number.pipe';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { FromReadModel } from '../../shared/from-read-model';
import { ReferenceData } from '../../shared/reference-data';
import { riskMatrixWrite, WriteToStream } from '../../shared/stream-writes';
import { RiskMatrixPreviewResponse } from './preview-risk-matrix/risk-matrix-preview.response';
import { PublishRiskMatrixRequest } from './risk-matrix.request.dto';
import { RiskMatrixPublishedResponse, RiskMatrixResponse } from './risk-matrix.response';

/**
 * The published risk matrix versions, the preview of the next and its publishing. Each operation
 * keeps the operationId it had as a controller of its own, which the console's generated types
 * name.
 */
@ApiTags('reference data')
@Controller('risk-matrices')
export class RiskMatricesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly referenceData: ReferenceData,
    private readonly register: RiskRegisterQueries,
    private readonly restrictedReads: RestrictedReads,
  ) {}

  @Requires('reference.read')
  @Get()
  @ApiOperation({
    operationId: 'ListRiskMatricesController_list',
    summary: 'Every published risk matrix version, oldest first',
  })
  @ApiOkResponse({ type: RiskMatrixResponse, isArray: true })
  list() {
    return this.queryBus.execute(
      new FromReadModel(ReferenceDataQueries, (queries) => queries.riskMatrices()),
    );
  }

  // Before GET :version, so that "current" is not taken for a version number.
  @Requires('reference.read')
  @Get('current')
  @ApiOperation({
    operationId: 'GetCurrentRiskMatrixController_current',
    summary: 'The risk matrix version in force: the latest published',
  })
  @ApiOkResponse({ type: RiskMatrixResponse })
  async current() {
    const matrix = await this.queryBus.execute(
      new FromReadModel(ReferenceDataQueries, (queries) => queries.currentRiskMatrix()),
    );
    if (!matrix) throw new NotFoundException('no risk matrix has been published yet');
    return matrix;
  }

  @Requires('reference.read')
  @Get(':version')
  @ApiOperation({
    operationId: 'GetRiskMatrixController_get',
    summary: 'One published risk matrix version, exactly as published',
  })
  @ApiParam({ name: 'version', description: 'The matrix version', example: 1 })
  @ApiOkResponse({ type: RiskMatrixResponse })
  @ApiNotFoundResponse({ description: 'No such version has been published' })
  async get(@Param('version', WholeNumberPipe) version: number) {
    const matrix = await this.queryBus.execute(
      new FromReadModel(ReferenceDataQueries, (queries) => queries.riskMatrix(version)),
    );
    if (!matrix) throw new NotFoundException(`risk matrix version ${version} does not exist`);
    return matrix;
  }

  @Requires('reference.write')
  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'PreviewRiskMatrixController_preview',
    summary:
      'What publishing this matrix would change, writing nothing: the open risks whose level it ' +
      'would change. Publishing re-levels no risk by itself: each keeps its level and matrix ' +
      'version until it is next assessed, and needs review in the register until then.',
  })
  @ApiOkResponse({ type: RiskMatrixPreviewResponse })
  @ApiBadRequestResponse({
    description: 'The matrix would be refused on publishing; the message names the field.',
  })
  async preview(
    @Body() body: PublishRiskMatrixRequest,
    @Caller() caller: Principal,
  ): Promise<RiskMatrixPreviewResponse> {
    const { version } = await this.referenceData.currentMatrix();
    // The same checks as publishing, so that a preview passes exactly when publishing would.
    const proposed = checkedMatrix({ type: 'PublishRiskMatrix', ...body }, version + 1);
    const visibility = visibilityOf(caller, 'risks.read');
    const open = await this.register.list({ status: 'OPEN' }, { visibility });
    const assessed = open.filter((risk) => risk.score !== null);
    const changes = levelChangesUnder(proposed, assessed);
    await this.restrictedReads.record(
      caller,
      restrictedIds(changes.map((change) => change.risk)),
      'POST /risk-matrices/preview',
    );
    return {
      proposedVersion: proposed.version,
      assessedOpenRisks: assessed.length,
      changes: changes.map(({ risk, proposedLevel }) => ({
        riskId: risk.riskId,
        title: risk.title,
        area: risk.area,
        unit: risk.unit,
        likelihood: risk.likelihood!,
        consequence: risk.consequence!,
        score: risk.score!,
        level: risk.level!,
        matrixVersion: risk.matrixVersion!,
        proposedLevel,
      })),
    };
  }

  @Requires('reference.write')
  @Post()
  @ApiOperation({
    operationId: 'PublishRiskMatrixController_publish',
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
