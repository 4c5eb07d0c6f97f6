import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting obligations as a read model (each obligation's definition as the domain holds it,
 * in one jsonb column), and on the incident register when each incident was discovered and
 * whether personal data was affected. Incidents already registered were reported before
 * discovery was asked, so the time the report was recorded stands in, as the projection does.
 */
export class AddReportingObligations1732300017700 implements MigrationInterface {
  name = 'AddReportingObligations1732300017700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reporting_obligations (
        code            text PRIMARY KEY,
        obligation      jsonb NOT NULL,
        built_in        boolean NOT NULL,
        retired         boolean NOT NULL,
        retired_reason  text,
        registered_at   timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL,
        updated_by      text NOT NULL
      )`);
    await queryRunner.query(`
      ALTER TABLE incident_register
        ADD COLUMN discovered_at timestamptz,
        ADD COLUMN personal_data_affected boolean`);
    await queryRunner.query(`UPDATE incident_register SET discovered_at = reported_at`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE incident_register
        DROP COLUMN personal_data_affected,
        DROP COLUMN discovered_at`);
    await queryRunner.query(`DROP TABLE reporting_obligations`);
  }
}
