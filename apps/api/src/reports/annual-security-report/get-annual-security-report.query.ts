import { Query } from '@nestjs/cqrs';
import type { AnnualSecurityReport } from './annual-security-report';

export class GetAnnualSecurityReportQuery extends Query<AnnualSecurityReport> {
  constructor(
    readonly year: number,
    readonly area?: string,
    /** The log as recorded up to this moment; now when absent. */
    readonly asOf?: Date,
  ) {
    super();
  }
}
