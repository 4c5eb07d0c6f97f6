import { PickType } from '@nestjs/swagger';
import { RiskFilterRequest } from '../risk-filter.request.dto';

/** The filters of the register that make sense for its overview (always of open risks). */
export class RiskOverviewRequest extends PickType(RiskFilterRequest, [
  'area',
  'unit',
  'includeSubunits',
  'owner',
  'classification',
] as const) {}
