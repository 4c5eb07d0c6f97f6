import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each register version also keeps its entry without the score history (`summary`): the register
 * as of a moment filters, orders and counts every risk, and reads whole entries only for the page
 * it returns. The score history grows with every assessment (at a hundred events per risk it is
 * most of the entry), and sending it for every risk was most of the cost of the register as of a
 * moment. Written by RiskRegisterVersionsProjection beside `entry`; existing rows are filled here.
 */
export class SummariseRegisterVersions1732300018310 implements MigrationInterface {
  name = 'SummariseRegisterVersions1732300018310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE risk_register_versions ADD COLUMN summary json`);
    await queryRunner.query(
      `UPDATE risk_register_versions SET summary = (entry::jsonb - 'scoreHistory')::json`,
    );
    await queryRunner.query(`ALTER TABLE risk_register_versions ALTER COLUMN summary SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE risk_register_versions DROP COLUMN summary`);
  }
}
