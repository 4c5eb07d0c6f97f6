import { Query } from '@nestjs/cqrs';
import { EVERYTHING, type Visibility } from '@riskledger/domain';
import type { HashedAnnualSecurityReport } from './annual-security-report';

export class GetAnnualSecurityReportQuery extends Query<HashedAnnualSecurityReport> {
  constructor(
    readonly year: number,
    readonly area?: string,
    /** The log as recorded up to this moment; now, or the year's closing, when absent. */
    readonly asOf?: Date,
    /** Whose report: only the areas they answer for, restricted risks only when cleared. */
    readonly visibility: Visibility = EVERYTHING,
  ) {
    super();
  }
}
