import { RiskFilterAsOfRequest } from '../as-of/risk-filter-as-of.request.dto';
import { RISK_SORTS } from '../risk-sort';
import { PageLimit, PageOffset } from '../../platform/paging';
import { OptionalOneOfField } from '../../shared/request-fields';

export class ListRisksRequest extends RiskFilterAsOfRequest {
  @OptionalOneOfField(RISK_SORTS, {
    description:
      'Sort by this field, descending with a leading "-" (level: LOW < MEDIUM < HIGH < ' +
      'VERY_HIGH; risks without a value last either way); by default identifiedAt',
    example: '-score',
  })
  sort?: string;

  @PageLimit()
  limit?: number;

  @PageOffset('Risks')
  offset?: number;
}
