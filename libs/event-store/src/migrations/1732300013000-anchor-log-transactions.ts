import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Any fixed 64-bit key: serialises the start of a new era among concurrent appenders. */
const NEW_ERA_LOCK_KEY = 7_204_311_913;

/**
 * Makes the log's commit order survive a dump and restore onto another PostgreSQL server.
 *
 * The log is read in (transaction id, position) order, and transaction ids are the server's own
 * counter: a server restored from `pg_dump` counts from far below the ids the old server wrote, so
 * every new event would sort before the restored ones, behind every reader's checkpoint (the
 * relay's, the sealer's) and before its own stream's first event in a replay.
 *
 * So the log keeps its own transaction ids: the server's id plus an offset per *era*, one era per
 * server the log has been written on (told apart by PostgreSQL's system identifier, which a new
 * cluster gets at initdb and a physical copy keeps). The first append (or read) on a new server
 * begins a new era with an offset that puts every id it will hand out above every id already in
 * the log; on the server where the log began the offset is 0 and the ids are the server's own.
 * Nothing already stored changes, checkpoints and seals keep their meaning, and "settled"
 * (older than every transaction still running) is judged in the same shifted terms.
 *
 * A physical backup (pg_basebackup, point-in-time recovery) keeps the system identifier and the
 * transaction counter, so it stays in its era. The offset is cached per session: a session never
 * moves to another server.
 */
export class AnchorLogTransactions1732300013000 implements MigrationInterface {
  name = 'AnchorLogTransactions1732300013000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE log_eras (
        era                   integer PRIMARY KEY CHECK (era > 0),
        system_identifier     text NOT NULL,
        xid_offset            numeric(20, 0) NOT NULL CHECK (xid_offset >= 0),
        after_position        bigint NOT NULL,
        after_transaction_id  xid8 NOT NULL,
        began_at              timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE FUNCTION log_xid_offset() RETURNS numeric LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        cached text := current_setting('riskledger.log_xid_offset', true);
        server text := (SELECT system_identifier::text FROM pg_control_system());
        latest log_eras;
        last_event record;
        next_offset numeric;
      BEGIN
        IF coalesce(cached, '') <> '' THEN RETURN cached::numeric; END IF;
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
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION log_transaction_id() RETURNS xid8 LANGUAGE sql VOLATILE AS $$
        SELECT (pg_current_xact_id()::text::numeric + log_xid_offset())::text::xid8
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION log_settled_before() RETURNS xid8 LANGUAGE sql VOLATILE AS $$
        SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::numeric + log_xid_offset())::text::xid8
      $$`);
    await queryRunner.query(
      `ALTER TABLE events ALTER COLUMN transaction_id SET DEFAULT log_transaction_id()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE events ALTER COLUMN transaction_id SET DEFAULT pg_current_xact_id()`,
    );
    await queryRunner.query(`DROP FUNCTION log_settled_before()`);
    await queryRunner.query(`DROP FUNCTION log_transaction_id()`);
    await queryRunner.query(`DROP FUNCTION log_xid_offset()`);
    await queryRunner.query(`DROP TABLE log_eras`);
  }
}
