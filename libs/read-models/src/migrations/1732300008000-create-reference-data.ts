import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The region's reference data as read models: security areas, the organisation tree and the risk
 * matrix versions. Each unit keeps its materialised path (the codes from the region down to it),
 * so that "this unit and everything below it" is one lookup in the GIN index on the path.
 */
export class CreateReferenceData1732300008000 implements MigrationInterface {
  name = 'CreateReferenceData1732300008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE security_areas (
        code            text PRIMARY KEY,
        sv              text NOT NULL,
        en              text NOT NULL,
        built_in        boolean NOT NULL,
        responsible     text,
        retired         boolean NOT NULL,
        retired_reason  text,
        registered_at   timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL,
        updated_by      text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE organisational_units (
        code            text PRIMARY KEY,
        name            text NOT NULL,
        parent_code     text,
        kind            text NOT NULL,
        path            text[] NOT NULL,
        open            boolean NOT NULL,
        closed_reason   text,
        registered_at   timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL,
        updated_by      text NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX organisational_units_path ON organisational_units USING gin (path)`,
    );
    await queryRunner.query(
      `CREATE INDEX organisational_units_parent ON organisational_units (parent_code)`,
    );
    await queryRunner.query(`
      CREATE TABLE risk_matrices (
        version         integer PRIMARY KEY,
        matrix          jsonb NOT NULL,
        published_at    timestamptz NOT NULL,
        published_by    text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE risk_matrices`);
    await queryRunner.query(`DROP TABLE organisational_units`);
    await queryRunner.query(`DROP TABLE security_areas`);
  }
}
