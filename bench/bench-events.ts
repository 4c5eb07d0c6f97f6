import { EVENT_CATALOGUE, type DomainEvent } from '@riskledger/domain';
import type { NewEvent } from '@riskledger/event-store';
import { randomUUID } from 'node:crypto';

/** A domain event as the benches append it, with its catalogue schema version. */
export function newEvent(event: DomainEvent): NewEvent {
  return {
    type: event.type,
    schemaVersion: EVENT_CATALOGUE[event.type].schemaVersion,
    data: event.data,
    metadata: {
      actor: 'anna.berg@region.se',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      reason: null,
    },
  };
}
