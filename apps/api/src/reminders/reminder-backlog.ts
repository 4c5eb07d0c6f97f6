import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * The reminder digests not sent, as the log says: waiting (prepared, or failed and to be tried
 * again) and given up (their attempts used up, or no address). For operators, beside the log
 * line and the event each failure leaves.
 */
@Injectable()
export class ReminderBacklog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async counts(): Promise<{ waiting: number; givenUp: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE last_type <> 'ReminderDigestSent' AND NOT given_up)::int AS waiting,
              count(*) FILTER (WHERE given_up)::int AS given_up
       FROM (SELECT DISTINCT ON (stream_id) event_type AS last_type,
                    event_type = 'ReminderDigestSendFailed' AND data->>'retryAt' IS NULL AS given_up
             FROM events
             WHERE event_type = ANY($1::text[]) AND recorded_at >= now() - interval '400 days'
             ORDER BY stream_id, stream_version DESC) AS digests`,
      [['ReminderDigestPrepared', 'ReminderDigestSent', 'ReminderDigestSendFailed']],
    );
    return { waiting: row.waiting, givenUp: row.given_up };
  }
}
