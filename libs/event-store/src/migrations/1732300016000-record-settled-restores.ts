import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which eras have been settled: a new era begins when the log is restored onto another server,
 * and what a backup cannot restore (agreement with what Kafka already carried, the read models'
 * place in the topics) is then settled once, by `after-restore` or by `npm start` itself. Eras
 * that began before this table existed were settled by hand (after-restore was then required).
 */
export class RecordSettledRestores1732300016000 implements MigrationInterface {
  name = 'RecordSettledRestores1732300016000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE log_era_settlements (
        era                     integer PRIMARY KEY REFERENCES log_eras (era),
        settled_at              timestamptz NOT NULL DEFAULT now(),
        events_downstream_only  integer
      )`);
    await queryRunner.query(`INSERT INTO log_era_settlements (era) SELECT era FROM log_eras`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE log_era_settlements`);
  }
}
