import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every version of each risk as the annual security report reads it (RiskYearVersionsProjection):
 * one row per event of a risk stream that the report reads, holding the risk's standing after it
 * (open, latest current assessment, pending mitigations) and the counts of its assessments,
 * closings and mitigations applied and verified so far. A year's figures are then two versions
 * per risk (the last recorded before the year and before its end) instead of a fold of the log.
 * `regular` turns false for good once a stream breaks what those reads rely on (see the
 * projection), and `restricted` (the event's classification) may differ from the identification's
 * in a stream that was reclassified; the report then folds the log instead, and the partial index
 * finds those few streams. `version_id` names a row in one column, for verify-projection's
 * row-by-row comparison.
 */
export class CreateAnnualReportRiskVersions1732300018500 implements MigrationInterface {
  name = 'CreateAnnualReportRiskVersions1732300018500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE annual_report_risk_versions (
        risk_id               text NOT NULL,
        stream_version        int NOT NULL,
        position              bigint NOT NULL,
        recorded_at           timestamptz NOT NULL,
        identifies            boolean NOT NULL,
        identified_at         timestamptz,
        identified_restricted boolean NOT NULL,
        restricted            boolean NOT NULL,
        regular               boolean NOT NULL,
        area                  text NOT NULL,
        title                 text NOT NULL,
        standing              json NOT NULL,
        assessed              int NOT NULL,
        closed                int NOT NULL,
        applied               int NOT NULL,
        verified              int NOT NULL,
        version_id            text GENERATED ALWAYS AS (risk_id || '@' || stream_version::text) STORED,
        PRIMARY KEY (risk_id, stream_version)
      )`);
    await queryRunner.query(
      `CREATE INDEX annual_report_risk_versions_by_time
       ON annual_report_risk_versions (risk_id, recorded_at, stream_version)`,
    );
    // Counted against the log's RiskIdentified events: has every risk reached the versions?
    await queryRunner.query(
      `CREATE INDEX annual_report_risk_versions_identifications
       ON annual_report_risk_versions (risk_id) WHERE identifies`,
    );
    await queryRunner.query(
      `CREATE INDEX annual_report_risk_versions_unusual ON annual_report_risk_versions (risk_id)
       WHERE NOT regular OR restricted <> identified_restricted`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE annual_report_risk_versions`);
  }
}
