import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every version of every register entry, for the register as of a past moment: one row per risk
 * and recorded time at which its entry changed (the events of one append share theirs), holding
 * the entry as it stood after them and the log position of the last, from that time
 * (`recorded_at`) until the next version's (`valid_to`; null while it still holds). "As of T" is
 * then the one version per risk whose validity contains T: one GiST index scan instead of a fold
 * of the log.
 * `entry` is json, not jsonb: it is only ever read whole, and json's text is sent as stored rather
 * than printed from jsonb's binary form (about half the server's time for a whole register).
 * `version_id` names a row in one column, for verify-projection's row-by-row comparison.
 */
export class CreateRiskRegisterVersions1732300017900 implements MigrationInterface {
  name = 'CreateRiskRegisterVersions1732300017900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE risk_register_versions (
        risk_id      text NOT NULL,
        recorded_at  timestamptz NOT NULL,
        position     bigint NOT NULL,
        valid_to     timestamptz,
        entry        json NOT NULL,
        version_id   text GENERATED ALWAYS AS (risk_id || '@' || position::text) STORED,
        PRIMARY KEY (risk_id, recorded_at)
      )`);
    await queryRunner.query(
      `CREATE INDEX risk_register_versions_validity ON risk_register_versions
       USING gist (tstzrange(recorded_at, valid_to))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE risk_register_versions`);
  }
}
