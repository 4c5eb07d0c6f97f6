import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What sign-in added to every event: the actor's display name beside their subject, and the
 * marking of restricted (säkerhetsskydd) streams, so that the log shows those only to callers
 * cleared for them.
 */
export class AddTraceabilityRestricted1732300009000 implements MigrationInterface {
  name = 'AddTraceabilityRestricted1732300009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE traceability_log ADD COLUMN restricted boolean NOT NULL DEFAULT false,
         ADD COLUMN actor_name text`,
    );
    await queryRunner.query(`
      UPDATE traceability_log t
      SET restricted = coalesce(e.metadata->>'classification' = 'RESTRICTED', false),
          actor_name = e.metadata->>'actorName'
      FROM events e WHERE e.event_id = t.event_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE traceability_log DROP COLUMN restricted, DROP COLUMN actor_name`,
    );
  }
}
