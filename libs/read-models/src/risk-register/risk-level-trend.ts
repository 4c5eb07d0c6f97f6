import { RISK_LEVELS, type RiskLevel } from '@riskledger/domain';
import type { EventFacts, PostgresEventStore } from '@riskledger/event-store';

/** The events that decide whether a risk is open and at which headline level. */
export const LEVEL_TREND_EVENT_TYPES = [
  'RiskIdentified',
  'RiskAssessed',
  'RiskClosed',
  'RiskReopened',
] as const;

/** What the trend reads of a RiskAssessed (the others it needs only the type of). */
export const LEVEL_TREND_FIELDS = ['basis', 'level'] as const;

/** Open risks at one moment: how many in all, and how many at each headline level. */
export type OpenRisksByLevel = Record<RiskLevel, number> & { open: number };

/** A value of a risk and the log position of the event that set it: a later position wins. */
interface Latest<T> {
  position: number;
  value: T;
}

interface RiskAtMoment {
  open: Latest<boolean>;
  current: Latest<RiskLevel> | null;
  inherent: Latest<RiskLevel> | null;
}

const isRiskLevel = (value: unknown): value is RiskLevel =>
  RISK_LEVELS.includes(value as RiskLevel);

/**
 * The open risks at each of these moments (ascending), by headline level as the register held it
 * then: the current assessment's level, or the inherent one's while no current exists, each as
 * recorded with the matrix version the assessment used (the register never re-judges a level; a
 * newer matrix makes the risk need review instead). A risk counts as open but at no level while
 * it is not assessed.
 *
 * As the register as of a moment: the events recorded at or before it, the later position
 * winning. The events (upcast) are swept once in recorded order, so the cost is the events', not
 * events × moments.
 */
export function openRisksByLevel(
  events: readonly EventFacts[],
  moments: readonly Date[],
): OpenRisksByLevel[] {
  const timed = events
    .map((event) => ({ event, at: event.recordedAt.getTime() }))
    .sort((a, b) => a.at - b.at || a.event.position - b.event.position);
  const risks = new Map<string, RiskAtMoment>();
  const later = <T>(was: Latest<T> | null, position: number, value: T): Latest<T> =>
    was !== null && was.position > position ? was : { position, value };
  const counts: OpenRisksByLevel[] = [];
  let next = 0;
  for (const moment of moments) {
    const end = moment.getTime();
    for (; next < timed.length && timed[next].at <= end; next++) {
      const { streamId, position, type, data } = timed[next].event;
      const risk = risks.get(streamId) ?? {
        open: { position: 0, value: false },
        current: null,
        inherent: null,
      };
      risks.set(streamId, risk);
      if (type === 'RiskIdentified') {
        risk.open = later(risk.open, position, true);
      } else if (type === 'RiskClosed' || type === 'RiskReopened') {
        risk.open = later(risk.open, position, type === 'RiskReopened');
      } else if (type === 'RiskAssessed' && isRiskLevel(data.level)) {
        if (data.basis === 'CURRENT') risk.current = later(risk.current, position, data.level);
        if (data.basis === 'INHERENT') risk.inherent = later(risk.inherent, position, data.level);
      }
    }
    const at: OpenRisksByLevel = { LOW: 0, MEDIUM: 0, HIGH: 0, VERY_HIGH: 0, open: 0 };
    for (const risk of risks.values()) {
      if (!risk.open.value) continue;
      at.open++;
      const level = (risk.current ?? risk.inherent)?.value;
      if (level) at[level]++;
    }
    counts.push(at);
  }
  return counts;
}

/** The trend of open risks by level over the log, for the risks given (a caller's scope). */
export class RiskLevelTrend {
  constructor(private readonly store: PostgresEventStore) {}

  async at(moments: readonly Date[], riskIds: readonly string[]): Promise<OpenRisksByLevel[]> {
    const events = await this.store.readFacts(LEVEL_TREND_EVENT_TYPES, {
      streamIds: riskIds,
      fields: LEVEL_TREND_FIELDS,
    });
    return openRisksByLevel(events, moments);
  }
}
