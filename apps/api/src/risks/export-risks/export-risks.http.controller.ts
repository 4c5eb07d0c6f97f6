import { Controller, Get, Header, Headers, Query } from '@nestjs/common';
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
import {
  fileResponse,
  formatAccepted,
  selectionOf,
  XLSX_TYPE,
  type ExportFile,
} from '../../platform/table-export';
import { riskFilterOf } from '../risk-filter.request.dto';
import { riskSortOf } from '../risk-sort';
import { ExportRisksQuery } from './export-risks.query';
import { ExportRisksFileRequest, ExportRisksRequest } from './export-risks.request.dto';

const CSV_COLUMNS =
  'riskId, title, scenario, areas, unit, owner, status, classification, inherentLevel, ' +
  'inherentScore, currentLevel, currentScore, targetLevel, targetScore, nextReviewDate, ' +
  'needsReview, acceptanceLapsesOn, openMitigations';

@ApiTags('risks')
@Controller('risks')
export class ExportRisksController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('risks.read')
  @Get('export.csv')
  @ApiOperation({
    summary:
      'The risk register as CSV (RFC 4180, UTF-8), one row per risk the caller may see, with ' +
      "the same filters as GET /risks; cells that a spreadsheet would run as formulas start with '. " +
      'The same as GET /risks/export?format=csv, under the file name risks.csv',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      `A header row (${CSV_COLUMNS}), then one row per risk; ` +
      'current is the headline assessment (the inherent one while no current exists)',
    schema: { type: 'string', example: 'riskId,title,scenario,areas,unit,...\r\n' },
  })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="risks.csv"')
  async export(@Query() query: ExportRisksRequest, @Caller() caller: Principal) {
    const file = await this.file(query, caller, {
      format: 'csv',
      language: 'en',
      selection: [],
      what: 'GET /risks/export.csv',
    });
    return file.body;
  }

  @Requires('risks.read')
  @Get('export')
  @ApiOperation({
    summary:
      'The risk register as a file, CSV or XLSX, one row per risk the caller may see, with the ' +
      'same filters as GET /risks. The XLSX has Swedish headers (English with lang=en), areas, ' +
      'levels and statuses in words, dates as dates and scores as numbers, a frozen header row ' +
      'with an auto filter, and a second sheet (Urval) noting when it was made and the filters',
  })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({
    description:
      `CSV: a header row (${CSV_COLUMNS}), then one row per risk. XLSX: the same columns. ` +
      'Saved as riskregister-<Swedish date>.csv or .xlsx',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  async exportFile(
    @Query() query: ExportRisksFileRequest,
    @Headers('accept') accept: string | undefined,
    @Caller() caller: Principal,
  ) {
    const format = query.format ?? formatAccepted(accept) ?? 'csv';
    const file = await this.file(query, caller, {
      format,
      language: query.lang ?? 'sv',
      selection: selectionOf(query),
      what: `GET /risks/export?format=${format}`,
    });
    return fileResponse(file);
  }

  private file(
    query: ExportRisksRequest,
    caller: Principal,
    file: ExportRisksQuery['file'],
  ): Promise<ExportFile> {
    return this.queryBus.execute(
      new ExportRisksQuery(
        caller,
        visibilityOf(caller, 'risks.read'),
        riskFilterOf(query),
        riskSortOf(query.sort),
        file,
      ),
    );
  }
}
