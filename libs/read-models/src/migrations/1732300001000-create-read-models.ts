import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReadModels1732300001000 implements MigrationInterface {
  name = 'CreateReadModels1732300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The last stream version each projection applied: a redelivered event is recognised here.
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        projection  text NOT NULL,
        stream_id   text NOT NULL,
        version     integer NOT NULL,
        PRIMARY KEY (projection, stream_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE risk_register (
        risk_id         text PRIMARY KEY,
        title           text NOT NULL,
        description     text NOT NULL,
        area            text NOT NULL,
        unit            text NOT NULL,
        owner           text,
        status          text NOT NULL,
        likelihood      integer,
        consequence     integer,
        score           integer,
        level           text,
        matrix_version  integer,
        assessed_at     timestamptz,
        mitigations     jsonb NOT NULL,
        identified_at   timestamptz NOT NULL,
        identified_by   text NOT NULL,
        updated_at      timestamptz NOT NULL,
        updated_by      text NOT NULL,
        version         integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX risk_register_area ON risk_register (area, identified_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE traceability_log (
        position        bigint PRIMARY KEY,
        event_id        uuid NOT NULL UNIQUE,
        stream_type     text NOT NULL,
        stream_id       text NOT NULL,
        stream_version  integer NOT NULL,
        event_type      text NOT NULL,
        recorded_at     timestamptz NOT NULL,
        actor           text NOT NULL,
        reason          text,
        correlation_id  text NOT NULL,
        causation_id    text,
        summary         text NOT NULL,
        data            jsonb NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX traceability_log_stream ON traceability_log (stream_id, position)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE traceability_log`);
    await queryRunner.query(`DROP TABLE risk_register`);
    await queryRunner.query(`DROP TABLE projection_checkpoints`);
  }
}
