import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Investigators search the log by organisational unit too: the unit of each entry's risk or
 * incident, named by the stream's first event (RiskIdentified, IncidentReported) and kept on every
 * entry, as the area is, so that the unit filter is one indexed lookup.
 */
export class AddTraceabilityUnit1732300017500 implements MigrationInterface {
  name = 'AddTraceabilityUnit1732300017500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE traceability_log ADD COLUMN unit text`);
    await queryRunner.query(`
      UPDATE traceability_log t SET unit = first.data->>'unit'
      FROM traceability_log first
      WHERE first.stream_id = t.stream_id AND first.stream_version = 1
        AND first.data->>'unit' IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX traceability_log_unit ON traceability_log (unit, position)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX traceability_log_unit`);
    await queryRunner.query(`ALTER TABLE traceability_log DROP COLUMN unit`);
  }
}
