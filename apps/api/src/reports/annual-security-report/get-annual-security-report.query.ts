import { Query } from '@nestjs/cqrs';
import { EVERYTHING, type Visibility } from '@riskledger/domain';
import type { AnnualSecurityReport } from './annual-security-report';

export class GetAnnualSecurityReportQuery extends Query<AnnualSecurityReport> {
  constructor(
    readonly year: number,
    readonly area?: string,
    /** The log as recorded up to this moment; now when absent. */
    readonly asOf?: Date,
    /** Whose report: only the areas they answer for, restricted risks only when cleared. */
    readonly visibility: Visibility = EVERYTHING,
  ) {
    super();
  }
}
