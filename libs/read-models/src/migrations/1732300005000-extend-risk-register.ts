import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole risk lifecycle in the register: the MSB scenario, areas, classification, the three
 * assessment bases, treatment, acceptance, review and closure. Real columns for what the register
 * is filtered and sorted by; the nested parts (assessments, acceptances, links) as jsonb. Rows
 * written before are completed from what they hold; `npm run cli -- replay risk-register`
 * rebuilds them from the log in full.
 */
export class ExtendRiskRegister1732300005000 implements MigrationInterface {
  name = 'ExtendRiskRegister1732300005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE risk_register
        ADD COLUMN scenario             jsonb,
        ADD COLUMN threat               text,
        ADD COLUMN additional_areas     text[] NOT NULL DEFAULT '{}',
        ADD COLUMN areas                text[] NOT NULL DEFAULT '{}',
        ADD COLUMN supplier             text,
        ADD COLUMN contract             text,
        ADD COLUMN classification       text NOT NULL DEFAULT 'OPEN',
        ADD COLUMN source_incident_id   text,
        ADD COLUMN closed_at            timestamptz,
        ADD COLUMN closed_reason        text,
        ADD COLUMN inherent_score       integer,
        ADD COLUMN inherent_level       text,
        ADD COLUMN target_score         integer,
        ADD COLUMN target_level         text,
        ADD COLUMN assessments          jsonb NOT NULL
          DEFAULT '{"inherent": null, "current": null, "target": null}',
        ADD COLUMN score_history        jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN acceptance           jsonb,
        ADD COLUMN acceptance_lapses_on date,
        ADD COLUMN past_acceptances     jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN next_review_date     date,
        ADD COLUMN last_reviewed_at     timestamptz,
        ADD COLUMN reviewed_at_position bigint,
        ADD COLUMN open_mitigation_due  date,
        ADD COLUMN linked_incidents     jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN review_reasons       jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN needs_review         boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      UPDATE risk_register SET
        areas = ARRAY[area],
        mitigations = (
          SELECT coalesce(jsonb_agg(
            jsonb_build_object('expectedEffect', null, 'supplier', null, 'startedAt', null,
              'verifiedAt', null, 'effect', null, 'cancelledAt', null, 'cancellationReason', null)
            || m), '[]')
          FROM jsonb_array_elements(mitigations) m),
        assessments = CASE WHEN score IS NULL
          THEN assessments
          ELSE jsonb_build_object('inherent', null, 'target', null, 'current', jsonb_build_object(
            'likelihood', likelihood, 'consequence', consequence, 'score', score, 'level', level,
            'matrixVersion', matrix_version, 'assessedAt', assessed_at, 'assessedBy', updated_by,
            'reason', null, 'warnings', '[]'::jsonb)) END`);
    for (const [name, columns] of [
      ['risk_register_status', 'status, identified_at'],
      ['risk_register_unit', 'unit'],
      ['risk_register_owner', 'owner'],
      ['risk_register_next_review', 'next_review_date'],
      ['risk_register_acceptance_lapses', 'acceptance_lapses_on'],
    ]) {
      await queryRunner.query(`CREATE INDEX ${name} ON risk_register (${columns})`);
    }
    await queryRunner.query(`CREATE INDEX risk_register_areas ON risk_register USING gin (areas)`);
    // Incidents travel on their own topic: a link that arrives before its risk waits here.
    await queryRunner.query(`
      CREATE TABLE risk_register_pending_links (
        register_table  text NOT NULL,
        risk_id         text NOT NULL,
        event_id        uuid NOT NULL,
        envelope        jsonb NOT NULL,
        PRIMARY KEY (register_table, risk_id, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE risk_register_pending_links`);
    for (const name of ['status', 'unit', 'owner', 'next_review', 'acceptance_lapses', 'areas']) {
      await queryRunner.query(`DROP INDEX risk_register_${name}`);
    }
    await queryRunner.query(`
      ALTER TABLE risk_register
        DROP COLUMN scenario, DROP COLUMN threat, DROP COLUMN additional_areas, DROP COLUMN areas,
        DROP COLUMN supplier, DROP COLUMN contract, DROP COLUMN classification,
        DROP COLUMN source_incident_id, DROP COLUMN closed_at, DROP COLUMN closed_reason,
        DROP COLUMN inherent_score, DROP COLUMN inherent_level, DROP COLUMN target_score,
        DROP COLUMN target_level, DROP COLUMN assessments, DROP COLUMN score_history,
        DROP COLUMN acceptance, DROP COLUMN acceptance_lapses_on, DROP COLUMN past_acceptances,
        DROP COLUMN next_review_date, DROP COLUMN last_reviewed_at, DROP COLUMN reviewed_at_position, DROP COLUMN open_mitigation_due,
        DROP COLUMN linked_incidents, DROP COLUMN review_reasons, DROP COLUMN needs_review`);
  }
}
