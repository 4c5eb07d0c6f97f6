import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AppendOneEventRowByRow1732300017150 } from './1732300017150-append-one-event-row-by-row';

/** As in AnchorLogTransactions1732300013000. */
const NEW_ERA_LOCK_KEY = 7_204_311_913;

/**
 * Two savings on every append, with the same rows, hashes, checks and errors as before:
 *
 * - `append_events` reads the log's transaction id once and writes it into each row, instead of
 *   leaving each row to the column's default `log_transaction_id()`, which ran a PL/pgSQL function
 *   per row (the ids are equal: one transaction);
 * - `log_xid_offset()` returns the session's cached offset before anything else: it used to read
 *   the server's system identifier (pg_control_system(), a read of the control file) first on every
 *   call, and looked at it only when nothing was cached.
 */
export class AppendWithOneTransactionId1732300018300 implements MigrationInterface {
  name = 'AppendWithOneTransactionId1732300018300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(logXidOffset(true));
    await queryRunner.query(APPEND_EVENTS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(logXidOffset(false));
    await new AppendOneEventRowByRow1732300017150().up(queryRunner);
  }
}

function logXidOffset(cacheFirst: boolean): string {
  const server = `(SELECT system_identifier::text FROM pg_control_system())`;
  return `
      CREATE OR REPLACE FUNCTION log_xid_offset() RETURNS numeric LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        cached text := current_setting('riskledger.log_xid_offset', true);
        server text${cacheFirst ? '' : ` := ${server}`};
        latest log_eras;
        last_event record;
        next_offset numeric;
      BEGIN
        IF coalesce(cached, '') <> '' THEN RETURN cached::numeric; END IF;${cacheFirst ? `
        server := ${server};` : ''}
        SELECT * INTO latest FROM log_eras ORDER BY era DESC LIMIT 1;
        IF NOT FOUND OR latest.system_identifier <> server THEN
          PERFORM pg_advisory_xact_lock(${NEW_ERA_LOCK_KEY});
          SELECT * INTO latest FROM log_eras ORDER BY era DESC LIMIT 1;
          IF NOT FOUND OR latest.system_identifier <> server THEN
            SELECT transaction_id, position INTO last_event FROM events
              ORDER BY transaction_id DESC, position DESC LIMIT 1;
            -- Every transaction that may still append has an id at or above the snapshot's xmin.
            next_offset := greatest(0, coalesce(last_event.transaction_id::text::numeric, 0) + 1
              - pg_snapshot_xmin(pg_current_snapshot())::text::numeric);
            INSERT INTO log_eras (era, system_identifier, xid_offset, after_position,
                                  after_transaction_id)
            VALUES (coalesce(latest.era, 0) + 1, server, next_offset,
                    coalesce((SELECT max(position) FROM events), 0),
                    coalesce(last_event.transaction_id, '0'::xid8))
            RETURNING * INTO latest;
          END IF;
        END IF;
        PERFORM set_config('riskledger.log_xid_offset', latest.xid_offset::text, false);
        RETURN latest.xid_offset;
      END $$`;
}

const APPEND_EVENTS = `
      CREATE OR REPLACE FUNCTION append_events(
        p_stream_id text, p_stream_type text, p_expected_version integer, p_event_ids uuid[],
        p_types text[], p_schema_versions integer[], p_data jsonb[], p_metadata jsonb[],
        p_recorded_at timestamptz)
      RETURNS SETOF events LANGUAGE plpgsql AS $$
      DECLARE
        head_version integer;
        head_hash text;
        positions bigint[] := '{}';
        hashes text[] := '{}';
        next_position bigint;
        recorded text := to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
        inserted events;
        transaction xid8;
      BEGIN
        SELECT stream_version, hash INTO head_version, head_hash FROM events
        WHERE stream_id = p_stream_id ORDER BY stream_version DESC LIMIT 1;
        head_version := coalesce(head_version, 0);
        IF head_version <> p_expected_version THEN
          RAISE EXCEPTION 'stream % is at version %, not the expected %',
            p_stream_id, head_version, p_expected_version
            USING ERRCODE = 'RL409', DETAIL = head_version::text;
        END IF;
        transaction := log_transaction_id();
        FOR i IN 1 .. cardinality(p_types) LOOP
          next_position := nextval('events_position_seq');
          -- Written out here rather than in a function of its own: PostgreSQL would not inline it.
          head_hash := encode(sha256(convert_to(jsonb_build_object(
            'scheme', 'riskledger.event.v2',
            'previousHash', head_hash,
            'position', next_position,
            'eventId', p_event_ids[i],
            'streamId', p_stream_id,
            'streamType', p_stream_type,
            'streamVersion', p_expected_version + i,
            'type', p_types[i],
            'schemaVersion', p_schema_versions[i],
            'data', p_data[i],
            'metadata', p_metadata[i],
            'recordedAt', recorded
          )::text, 'UTF8')), 'hex');
          positions := positions || next_position;
          hashes := hashes || head_hash;
        END LOOP;
        IF cardinality(p_types) = 1 THEN
          INSERT INTO events (position, transaction_id, event_id, stream_id, stream_type,
                              stream_version, event_type, schema_version, data, metadata,
                              recorded_at, hash, hash_version)
          OVERRIDING SYSTEM VALUE
          VALUES (positions[1], transaction, p_event_ids[1], p_stream_id, p_stream_type,
                  p_expected_version + 1, p_types[1], p_schema_versions[1], p_data[1],
                  p_metadata[1], p_recorded_at, hashes[1], 2)
          RETURNING * INTO inserted;
          RETURN NEXT inserted;
          RETURN;
        END IF;
        RETURN QUERY
          INSERT INTO events (position, transaction_id, event_id, stream_id, stream_type,
                              stream_version, event_type, schema_version, data, metadata,
                              recorded_at, hash, hash_version)
          OVERRIDING SYSTEM VALUE
          SELECT positions[n], transaction, p_event_ids[n], p_stream_id, p_stream_type,
                 p_expected_version + n, p_types[n], p_schema_versions[n], p_data[n],
                 p_metadata[n], p_recorded_at, hashes[n], 2
          FROM generate_series(1, cardinality(p_types)) AS n
          ORDER BY n
          RETURNING *;
      END $$`;
