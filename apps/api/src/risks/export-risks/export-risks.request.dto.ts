import {
  ExportFormatField,
  ExportLanguageField,
  type ExportFormat,
  type ExportLanguage,
} from '../../platform/table-export';
import { RiskFilterRequest } from '../risk-filter.request.dto';
import { RISK_SORTS } from '../risk-sort';
import { OptionalOneOfField } from '../../shared/request-fields';

export class ExportRisksRequest extends RiskFilterRequest {
  @OptionalOneOfField(RISK_SORTS, {
    description: 'Sort by this field, descending with a leading "-"; by default identifiedAt',
    example: '-score',
  })
  sort?: string;
}

/** GET /risks/export: the same filters, and the file form. */
export class ExportRisksFileRequest extends ExportRisksRequest {
  @ExportFormatField()
  format?: ExportFormat;

  @ExportLanguageField()
  lang?: ExportLanguage;
}
