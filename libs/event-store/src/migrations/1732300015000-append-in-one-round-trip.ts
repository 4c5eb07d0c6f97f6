import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An append in one round trip: `append_events` reads the stream's head, checks the expected
 * version, draws the positions, chains the hashes and inserts, in one statement the store sends
 * on its own (its own implicit transaction) or inside a caller's transaction.
 *
 * The hash is computed here, over jsonb's text form of the event (hash version 2): jsonb keeps
 * neither key order nor spacing, so its text output is canonical, and `jsonbText` reproduces it in
 * Node for verification without the database. Events hashed before keep version 1 and verify as
 * they always did; `hash_version` cannot be changed afterwards (the immutability trigger), and the
 * hashed text names its scheme, so a row cannot be passed off under the other version.
 *
 * A stale expected version raises SQLSTATE RL409 with the stream's actual version as DETAIL. Two
 * writers that both read the same head still meet at the unique (stream_id, stream_version).
 */
export class AppendInOneRoundTrip1732300015000 implements MigrationInterface {
  name = 'AppendInOneRoundTrip1732300015000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE events ADD COLUMN hash_version smallint NOT NULL DEFAULT 1
        CONSTRAINT events_hash_version_known CHECK (hash_version IN (1, 2))`);
    await queryRunner.query(`
      CREATE FUNCTION append_events(
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
      BEGIN
        SELECT stream_version, hash INTO head_version, head_hash FROM events
        WHERE stream_id = p_stream_id ORDER BY stream_version DESC LIMIT 1;
        head_version := coalesce(head_version, 0);
        IF head_version <> p_expected_version THEN
          RAISE EXCEPTION 'stream % is at version %, not the expected %',
            p_stream_id, head_version, p_expected_version
            USING ERRCODE = 'RL409', DETAIL = head_version::text;
        END IF;
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
        RETURN QUERY
          INSERT INTO events (position, event_id, stream_id, stream_type, stream_version,
                              event_type, schema_version, data, metadata, recorded_at, hash,
                              hash_version)
          OVERRIDING SYSTEM VALUE
          SELECT positions[n], p_event_ids[n], p_stream_id, p_stream_type,
                 p_expected_version + n, p_types[n], p_schema_versions[n], p_data[n],
                 p_metadata[n], p_recorded_at, hashes[n], 2
          FROM generate_series(1, cardinality(p_types)) AS n
          ORDER BY n
          RETURNING *;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION append_events`);
    await queryRunner.query(`ALTER TABLE events DROP COLUMN hash_version`);
  }
}
