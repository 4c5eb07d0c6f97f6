import { Injectable } from '@nestjs/common';
import type { Visibility } from '@riskledger/domain';
import { RiskLevelTrend, type RiskRegisterFilter } from '@riskledger/read-models';
import { Clock } from '../../platform/clock';
import type { RiskTrendResponse } from './risk-trend.response';
import { trendMonths } from './trend-months';

/**
 * A month end is settled this long after it: longer than any append takes from the moment it
 * records to its commit, so that nothing recorded before the month end can still arrive.
 */
const SETTLING_MS = 3_600_000;

/**
 * Open risks by level month by month, from the log, of the risks the filter GET /risks applies
 * finds within the caller's scope. The running month is the live register, as the overview's
 * counts; the months before it are folded from the log, and remembered once settled.
 */
@Injectable()
export class RiskTrend {
  constructor(
    private readonly trend: RiskLevelTrend,
    private readonly clock: Clock,
  ) {}

  async of(
    visibility: Visibility,
    filter: RiskRegisterFilter,
    months: number,
  ): Promise<RiskTrendResponse> {
    const now = this.clock.now();
    const calendar = trendMonths(now, months);
    const ends = calendar.slice(0, -1).map((m) => m.end);
    const scope = { visibility };
    const settled = ends.every((end) => end.getTime() < now.getTime() - SETTLING_MS);
    const [past, running] = await Promise.all([
      ends.length === 0
        ? []
        : settled
          ? this.trend.atSettled(ends, filter, scope)
          : this.trend.at(ends, filter, scope),
      this.trend.now(filter, scope),
    ]);
    const counts = [...past, running];
    return { months: calendar.map(({ month }, i) => ({ month, ...counts[i] })) };
  }
}
