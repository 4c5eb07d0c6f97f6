import type { DomainEvent } from '../event-catalogue';

/**
 * A stream is restricted (säkerhetsskydd) when it was identified as such: a risk's classification
 * is set once, so every event of its stream carries the same marking.
 */
export function streamClassification(events: readonly DomainEvent[]): 'RESTRICTED' | undefined {
  const identified = events.find((e) => e.type === 'RiskIdentified');
  return identified?.type === 'RiskIdentified' && identified.data.classification === 'RESTRICTED'
    ? 'RESTRICTED'
    : undefined;
}
