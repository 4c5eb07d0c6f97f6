import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  ExportFormatField,
  ExportLanguageField,
  type ExportFormat,
  type ExportLanguage,
} from '../../platform/table-export';
import { IncidentFilterRequest } from '../incident-filter.request.dto';
import { INCIDENT_SORTS } from '../incident-sort';

export class ExportIncidentsRequest extends IncidentFilterRequest {
  @ApiPropertyOptional({
    description: 'Sort by this field, descending with a leading "-"; by default -occurredAt',
    enum: INCIDENT_SORTS,
    example: 'occurredAt',
  })
  @IsOptional()
  @IsIn(INCIDENT_SORTS, { message: `sort must be one of ${INCIDENT_SORTS.join(', ')}` })
  sort?: string;
}

/** GET /incidents/export: the same filters, and the file form. */
export class ExportIncidentsFileRequest extends ExportIncidentsRequest {
  @ExportFormatField()
  format?: ExportFormat;

  @ExportLanguageField()
  lang?: ExportLanguage;
}
