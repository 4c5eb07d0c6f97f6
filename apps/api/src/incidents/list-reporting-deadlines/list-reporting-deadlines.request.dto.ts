import { PageLimit } from '../../platform/paging';

export class ListReportingDeadlinesRequest {
  @PageLimit()
  limit?: number;
}
