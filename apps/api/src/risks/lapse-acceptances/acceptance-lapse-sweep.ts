import { Injectable } from '@nestjs/common';
import { NotFoundError, RuleViolatedError } from '@riskledger/domain';
import { RiskRegisterQueries } from '@riskledger/read-models';
import { CommandExecutor } from '../../shared/command-executor';
import { riskWrite } from '../../shared/stream-writes';
import { Clock } from '../../platform/clock';

/** The actor the lapses are recorded by: the system itself, not a user. */
export const SWEEP_ACTOR = 'riskledger:acceptance-sweep';

export interface SweepResult {
  lapsed: { riskId: string; acceptanceId: string }[];
  /** Found in the register but already revoked, lapsed or replaced in the log. */
  skipped: number;
}

/**
 * An acceptance holds until its lapse date and then lapses by itself (DOMAIN.md: how long an
 * acceptance holds before it must be renewed). The sweep finds the acceptances due in the register
 * and records each lapse through the risk decider, which refuses one no longer in force: running
 * it twice, or on two processes at once, records each lapse once.
 */
@Injectable()
export class AcceptanceLapseSweep {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly register: RiskRegisterQueries,
    private readonly clock: Clock,
  ) {}

  async sweepOnce(): Promise<SweepResult> {
    const today = this.clock.today();
    const result: SweepResult = { lapsed: [], skipped: 0 };
    for (const due of await this.register.acceptancesDue(today)) {
      try {
        await this.executor.execute(
          riskWrite(
            { type: 'LapseRiskAcceptance', ...due, today },
            {
              actor: SWEEP_ACTOR,
              actorName: 'Acceptance lapse sweep',
              roles: [],
              requestId: `lapse-${due.acceptanceId}`,
              correlationId: `lapse-${due.acceptanceId}`,
            },
            { reason: `the acceptance lapsed on its date` },
          ),
        );
        result.lapsed.push(due);
      } catch (error) {
        if (!(error instanceof RuleViolatedError || error instanceof NotFoundError)) throw error;
        result.skipped++;
      }
    }
    return result;
  }
}
