import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskLevelTrend } from '@riskledger/read-models';
import { Clock } from '../../platform/clock';
import { RiskTrendQuery } from './risk-trend.query';
import type { RiskTrendResponse } from './risk-trend.response';
import { trendMonths } from './trend-months';

/**
 * Open risks by level month by month, from the log, of the risks the filter GET /risks applies
 * finds within the caller's scope.
 */
@QueryHandler(RiskTrendQuery)
export class RiskTrendHandler implements IQueryHandler<RiskTrendQuery> {
  constructor(
    private readonly trend: RiskLevelTrend,
    private readonly clock: Clock,
  ) {}

  async execute({ visibility, filter, months }: RiskTrendQuery): Promise<RiskTrendResponse> {
    const calendar = trendMonths(this.clock.now(), months);
    const counts = await this.trend.at(
      calendar.map((m) => m.end),
      filter,
      { visibility },
    );
    return { months: calendar.map(({ month }, i) => ({ month, ...counts[i] })) };
  }
}
