import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  checkReassessmentYear,
  InvalidValueError,
  NotFoundError,
  RuleViolatedError,
} from '@riskledger/domain';
import { PostgresEventStore, VersionConflictError } from '@riskledger/event-store';
import { RiskRegisterQueries } from '@riskledger/read-models';
import { CommandExecutor } from '../../shared/command-executor';
import { riskWrite } from '../../shared/stream-writes';
import { ReferenceData } from '../../shared/reference-data';
import { calendarDayInSweden, Clock } from '../../platform/clock';
import { RequestReassessmentsCommand } from './request-reassessments.command';
import type { RequestReassessmentsResponse } from './request-reassessments.request.dto';

/** A risk written to between our read and our append is read again, a few times. */
const ATTEMPTS = 3;

/**
 * The yearly re-assessment starts from last year's risks: every open risk (of the area, if given)
 * is asked, one append to each risk's stream, and the risk decider says whether it still needs
 * asking (not if reviewed or assessed in that year already, nor twice for one year). The register
 * only names the candidates; a risk identified a moment ago that it does not show yet is asked on
 * the next run, which leaves the ones already asked alone.
 */
@CommandHandler(RequestReassessmentsCommand)
export class RequestReassessmentsHandler implements ICommandHandler<RequestReassessmentsCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: PostgresEventStore,
    private readonly register: RiskRegisterQueries,
    private readonly referenceData: ReferenceData,
    private readonly clock: Clock,
  ) {}

  async execute({ request, context, visibility }: RequestReassessmentsCommand) {
    const today = this.clock.today();
    const year = checkReassessmentYear(request.year, today);
    if (request.area !== undefined) {
      const areas = await this.referenceData.activeAreaCodes();
      if (!areas.includes(request.area)) {
        throw new InvalidValueError('area', `${request.area} is not a security area in use`);
      }
    }
    const candidates = await this.register.list(
      { area: request.area, status: 'OPEN' },
      { visibility },
    );
    const result: RequestReassessmentsResponse = { year, requested: 0, skipped: 0 };
    for (const { riskId } of candidates) {
      if (await this.requestOne(riskId, year, today, context)) result.requested++;
      else result.skipped++;
    }
    return result;
  }

  private async requestOne(
    riskId: string,
    year: number,
    today: string,
    context: RequestReassessmentsCommand['context'],
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream(riskId);
      const lookedAt = history.filter(
        (e) => e.type === 'RiskReviewed' || e.type === 'RiskAssessed',
      );
      const last = lookedAt[lookedAt.length - 1];
      try {
        await this.executor.execute(
          riskWrite(
            {
              type: 'RequestRiskReassessment',
              riskId,
              year,
              lastReviewedOrAssessedOn: last ? calendarDayInSweden(last.recordedAt) : null,
              today,
            },
            context,
            {
              reason: `yearly re-assessment ${year}`,
              expectedVersion: history.length === 0 ? 0 : history[history.length - 1].streamVersion,
            },
          ),
        );
        return true;
      } catch (error) {
        if (error instanceof VersionConflictError && attempt < ATTEMPTS) continue;
        if (error instanceof RuleViolatedError || error instanceof NotFoundError) return false;
        throw error;
      }
    }
  }
}
