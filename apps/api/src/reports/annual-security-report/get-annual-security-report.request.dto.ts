import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsoInstant } from '../../platform/field-rules';
import { ExportLanguageField, XLSX_TYPE, type ExportLanguage } from '../../platform/table-export';
import { AreaCodeFormat } from '../../goals/goal-field-rules';
import { OptionalOneOfField } from '../../shared/request-fields';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'markdown', 'html', 'pdf'] as const;

export class GetAnnualSecurityReportRequest {
  @ApiPropertyOptional({
    description: 'Only this security area (also a retired one the log names)',
    example: 'FIRE_SAFETY',
  })
  @IsOptional()
  @AreaCodeFormat()
  area?: string;

  @ApiPropertyOptional({
    description:
      'Read the log as recorded up to this moment (ISO 8601 with time zone; now when left out). ' +
      'The report states the moment it read up to: asking again with it gives the same report.',
    example: '2026-03-31T23:59:59+02:00',
  })
  @IsOptional()
  @IsoInstant()
  asOf?: string;

  @OptionalOneOfField(REPORT_FORMATS, {
    description:
      'json (default), csv (one row per area), xlsx (the same table as a spreadsheet: Swedish ' +
      'headers and area names unless lang=en, counts as numbers, a frozen header row, a second ' +
      'sheet noting the year, area and log position), markdown (a readable text), html or pdf ' +
      '(the säkerhetsberättelse as a document for the board, Swedish unless lang=en; the PDF is ' +
      'tagged, printed by Chromium from the same HTML); the Accept header text/csv, ' +
      `${XLSX_TYPE}, text/markdown, text/html or application/pdf does the same`,
    example: 'markdown',
  })
  format?: string;

  @ExportLanguageField()
  lang?: ExportLanguage;
}
