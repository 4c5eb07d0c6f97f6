import { Injectable } from '@nestjs/common';
import { addDays, RISK_LEVELS, type RiskLevel, type Visibility } from '@riskledger/domain';
import { RiskRegisterCounts, type RiskRegisterFilter } from '@riskledger/read-models';
import { Clock } from '../../platform/clock';
import { RiskMoments } from '../risk-moments';
import type { AreaLevelCountsResponse, RiskOverviewResponse } from './risk-overview.response';

/** How far ahead the overview looks for reviews and acceptances coming due. */
const HORIZON_DAYS = 30;

/**
 * The dashboard's numbers over the open risks in scope. Each is the total of a register filter,
 * the one GET /risks applies to the same query (the response's description names it), so that a
 * number and the list it opens never disagree.
 */
@Injectable()
export class RiskOverview {
  constructor(
    private readonly counts: RiskRegisterCounts,
    private readonly moments: RiskMoments,
    private readonly clock: Clock,
  ) {}

  async of(visibility: Visibility, filter: RiskRegisterFilter): Promise<RiskOverviewResponse> {
    const asOf = this.clock.now();
    const moment = await this.moments.at();
    const horizon = addDays(moment.today, HORIZON_DAYS);
    const scope = { visibility, moment };
    const open: RiskRegisterFilter = { ...filter, status: 'OPEN' };
    const [[total, ...rest], byAreaAndLevel] = await Promise.all([
      this.counts.counts(
        [
          {},
          ...RISK_LEVELS.map((level) => ({ level })),
          { reviewOverdue: true },
          { reviewOverdue: false, reviewDueBefore: horizon },
          { acceptanceLapsesBefore: horizon },
          { mitigationOverdue: true },
          { needsReview: true },
        ].map((more: RiskRegisterFilter) => ({ ...open, ...more })),
        scope,
      ),
      this.counts.byAreaAndLevel(open, scope),
    ]);
    const levels = rest.slice(0, RISK_LEVELS.length);
    const [overdue, dueSoon, lapsing, mitigations, needsReview] = rest.slice(RISK_LEVELS.length);
    const byLevel = Object.fromEntries(RISK_LEVELS.map((level, i) => [level, levels[i]])) as Record<
      RiskLevel,
      number
    >;
    const areas = new Map<string, AreaLevelCountsResponse>();
    // With an area filter, the other areas of the risks found are not what was asked about.
    for (const { area, level, count: n } of byAreaAndLevel) {
      if (filter.area !== undefined && area !== filter.area) continue;
      const row = areas.get(area) ?? { area, LOW: 0, MEDIUM: 0, HIGH: 0, VERY_HIGH: 0, total: 0 };
      if (level !== null) row[level] += n;
      row.total += n;
      areas.set(area, row);
    }
    return {
      asOf: asOf.toISOString(),
      today: moment.today,
      horizon,
      open: total,
      byLevel,
      byAreaAndLevel: [...areas.values()],
      reviews: { overdue, dueWithin30Days: dueSoon },
      acceptances: { lapsingWithin30Days: lapsing },
      mitigations: { overdue: mitigations },
      needsReview,
    };
  }
}
