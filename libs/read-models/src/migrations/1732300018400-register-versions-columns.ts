import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SummariseRegisterVersions1732300018310 } from './1732300018310-summarise-register-versions';

/** A JSON value of the entry `e` (jsonb) as SQL: JSON null is SQL NULL, as the projector writes it. */
const json = (path: string) => `nullif(${path}, 'null'::jsonb)`;

/** A score of the entry as the versions' `assessments` keeps it (likelihood, consequence, score). */
const score = (path: string) => `CASE WHEN jsonb_typeof(${path}) = 'object'
  THEN jsonb_build_object('likelihood', ${path}->'likelihood',
    'consequence', ${path}->'consequence', 'score', ${path}->'score') END`;

/** Each column from the entry `e` (jsonb), with the value rowOf (risk-register.table.ts) gives it. */
const COLUMNS: [name: string, type: string, value: string][] = [
  ['title', 'text', `e->>'title'`],
  ['description', 'text', `e->>'description'`],
  ['scenario', 'jsonb', json(`e->'scenario'`)],
  ['area', 'text', `e->>'area'`],
  [
    'areas',
    'text[]',
    `ARRAY[e->>'area'] || ARRAY(SELECT jsonb_array_elements_text(e->'additionalAreas'))`,
  ],
  ['unit', 'text', `e->>'unit'`],
  ['owner', 'text', `e->>'owner'`],
  ['classification', 'text', `e->>'classification'`],
  ['status', 'text', `e->>'status'`],
  ['likelihood', 'integer', `(e->>'likelihood')::int`],
  ['consequence', 'integer', `(e->>'consequence')::int`],
  ['score', 'integer', `(e->>'score')::int`],
  ['level', 'text', `e->>'level'`],
  ['matrix_version', 'integer', `(e->>'matrixVersion')::int`],
  ['inherent_score', 'integer', `(e->'assessments'->'inherent'->>'score')::int`],
  ['target_score', 'integer', `(e->'assessments'->'target'->>'score')::int`],
  [
    'assessments',
    'jsonb',
    `jsonb_build_object('inherent', ${score(`(e->'assessments'->'inherent')`)},
      'target', ${score(`(e->'assessments'->'target')`)})`,
  ],
  [
    'open_mitigation_due',
    'date',
    `(SELECT min((m->>'dueDate')::date) FROM jsonb_array_elements(e->'mitigations') AS m
      WHERE m->>'status' IN ('PLANNED', 'IN_PROGRESS'))`,
  ],
  ['acceptance_lapses_on', 'date', `(e->'acceptance'->>'lapsesOn')::date`],
  ['next_review_date', 'date', `(e->>'nextReviewDate')::date`],
  ['needs_review', 'boolean', `jsonb_array_length(e->'reviewReasons') > 0`],
  ['identified_at', 'timestamptz', `(e->>'identifiedAt')::timestamptz`],
  ['updated_at', 'timestamptz', `(e->>'updatedAt')::timestamptz`],
];

/** The columns no entry leaves empty, as on risk_register, and those every version has a value of. */
const NOT_NULL = ['title', 'description', 'area', 'areas', 'unit', 'classification', 'status'];
const ALWAYS_SET = ['assessments', 'needs_review', 'identified_at', 'updated_at'];

/**
 * Each register version gets the live register's columns that its filters, order, visibility and
 * matrix counts read (riskRegisterWhere), with the same names and values: the register as of a
 * moment is then the same SQL over the versions holding at it as the live register is over its
 * table (RiskRegisterQueries), filtered, ordered, counted and paged by PostgreSQL. The summaries
 * of migration 1732300018310, which Node filtered and sorted (434 ms for 10,000 risks at 300,000
 * events), are dropped; `assessments` keeps their inherent and target scores, what the cell filter
 * and the matrix counts read. Written by RiskRegisterVersionsProjection (rowOf); existing rows are
 * filled here. The versions holding at a moment are still found by the GiST index on the validity
 * range (about 10 ms for 10,000 risks at 300,000 events); the rest is the live register's SQL over
 * those rows.
 */
export class RegisterVersionsColumns1732300018400 implements MigrationInterface {
  name = 'RegisterVersionsColumns1732300018400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE risk_register_versions ${COLUMNS.map(([n, type]) => `ADD COLUMN ${n} ${type}`).join(', ')}`,
    );
    // Every version is rewritten: minutes for a large table, longer than the pool's 30 s limit.
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    // OFFSET 0 keeps the entry parsed once per row, not once per column read from it.
    await queryRunner.query(
      `UPDATE risk_register_versions v SET (${COLUMNS.map(([n]) => n).join(', ')}) = (
         SELECT ${COLUMNS.map(([, , value]) => value).join(', ')}
         FROM (SELECT v.entry::jsonb AS e OFFSET 0) AS x)`,
    );
    await queryRunner.query(
      `ALTER TABLE risk_register_versions ${[...NOT_NULL, ...ALWAYS_SET]
        .map((n) => `ALTER COLUMN ${n} SET NOT NULL`)
        .join(', ')}`,
    );
    await queryRunner.query(`ALTER TABLE risk_register_versions DROP COLUMN summary`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE risk_register_versions ${COLUMNS.map(([n]) => `DROP COLUMN ${n}`).join(', ')}`,
    );
    await new SummariseRegisterVersions1732300018310().up(queryRunner);
  }
}
