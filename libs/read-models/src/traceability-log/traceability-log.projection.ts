import type { EntityManager } from 'typeorm';
import { type EventEnvelope } from '@riskledger/contracts';
import type { Projection } from '../projection';
import { copyRows, type CopyValue } from '../copy-rows';
import { sqlIdentifier } from '../sql-identifier';
import { traceabilityEntryOf, type StreamContext } from './traceability-entry';

/** The columns written, in the order of each row's values. */
const TRACEABILITY_COLUMNS = [
  'position',
  'event_id',
  'stream_type',
  'stream_id',
  'stream_version',
  'event_type',
  'recorded_at',
  'actor',
  'actor_name',
  'reason',
  'correlation_id',
  'causation_id',
  'area',
  'unit',
  'summary',
  'data',
  'restricted',
];

/** The traceability log: one entry per event, of every stream type. */
export class TraceabilityLogProjection implements Projection {
  readonly name = 'traceability-log';
  /**
   * Reference data is left out: its seeding would fill the log. Who read restricted risks is in,
   * and the owners' reminders: what was sent, and each failed send.
   */
  readonly streamTypes = ['risk', 'incident', 'goal', 'access-record', 'reminder'];
  readonly table = 'traceability_log';
  readonly key = 'position';
  /**
   * streamContexts reads each stream's latest entry. The other six indexes are made at the end of
   * a rebuild: a row per event in each of them cost PostgreSQL a fifth to a quarter of its time in
   * the rebuild. (The register writes a row per risk and batch, not per event, and gained
   * nothing from it.)
   */
  readonly readsBy = ['traceability_log_stream'];

  async applyBatch(
    manager: EntityManager,
    table: string,
    envelopes: readonly EventEnvelope[],
  ): Promise<void> {
    const followed = envelopes.filter((e) => this.streamTypes.includes(e.streamType));
    if (followed.length === 0) return;
    const streams = await this.streamContexts(manager, table, streamsNeedingContext(followed));
    const rows = followed.map((envelope): CopyValue[] => {
      const e = traceabilityEntryOf(envelope, streams.get(envelope.streamId));
      streams.set(e.streamId, { area: e.area, unit: e.unit });
      return [
        e.position,
        e.eventId,
        e.streamType,
        e.streamId,
        e.streamVersion,
        e.eventType,
        e.recordedAt,
        e.actor,
        e.actorName,
        e.reason,
        e.correlationId,
        e.causationId,
        e.area,
        e.unit,
        e.summary,
        e.data,
        e.restricted,
      ];
    });
    // The checkpoints apply each event once: no row is ever there already.
    await copyRows(manager, table, TRACEABILITY_COLUMNS, rows);
  }

  /** The area and unit each stream has so far, from its latest entry that names an area. */
  private async streamContexts(
    manager: EntityManager,
    table: string,
    streamIds: string[],
  ): Promise<Map<string, StreamContext>> {
    if (streamIds.length === 0) return new Map();
    const rows: { stream_id: string; area: string; unit: string | null }[] = await manager.query(
      `SELECT s.stream_id, latest.area, latest.unit
       FROM unnest($1::text[]) AS s(stream_id)
       CROSS JOIN LATERAL (
         SELECT area, unit FROM ${sqlIdentifier(table)} t
         WHERE t.stream_id = s.stream_id AND t.area IS NOT NULL
         ORDER BY t.position DESC LIMIT 1) AS latest`,
      [streamIds],
    );
    return new Map(rows.map((r) => [r.stream_id, { area: r.area, unit: r.unit }]));
  }
}

/**
 * The streams whose earlier entries must be read: what an event does not name itself (area, unit)
 * comes from its stream's entries before it, and after a stream's first event in the batch those
 * are the batch's own.
 */
function streamsNeedingContext(envelopes: readonly EventEnvelope[]): string[] {
  const seen = new Set<string>();
  const needing: string[] = [];
  for (const e of envelopes) {
    if (seen.has(e.streamId)) continue;
    seen.add(e.streamId);
    if (typeof e.data.area !== 'string' || typeof e.data.unit !== 'string')
      needing.push(e.streamId);
  }
  return needing;
}
