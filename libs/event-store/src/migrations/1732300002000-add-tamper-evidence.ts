import type { MigrationInterface, QueryRunner } from 'typeorm';
import { hashedFieldsOf, RECORDED_AT_EXACT, type HashedEventRow } from '../event-row';
import { eventHash } from '../integrity/event-hash';

const BACKFILL_BATCH = 2000;

/**
 * Tamper evidence: every event carries a hash chaining it to the one before it in its stream
 * (computed by the store at append time), and `log_seals` holds the periodic seals that chain the
 * whole log in commit order. Events appended before this migration get their hashes here, computed
 * by the same function the store uses, so that the whole log is covered; that is the one time the
 * immutability trigger is set aside, inside this migration's transaction.
 *
 * `recorded_at` gets an index for the register "as of" a past moment.
 */
export class AddTamperEvidence1732300002000 implements MigrationInterface {
  name = 'AddTamperEvidence1732300002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE events ADD COLUMN hash text`);
    await queryRunner.query(`ALTER TABLE events DISABLE TRIGGER events_no_update_or_delete`);
    await backfillHashes(queryRunner);
    await queryRunner.query(`ALTER TABLE events ENABLE TRIGGER events_no_update_or_delete`);
    await queryRunner.query(`
      ALTER TABLE events ALTER COLUMN hash SET NOT NULL,
        ADD CONSTRAINT events_hash_is_sha256 CHECK (hash ~ '^[0-9a-f]{64}$')`);
    await queryRunner.query(`CREATE INDEX events_recorded_at ON events (recorded_at)`);
    await queryRunner.query(`
      CREATE TABLE log_seals (
        seal_no               bigint PRIMARY KEY CHECK (seal_no > 0),
        previous_hash         text,
        up_to_transaction_id  xid8 NOT NULL,
        up_to_position        bigint NOT NULL,
        event_count           integer NOT NULL CHECK (event_count > 0),
        positions             bigint[] NOT NULL,
        transaction_ids       xid8[] NOT NULL,
        event_hashes          text[] NOT NULL,
        hash                  text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        sealed_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT log_seals_arrays_match CHECK (
          cardinality(positions) = event_count AND cardinality(transaction_ids) = event_count
          AND cardinality(event_hashes) = event_count)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION log_seals_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'seals are immutable: % is refused on log_seals', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER log_seals_no_update_or_delete BEFORE UPDATE OR DELETE ON log_seals
      FOR EACH ROW EXECUTE FUNCTION log_seals_are_immutable()`);
    await queryRunner.query(`
      CREATE TRIGGER log_seals_no_truncate BEFORE TRUNCATE ON log_seals
      FOR EACH STATEMENT EXECUTE FUNCTION log_seals_are_immutable()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE log_seals`);
    await queryRunner.query(`DROP FUNCTION log_seals_are_immutable()`);
    await queryRunner.query(`DROP INDEX events_recorded_at`);
    await queryRunner.query(`ALTER TABLE events DROP CONSTRAINT events_hash_is_sha256`);
    await queryRunner.query(`ALTER TABLE events DROP COLUMN hash`);
  }
}

/** Hashes the events already stored, each stream in version order, a batch at a time. */
async function backfillHashes(queryRunner: QueryRunner): Promise<void> {
  let after = { streamId: '', version: 0 };
  let previous: { streamId: string; hash: string } | null = null;
  for (;;) {
    const rows: HashedEventRow[] = await queryRunner.query(
      `SELECT position, event_id, stream_id, stream_type, stream_version, event_type,
              schema_version, data, metadata, ${RECORDED_AT_EXACT} AS recorded_at_exact
       FROM events WHERE (stream_id, stream_version) > ($1, $2)
       ORDER BY stream_id, stream_version LIMIT $3`,
      [after.streamId, after.version, BACKFILL_BATCH],
    );
    if (rows.length === 0) return;
    const hashes = rows.map((row) => {
      const link: string | null = previous?.streamId === row.stream_id ? previous.hash : null;
      const hash = eventHash(hashedFieldsOf(row), link);
      previous = { streamId: row.stream_id, hash };
      return hash;
    });
    await queryRunner.query(
      `UPDATE events SET hash = h.hash
       FROM unnest($1::bigint[], $2::text[]) AS h(position, hash) WHERE events.position = h.position`,
      [rows.map((r) => r.position), hashes],
    );
    const last = rows[rows.length - 1];
    after = { streamId: last.stream_id, version: last.stream_version };
  }
}
