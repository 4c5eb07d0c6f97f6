import { PickType } from '@nestjs/swagger';
import { IncidentFilterRequest } from '../incident-filter.request.dto';

/** The filters of the incident register that make sense for its overview (of open incidents). */
export class IncidentOverviewRequest extends PickType(IncidentFilterRequest, [
  'area',
  'unit',
  'includeSubunits',
] as const) {}
