import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  ExportFormatField,
  ExportLanguageField,
  type ExportFormat,
  type ExportLanguage,
} from '../../platform/table-export';
import { RiskFilterRequest } from '../risk-filter.request.dto';
import { RISK_SORTS } from '../risk-sort';

export class ExportRisksRequest extends RiskFilterRequest {
  @ApiPropertyOptional({
    description: 'Sort by this field, descending with a leading "-"; by default identifiedAt',
    enum: RISK_SORTS,
    example: '-score',
  })
  @IsOptional()
  @IsIn(RISK_SORTS, { message: `sort must be one of ${RISK_SORTS.join(', ')}` })
  sort?: string;
}

/** GET /risks/export: the same filters, and the file form. */
export class ExportRisksFileRequest extends ExportRisksRequest {
  @ExportFormatField()
  format?: ExportFormat;

  @ExportLanguageField()
  lang?: ExportLanguage;
}
