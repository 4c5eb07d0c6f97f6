import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskLevelTrend, RiskRegisterCounts } from '@riskledger/read-models';
import { Clock } from '../../platform/clock';
import { RiskTrendQuery } from './risk-trend.query';
import type { RiskTrendResponse } from './risk-trend.response';
import { trendMonths } from './trend-months';

/**
 * Open risks by level month by month, from the log. Which risks are in scope (visibility, area,
 * unit) is read from the live register, by the filter GET /risks applies: a risk's unit, areas and
 * classification are set when it is identified and never change, so the register's answer is the
 * log's.
 */
@QueryHandler(RiskTrendQuery)
export class RiskTrendHandler implements IQueryHandler<RiskTrendQuery> {
  constructor(
    private readonly counts: RiskRegisterCounts,
    private readonly trend: RiskLevelTrend,
    private readonly clock: Clock,
  ) {}

  async execute({ visibility, filter, months }: RiskTrendQuery): Promise<RiskTrendResponse> {
    const calendar = trendMonths(this.clock.now(), months);
    const riskIds = await this.counts.riskIds(filter, { visibility });
    const counts = await this.trend.at(
      calendar.map((m) => m.end),
      riskIds,
    );
    return { months: calendar.map(({ month }, i) => ({ month, ...counts[i] })) };
  }
}
