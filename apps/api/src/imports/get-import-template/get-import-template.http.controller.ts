import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { Requires } from '../../access/requires.decorator';
import { CSV_TYPE, fileResponse, XLSX_TYPE } from '../../platform/table-export';
import { ImportTemplateRequest } from '../import-request.dto';
import { templateFile, type ReferenceSheet } from '../import-template';
import { RISK_COLUMNS } from '../import-risks/risk-columns';
import { UNIT_COLUMNS } from '../import-units/unit-columns';
import type { ImportLanguage } from '../import-problems';

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

@ApiTags('imports')
@Controller('imports')
export class GetImportTemplateController {
  constructor(private readonly queries: ReferenceDataQueries) {}

  @Requires('risks.write')
  @Get('risks/template')
  @ApiOperation({
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
}
