import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The goal register: security goals per area and year, their measurements and fulfilment. */
export class CreateGoalRegister1732300007000 implements MigrationInterface {
  name = 'CreateGoalRegister1732300007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE goal_register (
        goal_id             text PRIMARY KEY,
        area                text NOT NULL,
        year                integer NOT NULL,
        text                text NOT NULL,
        indicator           text NOT NULL,
        target_value        double precision NOT NULL,
        measurement_unit    text NOT NULL,
        direction           text NOT NULL,
        partly_met_from     double precision,
        status              text NOT NULL,
        withdrawn_reason    text,
        withdrawn_at        timestamptz,
        measurements        jsonb NOT NULL,
        revisions           jsonb NOT NULL,
        latest_measurement  jsonb,
        fulfilment          text NOT NULL,
        set_at              timestamptz NOT NULL,
        set_by              text NOT NULL,
        updated_at          timestamptz NOT NULL,
        updated_by          text NOT NULL,
        version             integer NOT NULL
      )`);
    // The annual report and the register list goals per year and area.
    await queryRunner.query(`CREATE INDEX goal_register_year_area ON goal_register (year, area)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE goal_register`);
  }
}
