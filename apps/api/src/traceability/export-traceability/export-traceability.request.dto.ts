import {
  ExportFormatField,
  ExportLanguageField,
  type ExportFormat,
  type ExportLanguage,
} from '../../platform/table-export';
import { TraceabilityFilterRequest } from '../list-traceability/list-traceability.request.dto';

/** GET /traceability/export: the log's filters, and the file form. */
export class ExportTraceabilityRequest extends TraceabilityFilterRequest {
  @ExportFormatField()
  format?: ExportFormat;

  @ExportLanguageField()
  lang?: ExportLanguage;
}
