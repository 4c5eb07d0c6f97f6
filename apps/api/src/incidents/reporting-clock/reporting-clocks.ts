import { Injectable } from '@nestjs/common';
import { reportingClock, type ObligationClock, type ReportingObligation } from '@riskledger/domain';
import { ReportingObligationQueries, type IncidentRegisterEntry } from '@riskledger/read-models';
import { Clock } from '../../platform/clock';

/** The reporting clock of register entries, with the obligations in force and the API's clock. */
@Injectable()
export class ReportingClocks {
  constructor(
    private readonly obligations: ReportingObligationQueries,
    private readonly clock: Clock,
  ) {}

  inForce(): Promise<ReportingObligation[]> {
    return this.obligations.inForce();
  }

  of(entry: IncidentRegisterEntry, obligations: readonly ReportingObligation[]): ObligationClock[] {
    return reportingClock(entry, obligations, this.clock.now());
  }
}
