import type { MigrationInterface, QueryRunner } from 'typeorm';

const FIELDS = [
  'riskId',
  'title',
  'description',
  'scenario',
  'area',
  'additionalAreas',
  'unit',
  'owner',
  'classification',
  'status',
  'likelihood',
  'consequence',
  'score',
  'level',
  'matrixVersion',
  'nextReviewDate',
  'reviewReasons',
  'identifiedAt',
  'updatedAt',
];

/** A score of the entry `e` (jsonb) as a summary holds it, or JSON null. */
const score = (path: string) => `CASE WHEN jsonb_typeof(${path}) = 'object'
  THEN jsonb_build_object('likelihood', ${path}->'likelihood',
    'consequence', ${path}->'consequence', 'score', ${path}->'score')
  ELSE 'null'::jsonb END`;

/** summaryOf (risk-register-entry.ts) in SQL, over the entry `e` (jsonb). */
const SUMMARY = `jsonb_build_object(
  ${FIELDS.map((f) => `'${f}', e->'${f}'`).join(', ')},
  'assessments', jsonb_build_object(
    'inherent', ${score(`(e->'assessments'->'inherent')`)},
    'target', ${score(`(e->'assessments'->'target')`)}),
  'acceptance', CASE WHEN jsonb_typeof(e->'acceptance') = 'object'
    THEN jsonb_build_object('lapsesOn', e->'acceptance'->'lapsesOn') ELSE 'null'::jsonb END,
  'mitigations', coalesce((
    SELECT jsonb_agg(jsonb_build_object('status', m->'status', 'dueDate', m->'dueDate') ORDER BY n)
    FROM jsonb_array_elements(e->'mitigations') WITH ORDINALITY AS x(m, n)), '[]'::jsonb))`;

/**
 * Each register version also keeps a summary of its entry (`summary`, summaryOf): what the register
 * as of a moment filters, orders, counts and tells visibility by. GET /risks?asOf= used to read
 * every risk's whole entry (the score history, mitigations, incidents and acceptances grow with
 * the risk's life) to return one page; it now reads the summaries, and the page's entries whole.
 * Written by RiskRegisterVersionsProjection beside `entry`; existing rows are filled here, with
 * the same values (verify-projection compares rows as jsonb, so key order does not matter).
 */
export class SummariseRegisterVersions1732300018310 implements MigrationInterface {
  name = 'SummariseRegisterVersions1732300018310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE risk_register_versions ADD COLUMN summary json`);
    // Every version is rewritten: minutes for a large table, longer than the pool's 30 s limit.
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    // OFFSET 0 keeps the entry parsed once per row, not once per field read from it (10× faster).
    await queryRunner.query(
      `UPDATE risk_register_versions v SET summary = (
         SELECT ${SUMMARY} FROM (SELECT v.entry::jsonb AS e OFFSET 0) AS x)::json`,
    );
    await queryRunner.query(`ALTER TABLE risk_register_versions ALTER COLUMN summary SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE risk_register_versions DROP COLUMN summary`);
  }
}
