import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSESSMENT_BASES,
  InvalidValueError,
  requireCalendarDate,
  RISK_CLASSIFICATIONS,
  RISK_LEVELS,
} from '@riskledger/domain';
import type { RiskRegisterFilter } from '@riskledger/read-models';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AreaCode, OptionalText, QueryFlag } from '../platform/field-rules';
import { OptionalOneOfField, OptionalTextField } from '../shared/request-fields';

const RISK_STATUSES = ['OPEN', 'CLOSED'] as const;

/** The filters the risk register, its export and its matrix share. */
export class RiskFilterRequest {
  @ApiPropertyOptional({
    description: 'Only risks in this security area, as their primary or an additional area',
    example: 'PHARMACEUTICALS',
  })
  @IsOptional()
  @AreaCode()
  area?: string;

  @OptionalTextField(200, {
    description: 'Only risks of this organisational unit (its code, or the text given)',
    example: 'WARD12',
  })
  unit?: string;

  @ApiPropertyOptional({
    description: 'With unit: also the risks of every unit below it in the organisational tree',
    example: true,
  })
  @QueryFlag('includeSubunits')
  includeSubunits?: boolean;

  @OptionalOneOfField(RISK_LEVELS, {
    description:
      'Only risks at this level now (the current assessment, or the inherent one while no ' +
      'current assessment exists)',
    example: 'HIGH',
  })
  level?: string;

  @OptionalOneOfField(RISK_STATUSES, {
    description: 'Only open or only closed risks',
    example: 'OPEN',
  })
  status?: string;

  @OptionalTextField(200, {
    description: 'Only risks owned by this person',
    example: 'ward.manager@region.se',
  })
  owner?: string;

  @OptionalOneOfField(RISK_CLASSIFICATIONS, {
    description: 'Only risks of this classification (RESTRICTED ones only a cleared caller sees)',
    example: 'OPEN',
  })
  classification?: string;

  @ApiPropertyOptional({
    description:
      'true: only open risks that need review (an incident linked since the last review or ' +
      'assessment, or assessed with an older matrix version); false: only those that do not',
    example: true,
  })
  @QueryFlag('needsReview')
  needsReview?: boolean;

  @ApiPropertyOptional({
    description: 'true: only open risks whose next review date has passed; false: the others',
    example: true,
  })
  @QueryFlag('reviewOverdue')
  reviewOverdue?: boolean;

  @ApiPropertyOptional({
    description:
      'true: only open risks with a planned or started mitigation past its due date; false: ' +
      'the others',
    example: true,
  })
  @QueryFlag('mitigationOverdue')
  mitigationOverdue?: boolean;

  @OptionalTextField(200, {
    description:
      'Free text: risks whose title, description or scenario (cause, event, consequence) ' +
      'contains it, in any case',
    example: 'medicine room',
  })
  q?: string;

  @ApiPropertyOptional({
    description:
      'Only open risks whose next review date is on or before this day (YYYY-MM-DD), overdue ' +
      'ones included; with reviewOverdue=false only those not yet overdue',
    example: '2027-01-04',
  })
  @OptionalText(10)
  reviewDueBefore?: string;

  @ApiPropertyOptional({
    description:
      'Only risks with an acceptance in force that lapses on or before this day (YYYY-MM-DD)',
    example: '2027-01-04',
  })
  @OptionalText(10)
  acceptanceLapsesBefore?: string;

  @OptionalOneOfField(ASSESSMENT_BASES, {
    description:
      'With likelihood and/or consequence: the assessment they refer to, counted as GET ' +
      '/risks/matrix counts it (CURRENT: the current assessment, or the inherent one while no ' +
      'current exists); alone: only risks assessed on this basis',
    example: 'CURRENT',
  })
  basis?: string;

  @ApiPropertyOptional({
    description: 'Needs basis: only risks whose assessment of that basis has this likelihood',
    minimum: 1,
    maximum: 5,
    example: 4,
  })
  @MatrixAxis('likelihood')
  likelihood?: number;

  @ApiPropertyOptional({
    description: 'Needs basis: only risks whose assessment of that basis has this consequence',
    minimum: 1,
    maximum: 5,
    example: 3,
  })
  @MatrixAxis('consequence')
  consequence?: number;
}

/** A row or column of the matrix: a whole number from 1 to 5. */
function MatrixAxis(name: string) {
  const message = `${name} must be a whole number from 1 to 5`;
  return (target: object, property: string) => {
    for (const decorate of [
      IsOptional(),
      Type(() => Number),
      IsInt({ message }),
      Min(1, { message }),
      Max(5, { message }),
    ]) {
      decorate(target, property);
    }
  };
}

/** The matrix cell of a checked request; a likelihood or consequence needs its basis. */
function cellOf(request: RiskFilterRequest): RiskRegisterFilter['cell'] {
  if (request.basis === undefined) {
    for (const field of ['likelihood', 'consequence'] as const) {
      if (request[field] !== undefined) {
        throw new InvalidValueError(
          'basis',
          `is needed with ${field}: CURRENT, TARGET or INHERENT`,
        );
      }
    }
    return undefined;
  }
  return {
    basis: request.basis as NonNullable<RiskRegisterFilter['cell']>['basis'],
    likelihood: request.likelihood,
    consequence: request.consequence,
  };
}

const dayOf = (field: string, value: string | undefined) =>
  value === undefined ? undefined : requireCalendarDate(field, value);

/** The register filter of a checked request; includeSubunits without a unit is refused. */
export function riskFilterOf(request: RiskFilterRequest): RiskRegisterFilter {
  if (request.includeSubunits && request.unit === undefined) {
    throw new InvalidValueError('includeSubunits', 'needs a unit to take the subunits of');
  }
  return {
    area: request.area,
    unit: request.unit,
    includeSubunits: request.includeSubunits,
    level: request.level as RiskRegisterFilter['level'],
    status: request.status as RiskRegisterFilter['status'],
    owner: request.owner,
    classification: request.classification as RiskRegisterFilter['classification'],
    needsReview: request.needsReview,
    reviewOverdue: request.reviewOverdue,
    mitigationOverdue: request.mitigationOverdue,
    q: request.q,
    reviewDueBefore: dayOf('reviewDueBefore', request.reviewDueBefore),
    acceptanceLapsesBefore: dayOf('acceptanceLapsesBefore', request.acceptanceLapsesBefore),
    cell: cellOf(request),
  };
}
