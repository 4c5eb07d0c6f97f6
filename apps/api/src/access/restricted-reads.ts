import { Injectable } from '@nestjs/common';
import { EVENT_CATALOGUE, type Principal, type RestrictedRiskRead } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { randomUUID } from 'node:crypto';

/**
 * Records that someone was shown restricted (säkerhetsskydd) risks: each showing is an event of
 * its own stream (no contention between readers), marked RESTRICTED like what it points at, and
 * in the traceability log for investigators. The read is answered only once it is recorded.
 */
@Injectable()
export class RestrictedReads {
  constructor(private readonly store: PostgresEventStore) {}

  async record(caller: Principal, riskIds: readonly string[], what: string): Promise<void> {
    if (riskIds.length === 0) return;
    const event: RestrictedRiskRead = {
      type: 'RestrictedRiskRead',
      data: { riskIds: [...new Set(riskIds)], what },
    };
    await this.store.append('access-record', randomUUID(), 0, [
      {
        type: event.type,
        schemaVersion: EVENT_CATALOGUE.RestrictedRiskRead.schemaVersion,
        data: event.data,
        metadata: {
          actor: caller.subject,
          actorName: caller.name,
          correlationId: randomUUID(),
          causationId: null,
          reason: null,
          classification: 'RESTRICTED',
        },
      },
    ]);
  }
}
