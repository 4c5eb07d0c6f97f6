import {
  Controller,
  Get,
  Headers,
  Param,
  ParseIntPipe,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiServiceUnavailableResponse,
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
import { annualReportHtml, annualReportPrintTemplates } from './annual-security-report.document';
import { PdfPrinter } from '../../platform/pdf-printer';
import { Clock } from '../../platform/clock';
import type { HashedAnnualSecurityReport } from './annual-security-report';
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
    private readonly printer: PdfPrinter,
    private readonly clock: Clock,
  ) {}

  @Requires('reports.read')
  @Get('annual/:year.pdf')
  @ApiOperation({
    summary:
      'The annual security report as a tagged PDF, the same as GET /reports/annual/{year} with ' +
      'Accept: application/pdf',
  })
  @ApiParam({ name: 'year', description: 'The year reported on', example: 2025 })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF' })
  @ApiBadRequestResponse({ description: 'A year, area, asOf or lang that cannot be read' })
  @ApiServiceUnavailableResponse({
    description: 'Chromium is missing: the body says how to install it',
  })
  getPdf(
    @Param('year', new ParseIntPipe({ exceptionFactory: () => notAYear() })) year: number,
    @Query() query: GetAnnualSecurityReportRequest,
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Principal,
  ) {
    return this.get(year, { ...query, format: 'pdf' }, undefined, response, caller);
  }

  @Requires('reports.read')
  @Get('annual/:year')
  @ApiOperation({
    summary:
      'The annual security report (säkerhetsberättelse) for a year, computed from the event log: ' +
      'per area, goals and fulfilment, risks identified, assessed and closed, the risk profile at ' +
      'year end and the year before, the highest risks, incidents by kind and severity with the ' +
      'reports to authorities, mitigations applied, verified and overdue. As JSON, CSV, XLSX, ' +
      'markdown, or the document for the board (HTML, tagged PDF); a closed year gives the same ' +
      'report and contentHash every time',
  })
  @ApiParam({ name: 'year', description: 'The year reported on', example: 2025 })
  @ApiProduces(
    'application/json',
    'text/csv',
    XLSX_TYPE,
    'text/markdown',
    'text/html',
    'application/pdf',
  )
  @ApiOkResponse({ type: AnnualSecurityReportResponse })
  @ApiBadRequestResponse({ description: 'A year, area, asOf or format that cannot be read' })
  @ApiServiceUnavailableResponse({
    description: 'A PDF was asked for and Chromium is missing: the body says how to install it',
  })
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
          at: this.clock.now(),
        }),
      );
    }
    if (format === 'html' || format === 'pdf') {
      return this.document(report, format, query.lang ?? 'sv', response);
    }
    if (format === 'markdown') {
      response.type('text/markdown; charset=utf-8');
      return annualReportMarkdown(report);
    }
    return report;
  }

  /** The säkerhetsberättelse as the board receives it: HTML, or the same HTML printed to PDF. */
  private async document(
    report: HashedAnnualSecurityReport,
    format: 'html' | 'pdf',
    language: 'sv' | 'en',
    response: Response,
  ): Promise<string | StreamableFile> {
    const labels = labelsIn(language, await this.referenceData.securityAreas());
    const html = annualReportHtml({ report, language, labels });
    // The hash lets a reader check the document against the JSON, and so against the log.
    response.setHeader('X-Content-Hash', report.contentHash);
    if (format === 'html') {
      response.type('text/html; charset=utf-8');
      return html;
    }
    const pdf = await this.printer.print(html, annualReportPrintTemplates(report, language));
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="sakerhetsberattelse-${report.year}.pdf"`,
    });
  }
}

function notAYear(): InvalidValueError {
  return new InvalidValueError('year', 'must be a year from 2000 to 9999, e.g. 2025');
}

function formatAccepted(accept: string | undefined): string {
  if (accept?.includes('application/pdf')) return 'pdf';
  if (accept?.includes('text/html')) return 'html';
  if (accept?.includes(XLSX_TYPE)) return 'xlsx';
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes('text/markdown')) return 'markdown';
  return 'json';
}
