import {
  ExportFormatField,
  ExportLanguageField,
  type ExportFormat,
  type ExportLanguage,
} from '../../platform/table-export';
import { IncidentFilterRequest } from '../incident-filter.request.dto';
import { INCIDENT_SORTS } from '../incident-sort';
import { OptionalOneOfField } from '../../shared/request-fields';

export class ExportIncidentsRequest extends IncidentFilterRequest {
  @OptionalOneOfField(INCIDENT_SORTS, {
    description: 'Sort by this field, descending with a leading "-"; by default -occurredAt',
    example: 'occurredAt',
  })
  sort?: string;
}

/** GET /incidents/export: the same filters, and the file form. */
export class ExportIncidentsFileRequest extends ExportIncidentsRequest {
  @ExportFormatField()
  format?: ExportFormat;

  @ExportLanguageField()
  lang?: ExportLanguage;
}
