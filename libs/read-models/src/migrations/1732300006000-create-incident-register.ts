import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIncidentRegister1732300006000 implements MigrationInterface {
  name = 'CreateIncidentRegister1732300006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Only incident_id and linked_risks are always set: a risk identified from an incident may
    // reach the register before the incident's report does (status is null until it does).
    await queryRunner.query(`
      CREATE TABLE incident_register (
        incident_id               text PRIMARY KEY,
        title                     text,
        description               text,
        kind                      text,
        area                      text,
        unit                      text,
        occurred_at               timestamptz,
        severity                  integer,
        immediate_actions         text,
        status                    text,
        reported_at               timestamptz,
        reported_by               text,
        linked_risks              jsonb NOT NULL,
        findings                  text,
        root_cause                text,
        investigated_at           timestamptz,
        investigated_by           text,
        actions                   jsonb,
        outward_reports           jsonb,
        outward_reports_required  jsonb,
        outward_reports_missing   jsonb,
        closed_at                 timestamptz,
        closed_by                 text,
        closing_summary           text,
        dismissed_at              timestamptz,
        dismissed_by              text,
        dismissal_reason          text,
        updated_at                timestamptz,
        updated_by                text,
        version                   integer
      )`);
    await queryRunner.query(
      `CREATE INDEX incident_register_occurred ON incident_register (occurred_at, incident_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX incident_register_area ON incident_register (area, occurred_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX incident_register_status ON incident_register (status, occurred_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE incident_register`);
  }
}
