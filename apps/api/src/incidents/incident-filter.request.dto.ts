import { ApiPropertyOptional } from '@nestjs/swagger';
import { INCIDENT_KINDS, INCIDENT_STATUSES, InvalidValueError } from '@riskledger/domain';
import type { IncidentRegisterFilter } from '@riskledger/read-models';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AreaCode, IsoInstant, QueryFlag } from '../platform/field-rules';
import { OptionalOneOfField, OptionalTextField } from '../shared/request-fields';

/** The filters the incident register and its export share. */
export class IncidentFilterRequest {
  @ApiPropertyOptional({
    description: 'Only incidents in this security area (its code)',
    example: 'PHARMACEUTICALS',
  })
  @IsOptional()
  @AreaCode()
  area?: string;

  @OptionalTextField(200, {
    description:
      'Only incidents of this organisational unit (its code, or the text given when reported)',
    example: 'Hospital North / Ward 12',
  })
  unit?: string;

  @ApiPropertyOptional({
    description: 'With unit: also the incidents of every unit below it in the organisational tree',
    example: true,
  })
  @QueryFlag('includeSubunits')
  includeSubunits?: boolean;

  @OptionalOneOfField(INCIDENT_KINDS, { description: 'Only this kind', example: 'NEAR_MISS' })
  kind?: string;

  @OptionalOneOfField(INCIDENT_STATUSES, {
    description: 'Only incidents whose handling stands here',
    example: 'REPORTED',
  })
  status?: string;

  @ApiPropertyOptional({
    description:
      'Only incidents of at least this severity, 1 to 5 (those without one are left out)',
    minimum: 1,
    maximum: 5,
    example: 3,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minSeverity must be a whole number from 1 to 5' })
  @Min(1)
  @Max(5)
  minSeverity?: number;

  @ApiPropertyOptional({
    description: 'Only incidents that occurred at or after this moment (ISO 8601 with time zone)',
    example: '2026-01-01T00:00:00+01:00',
  })
  @IsOptional()
  @IsoInstant()
  occurredFrom?: string;

  @ApiPropertyOptional({
    description: 'Only incidents that occurred at or before this moment (ISO 8601 with time zone)',
    example: '2026-12-31T23:59:59+01:00',
  })
  @IsOptional()
  @IsoInstant()
  occurredTo?: string;

  @OptionalTextField(200, {
    description: 'Free text: incidents whose title or description contains it, in any case',
    example: 'medicine room',
  })
  q?: string;

  @ApiPropertyOptional({
    description: 'true: only incidents still handled (not CLOSED or DISMISSED); false: the others',
    example: true,
  })
  @QueryFlag('open')
  open?: boolean;

  @ApiPropertyOptional({
    description:
      'true: only incidents whose kind requires an outward report (to an authority) not yet ' +
      'made; false: the others',
    example: true,
  })
  @QueryFlag('outwardReportsMissing')
  outwardReportsMissing?: boolean;
}

/** The register filter of a checked request; an empty time window is refused, naming occurredTo. */
export function incidentFilterOf(request: IncidentFilterRequest): IncidentRegisterFilter {
  const occurredFrom = request.occurredFrom ? new Date(request.occurredFrom) : undefined;
  const occurredTo = request.occurredTo ? new Date(request.occurredTo) : undefined;
  if (occurredFrom && occurredTo && occurredTo < occurredFrom) {
    throw new InvalidValueError('occurredTo', 'must not be before occurredFrom');
  }
  if (request.includeSubunits && request.unit === undefined) {
    throw new InvalidValueError('includeSubunits', 'needs a unit to take the subunits of');
  }
  return {
    area: request.area,
    unit: request.unit,
    includeSubunits: request.includeSubunits,
    kind: request.kind,
    status: request.status,
    minSeverity: request.minSeverity,
    occurredFrom,
    occurredTo,
    q: request.q,
    open: request.open,
    outwardReportsMissing: request.outwardReportsMissing,
  };
}
