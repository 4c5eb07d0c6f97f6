import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What investigators filter the traceability log by: the security area of each entry's risk or
 * incident (kept on every entry, so that the area filter is one indexed lookup), the actor, the
 * correlation and causation (to follow a chain), and time.
 */
export class AddTraceabilityInvestigation1732300002100 implements MigrationInterface {
  name = 'AddTraceabilityInvestigation1732300002100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE traceability_log ADD COLUMN area text`);
    // A stream's area is named by its first event (RiskIdentified, IncidentReported).
    await queryRunner.query(`
      UPDATE traceability_log t SET area = first.data->>'area'
      FROM traceability_log first
      WHERE first.stream_id = t.stream_id AND first.stream_version = 1`);
    for (const [name, columns] of [
      ['traceability_log_area', 'area, position'],
      ['traceability_log_actor', 'actor, position'],
      ['traceability_log_correlation', 'correlation_id, position'],
      ['traceability_log_causation', 'causation_id'],
      ['traceability_log_recorded_at', 'recorded_at'],
    ]) {
      await queryRunner.query(`CREATE INDEX ${name} ON traceability_log (${columns})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['area', 'actor', 'correlation', 'causation', 'recorded_at']) {
      await queryRunner.query(`DROP INDEX traceability_log_${name}`);
    }
    await queryRunner.query(`ALTER TABLE traceability_log DROP COLUMN area`);
  }
}
