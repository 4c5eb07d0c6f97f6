import { ApiPropertyOptional } from '@nestjs/swagger';
import { InvalidValueError, RISK_CLASSIFICATIONS, RISK_LEVELS } from '@riskledger/domain';
import type { RiskRegisterFilter } from '@riskledger/read-models';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { AreaCode, OptionalText } from '../platform/field-rules';

const RISK_STATUSES = ['OPEN', 'CLOSED'] as const;

/** A query flag: "true" or "false"; anything else stays as sent, for IsBoolean to refuse. */
const QueryFlag = (name: string) => (target: object, property: string) => {
  Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))(
    target,
    property,
  );
  IsOptional()(target, property);
  IsBoolean({ message: `${name} must be true or false` })(target, property);
};

/** The filters the risk register, its export and its matrix share. */
export class RiskFilterRequest {
  @ApiPropertyOptional({
    description: 'Only risks in this security area, as their primary or an additional area',
    example: 'PHARMACEUTICALS',
  })
  @IsOptional()
  @AreaCode()
  area?: string;

  @ApiPropertyOptional({
    description: 'Only risks of this organisational unit (its code, or the text given)',
    example: 'WARD12',
    maxLength: 200,
  })
  @OptionalText(200)
  unit?: string;

  @ApiPropertyOptional({
    description: 'With unit: also the risks of every unit below it in the organisational tree',
    example: true,
  })
  @QueryFlag('includeSubunits')
  includeSubunits?: boolean;

  @ApiPropertyOptional({
    description:
      'Only risks at this level now (the current assessment, or the inherent one while no ' +
      'current assessment exists)',
    enum: RISK_LEVELS,
    example: 'HIGH',
  })
  @IsOptional()
  @IsIn(RISK_LEVELS, { message: `level must be one of ${RISK_LEVELS.join(', ')}` })
  level?: string;

  @ApiPropertyOptional({
    description: 'Only open or only closed risks',
    enum: RISK_STATUSES,
    example: 'OPEN',
  })
  @IsOptional()
  @IsIn(RISK_STATUSES, { message: `status must be one of ${RISK_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({
    description: 'Only risks owned by this person',
    example: 'ward.manager@region.se',
    maxLength: 200,
  })
  @OptionalText(200)
  owner?: string;

  @ApiPropertyOptional({
    description: 'Only risks of this classification (RESTRICTED ones only a cleared caller sees)',
    enum: RISK_CLASSIFICATIONS,
    example: 'OPEN',
  })
  @IsOptional()
  @IsIn(RISK_CLASSIFICATIONS, {
    message: `classification must be one of ${RISK_CLASSIFICATIONS.join(', ')}`,
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

  @ApiPropertyOptional({
    description:
      'Free text: risks whose title, description or scenario (cause, event, consequence) ' +
      'contains it, in any case',
    example: 'medicine room',
    maxLength: 200,
  })
  @OptionalText(200)
  q?: string;
}

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
  };
}
