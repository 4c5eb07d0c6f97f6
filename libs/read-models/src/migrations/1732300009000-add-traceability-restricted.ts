import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entries of restricted (säkerhetsskydd) streams are marked, so that the log shows them only to
 * callers cleared for them.
 */
export class AddTraceabilityRestricted1732300009000 implements MigrationInterface {
  name = 'AddTraceabilityRestricted1732300009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE traceability_log ADD COLUMN restricted boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`
      UPDATE traceability_log t SET restricted = true FROM events e
      WHERE e.event_id = t.event_id AND e.metadata->>'classification' = 'RESTRICTED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE traceability_log DROP COLUMN restricted`);
  }
}
