import type { RiskLevel } from '@riskledger/domain';
import type { PostgresEventStore } from '@riskledger/event-store';
import { domainEventOf, envelopeOf, type EventEnvelope } from '@riskledger/messaging';

/** The events that decide whether a risk is open and at which headline level. */
export const LEVEL_TREND_EVENT_TYPES = [
  'RiskIdentified',
  'RiskAssessed',
  'RiskClosed',
  'RiskReopened',
] as const;

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

/**
 * The open risks at each of these moments (ascending), by headline level as the register held it
 * then: the current assessment's level, or the inherent one's while no current exists, each as
 * recorded with the matrix version the assessment used (the register never re-judges a level; a
 * newer matrix makes the risk need review instead). A risk counts as open but at no level while
 * it is not assessed.
 *
 * As the register as of a moment: the events recorded at or before it, the later position
 * winning. The events are swept once in recorded order, so the cost is the events', not
 * events × moments.
 */
export function openRisksByLevel(
  envelopes: readonly EventEnvelope[],
  moments: readonly Date[],
): OpenRisksByLevel[] {
  const timed = envelopes
    .map((envelope) => ({ envelope, at: Date.parse(envelope.recordedAt) }))
    .sort((a, b) => a.at - b.at || a.envelope.position - b.envelope.position);
  const risks = new Map<string, RiskAtMoment>();
  const later = <T>(was: Latest<T> | null, position: number, value: T): Latest<T> =>
    was !== null && was.position > position ? was : { position, value };
  const counts: OpenRisksByLevel[] = [];
  let next = 0;
  for (const moment of moments) {
    for (; next < timed.length && timed[next].at <= moment.getTime(); next++) {
      const { envelope } = timed[next];
      const event = domainEventOf(envelope);
      const position = envelope.position;
      const risk = risks.get(envelope.streamId) ?? {
        open: { position: 0, value: false },
        current: null,
        inherent: null,
      };
      risks.set(envelope.streamId, risk);
      if (event?.type === 'RiskIdentified') {
        risk.open = later(risk.open, position, true);
      } else if (event?.type === 'RiskClosed' || event?.type === 'RiskReopened') {
        risk.open = later(risk.open, position, event.type === 'RiskReopened');
      } else if (event?.type === 'RiskAssessed' && event.data.basis === 'CURRENT') {
        risk.current = later(risk.current, position, event.data.level);
      } else if (event?.type === 'RiskAssessed' && event.data.basis === 'INHERENT') {
        risk.inherent = later(risk.inherent, position, event.data.level);
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
    const events = await this.store.readOfTypes(LEVEL_TREND_EVENT_TYPES, { streamIds: riskIds });
    return openRisksByLevel(events.map(envelopeOf), moments);
  }
}
