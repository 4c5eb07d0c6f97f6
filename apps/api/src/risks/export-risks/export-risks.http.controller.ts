import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { riskFilterOf } from '../risk-filter.request.dto';
import { riskSortOf } from '../risk-sort';
import { ExportRisksQuery } from './export-risks.query';
import { ExportRisksRequest } from './export-risks.request.dto';

@ApiTags('risks')
@Controller('risks')
export class ExportRisksController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('risks.read')
  @Get('export.csv')
  @ApiOperation({
    summary:
      'The risk register as CSV (RFC 4180, UTF-8), one row per risk the caller may see, with ' +
      "the same filters as GET /risks; cells that a spreadsheet would run as formulas start with '",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'A header row (riskId, title, scenario, areas, unit, owner, status, classification, ' +
      'inherentLevel, inherentScore, currentLevel, currentScore, targetLevel, targetScore, ' +
      'nextReviewDate, needsReview, acceptanceLapsesOn, openMitigations), then one row per risk; ' +
      'current is the headline assessment (the inherent one while no current exists)',
    schema: { type: 'string', example: 'riskId,title,scenario,areas,unit,...\r\n' },
  })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="risks.csv"')
  export(@Query() query: ExportRisksRequest, @Caller() caller: Principal) {
    return this.queryBus.execute(
      new ExportRisksQuery(
        caller,
        visibilityOf(caller, 'risks.read'),
        riskFilterOf(query),
        riskSortOf(query.sort),
      ),
    );
  }
}
