import { Body, Controller, Get, Headers, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ReferenceDataQueries } from '@riskledger/read-models';
import type { Response } from 'express';
import { Requires } from '../access/requires.decorator';
import { streamProgress, wantsProgress } from '../platform/progress-stream';
import { RequestContext } from '../platform/request-context.decorator';
import { CSV_TYPE, fileResponse, XLSX_TYPE } from '../platform/table-export';
import type { CommandContext } from '../shared/command-context';
import { fileBody } from './file-body';
import type { ImportCommand } from './import.command';
import type { ImportLanguage } from './import-problems';
import { ImportResponses, type ImportReportResponse } from './import-report.response';
import { ImportBody, ImportRequest, ImportTemplateRequest } from './import-request.dto';
import { ImportRisksCommand } from './import-risks/import-risks.command';
import { RISK_COLUMNS } from './import-risks/risk-columns';
import { templateFile, type ReferenceSheet } from './import-template';
import { ImportUnitsCommand } from './import-units/import-units.command';
import { UNIT_COLUMNS } from './import-units/unit-columns';

const TEMPLATE_RESPONSE = {
  description: 'The template, saved as riskimport.xlsx (or .csv, enhetsimport.*)',
  schema: { type: 'string', format: 'binary' },
} as const;

const SHEETS = {
  sv: {
    risks: 'Risker',
    units: 'Enheter',
    registered: 'Registrerade enheter',
    areas: 'Säkerhetsområden',
    code: 'Kod',
    name: 'Namn',
    nameEn: 'Namn (engelska)',
    kind: 'Typ',
    parent: 'Överordnad enhet',
  },
  en: {
    risks: 'Risks',
    units: 'Units',
    registered: 'Registered units',
    areas: 'Security areas',
    code: 'Code',
    name: 'Name',
    nameEn: 'Name (Swedish)',
    kind: 'Kind',
    parent: 'Parent unit',
  },
} as const;

/**
 * The two imports and their templates. The imports take the same request and give the same
 * report; only the rows differ. Each template keeps the operationId it had as a controller of its
 * own, which the console's generated types name.
 */
@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queries: ReferenceDataQueries,
  ) {}

  @Requires('risks.write')
  @Get('risks/template')
  @ApiOperation({
    operationId: 'GetImportTemplateController_risks',
    summary:
      'The file to fill in for POST /imports/risks: Swedish headers (English with lang=en), a ' +
      'note on each header and a sheet explaining the columns, and the security areas and ' +
      'units in use',
  })
  @ApiProduces(XLSX_TYPE, CSV_TYPE)
  @ApiOkResponse(TEMPLATE_RESPONSE)
  async risks(@Query() query: ImportTemplateRequest): Promise<StreamableFile> {
    const language = query.lang ?? 'sv';
    const words = SHEETS[language];
    const areas = (await this.queries.securityAreas()).filter((area) => !area.retired);
    const areaSheet: ReferenceSheet = {
      name: words.areas,
      headers: [words.code, words.name, words.nameEn],
      rows: areas.map((a) => (language === 'sv' ? [a.code, a.sv, a.en] : [a.code, a.en, a.sv])),
    };
    const file = await templateFile(
      {
        fileName: language === 'sv' ? 'riskimport' : 'risk-import',
        sheet: words.risks,
        columns: RISK_COLUMNS,
        references: [areaSheet, await this.unitSheet(language)],
      },
      query.format ?? 'xlsx',
      language,
    );
    return fileResponse(file);
  }

  @Requires('reference.write')
  @Get('units/template')
  @ApiOperation({
    operationId: 'GetImportTemplateController_units',
    summary:
      'The file to fill in for POST /imports/units: Swedish headers (English with lang=en), a ' +
      'note on each header, a sheet explaining the columns, and the units already registered',
  })
  @ApiProduces(XLSX_TYPE, CSV_TYPE)
  @ApiOkResponse(TEMPLATE_RESPONSE)
  async units(@Query() query: ImportTemplateRequest): Promise<StreamableFile> {
    const language = query.lang ?? 'sv';
    const file = await templateFile(
      {
        fileName: language === 'sv' ? 'enhetsimport' : 'unit-import',
        sheet: SHEETS[language].units,
        columns: UNIT_COLUMNS,
        references: [await this.unitSheet(language)],
      },
      query.format ?? 'xlsx',
      language,
    );
    return fileResponse(file);
  }

  /** The open units, parents first: what a Unit or Parent column may name. */
  private async unitSheet(language: ImportLanguage): Promise<ReferenceSheet> {
    const words = SHEETS[language];
    const units = (await this.queries.organisationalUnits()).filter((unit) => unit.open);
    return {
      name: words.registered,
      headers: [words.code, words.name, words.kind, words.parent],
      rows: units.map((u) => [u.code, u.name, u.kind, u.parentCode ?? '']),
    };
  }

  /**
   * Runs an import as its endpoint asked: 200 for a dry run, 201 when imported; or, when the
   * request accepts application/x-ndjson, its progress as it goes and then that answer.
   */
  private async answer(
    command: new (...args: ConstructorParameters<typeof ImportCommand>) => ImportCommand,
    body: unknown,
    query: ImportRequest,
    context: CommandContext,
    accept: string | undefined,
    response: Response,
  ): Promise<ImportReportResponse | StreamableFile> {
    const dryRun = query.dryRun ?? false;
    const options = { dryRun, language: query.lang ?? 'sv' };
    const file = fileBody(body);
    const status = dryRun ? 200 : 201;
    if (wantsProgress(accept)) {
      response.status(200);
      return streamProgress(
        (report) =>
          this.commandBus.execute(
            new command(file, options, context, (phase, done, total) =>
              report({ phase, done, total }),
            ),
          ),
        status,
      );
    }
    const report = await this.commandBus.execute(new command(file, options, context));
    response.status(status);
    return report;
  }

  @Requires('risks.write')
  @Post('risks')
  @ApiOperation({
    summary:
      'Import risks from a CSV or XLSX file (GET /imports/risks/template): each row as POST ' +
      '/risks would identify it, in the units and areas the caller may identify risks in. ' +
      'dryRun=true checks every row and appends nothing; otherwise every row is appended, in ' +
      'one transaction, or none. Every event carries the correlation id and, in importedFrom, ' +
      "the file's SHA-256 and its row. The same file imported again appends nothing.",
  })
  @ImportBody()
  @ImportResponses()
  importRisks(
    @Body() body: unknown,
    @Query() query: ImportRequest,
    @RequestContext() context: CommandContext,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReportResponse | StreamableFile> {
    return this.answer(ImportRisksCommand, body, query, context, accept, response);
  }

  @Requires('reference.write')
  @Post('units')
  @ApiOperation({
    summary:
      'Import the organisational tree from a CSV or XLSX file (GET /imports/units/template): ' +
      'each row as POST /organisational-units would register it, parents before children ' +
      'whatever the order of the rows. dryRun=true checks every row and appends nothing; ' +
      'otherwise every unit is registered, in one transaction, or none. A unit already ' +
      'registered as its row says is left as it is, so the same file imported again appends ' +
      'nothing; registered otherwise, it is a problem.',
  })
  @ImportBody()
  @ImportResponses()
  importUnits(
    @Body() body: unknown,
    @Query() query: ImportRequest,
    @RequestContext() context: CommandContext,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReportResponse | StreamableFile> {
    return this.answer(ImportUnitsCommand, body, query, context, accept, response);
  }
}
