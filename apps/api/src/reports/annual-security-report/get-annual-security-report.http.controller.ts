import { Controller, Get, Headers, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { InvalidValueError } from '@riskledger/domain';
import type { Response } from 'express';
import { exportFileOf, fileResponse, selectionOf, XLSX_TYPE } from '../../platform/table-export';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { labelsIn } from '../../shared/export-labels';
import {
  annualReportColumns,
  annualReportCsv,
  annualReportMarkdown,
} from './annual-security-report.render';
import { AnnualSecurityReportResponse } from './annual-security-report.response';
import { GetAnnualSecurityReportQuery } from './get-annual-security-report.query';
import { GetAnnualSecurityReportRequest } from './get-annual-security-report.request.dto';
import { Requires } from '../../access/requires.decorator';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import type { Principal } from '@riskledger/domain';

@ApiTags('reports')
@Controller('reports')
export class GetAnnualSecurityReportController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly referenceData: ReferenceDataQueries,
  ) {}

  @Requires('reports.read')
  @Get('annual/:year')
  @ApiOperation({
    summary:
      'The annual security report (säkerhetsberättelse) for a year, computed from the event log: ' +
      'per area, goals and fulfilment, risks identified, assessed and closed and their levels at ' +
      'year end, incidents by kind, mitigations applied and verified',
  })
  @ApiParam({ name: 'year', description: 'The year reported on', example: 2025 })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE, 'text/markdown')
  @ApiOkResponse({ type: AnnualSecurityReportResponse })
  @ApiBadRequestResponse({ description: 'A year, area, asOf or format that cannot be read' })
  async get(
    @Param('year', new ParseIntPipe({ exceptionFactory: () => notAYear() })) year: number,
    @Query() query: GetAnnualSecurityReportRequest,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Principal,
  ) {
    if (year < 2000 || year > 9999) throw notAYear();
    const report = await this.queryBus.execute(
      new GetAnnualSecurityReportQuery(
        year,
        query.area,
        query.asOf ? new Date(query.asOf) : undefined,
        visibilityOf(caller, 'reports.read'),
      ),
    );
    const format = query.format ?? formatAccepted(accept);
    if (format === 'csv') {
      response.type('text/csv; charset=utf-8');
      response.setHeader(
        'Content-Disposition',
        `attachment; filename="security-report-${year}.csv"`,
      );
      return annualReportCsv(report);
    }
    if (format === 'xlsx') {
      const language = query.lang ?? 'sv';
      const labels = labelsIn(language, await this.referenceData.securityAreas());
      return fileResponse(
        await exportFileOf('xlsx', language, {
          sheet: { sv: `Säkerhetsberättelse ${year}`, en: `Security report ${year}` },
          fileName: `sakerhetsberattelse-${year}`,
          columns: annualReportColumns(report, labels),
          rows: report.areas,
          selection: [
            ['year', String(year)],
            ...selectionOf(query).filter(([name]) => name !== 'asOf'),
            ['asOf', report.asOf],
            ['lastPosition', String(report.lastPosition)],
          ],
          at: new Date(),
        }),
      );
    }
    if (format === 'markdown') {
      response.type('text/markdown; charset=utf-8');
      return annualReportMarkdown(report);
    }
    return report;
  }
}

function notAYear(): InvalidValueError {
  return new InvalidValueError('year', 'must be a year from 2000 to 9999, e.g. 2025');
}

function formatAccepted(accept: string | undefined): string {
  if (accept?.includes(XLSX_TYPE)) return 'xlsx';
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes('text/markdown')) return 'markdown';
  return 'json';
}
