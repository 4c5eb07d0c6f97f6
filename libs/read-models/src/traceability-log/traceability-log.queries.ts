import type { DataSource } from 'typeorm';
import type { TraceabilityEntry } from './traceability-entry';

export interface TraceabilityFilter {
  streamId?: string;
  /** Only entries after this position (a cursor: pass the last position of the previous page). */
  after?: number;
  limit: number;
}

interface TraceabilityRow {
  position: string;
  event_id: string;
  stream_type: string;
  stream_id: string;
  stream_version: number;
  event_type: string;
  recorded_at: Date;
  actor: string;
  reason: string | null;
  correlation_id: string;
  causation_id: string | null;
  summary: string;
  data: Record<string, unknown>;
}

export class TraceabilityLogQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Entries in log order, oldest first, newest last. */
  async list(filter: TraceabilityFilter): Promise<TraceabilityEntry[]> {
    const rows: TraceabilityRow[] = await this.dataSource.query(
      `SELECT * FROM traceability_log
       WHERE ($1::text IS NULL OR stream_id = $1) AND position > $2
       ORDER BY position LIMIT $3`,
      [filter.streamId ?? null, filter.after ?? 0, filter.limit],
    );
    return rows.map((r) => ({
      position: Number(r.position),
      eventId: r.event_id,
      streamType: r.stream_type,
      streamId: r.stream_id,
      streamVersion: r.stream_version,
      eventType: r.event_type,
      recordedAt: r.recorded_at.toISOString(),
      actor: r.actor,
      reason: r.reason,
      correlationId: r.correlation_id,
      causationId: r.causation_id,
      summary: r.summary,
      data: r.data,
    }));
  }
}
