import type { DataSource, EntityManager } from 'typeorm';
import type { OrganisationalUnitKind, RiskMatrix } from '@riskledger/domain';
import type {
  OrganisationalUnitEntry,
  PublishedRiskMatrix,
  SecurityAreaEntry,
} from './reference-data-entries';

interface SecurityAreaRow {
  code: string;
  sv: string;
  en: string;
  built_in: boolean;
  responsible: string | null;
  retired: boolean;
  retired_reason: string | null;
  registered_at: Date;
  updated_at: Date;
  updated_by: string;
}

interface OrganisationalUnitRow {
  code: string;
  name: string;
  parent_code: string | null;
  kind: OrganisationalUnitKind;
  path: string[];
  open: boolean;
  closed_reason: string | null;
  registered_at: Date;
  updated_at: Date;
  updated_by: string;
}

interface RiskMatrixRow {
  matrix: RiskMatrix;
  published_at: Date;
  published_by: string;
}

/**
 * A condition on a risk's or incident's unit column: the unit named by parameter `$paramIndex`
 * and every unit below it. A unit value that is not a registered code (free text, from before the
 * region loaded its organisation) matches only itself.
 *
 *   `WHERE ${unitSubtreeCondition('unit', 3)}`  with  params[2] = 'MED'
 */
export function unitSubtreeCondition(column: string, paramIndex: number): string {
  return (
    `(${column} = $${paramIndex} OR ${column} IN ` +
    `(SELECT code FROM organisational_units WHERE path @> ARRAY[$${paramIndex}::text]))`
  );
}

/** The region's reference data as the API reads it. */
export class ReferenceDataQueries {
  constructor(private readonly dataSource: DataSource) {}

  async securityAreas(manager?: EntityManager): Promise<SecurityAreaEntry[]> {
    const rows: SecurityAreaRow[] = await this.db(manager).query(
      `SELECT * FROM security_areas ORDER BY built_in DESC, code`,
    );
    return rows.map(areaOf);
  }

  async securityArea(code: string): Promise<SecurityAreaEntry | null> {
    const [row]: SecurityAreaRow[] = await this.dataSource.query(
      `SELECT * FROM security_areas WHERE code = $1`,
      [code],
    );
    return row ? areaOf(row) : null;
  }

  async activeAreaCodes(): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM security_areas WHERE NOT retired ORDER BY built_in DESC, code`,
    );
    return rows.map((r) => r.code);
  }

  /** Every unit, open and closed, parents before their children. */
  async organisationalUnits(): Promise<OrganisationalUnitEntry[]> {
    const rows: OrganisationalUnitRow[] = await this.dataSource.query(
      `SELECT * FROM organisational_units ORDER BY path`,
    );
    return rows.map(unitOf);
  }

  /** The unit and every unit below it (empty when no such unit), parents before children. */
  async unitWithSubtree(code: string): Promise<OrganisationalUnitEntry[]> {
    const rows: OrganisationalUnitRow[] = await this.dataSource.query(
      `SELECT * FROM organisational_units WHERE path @> ARRAY[$1::text] ORDER BY path`,
      [code],
    );
    return rows.map(unitOf);
  }

  /** The codes of the unit and every unit below it, e.g. to filter the register by. */
  async unitSubtreeCodes(code: string, manager?: EntityManager): Promise<string[]> {
    const rows: { code: string }[] = await this.db(manager).query(
      `SELECT code FROM organisational_units WHERE path @> ARRAY[$1::text] ORDER BY path`,
      [code],
    );
    return rows.map((r) => r.code);
  }

  /** Whether the region has registered any unit yet, and if so whether this one is open. */
  async unitStatus(code: string): Promise<{ anyRegistered: boolean; open: boolean }> {
    const [row]: { any_registered: boolean; open: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM organisational_units) AS any_registered,
              EXISTS (SELECT 1 FROM organisational_units WHERE code = $1 AND open) AS open`,
      [code],
    );
    return { anyRegistered: row.any_registered, open: row.open };
  }

  /** Every published version, oldest first. */
  async riskMatrices(): Promise<PublishedRiskMatrix[]> {
    const rows: RiskMatrixRow[] = await this.dataSource.query(
      `SELECT matrix, published_at, published_by FROM risk_matrices ORDER BY version`,
    );
    return rows.map(matrixOf);
  }

  async riskMatrix(version: number): Promise<PublishedRiskMatrix | null> {
    const [row]: RiskMatrixRow[] = await this.dataSource.query(
      `SELECT matrix, published_at, published_by FROM risk_matrices WHERE version = $1`,
      [version],
    );
    return row ? matrixOf(row) : null;
  }

  /** The latest published version, the one in force; null only before the seeding ran. */
  async currentRiskMatrix(): Promise<PublishedRiskMatrix | null> {
    const [row]: RiskMatrixRow[] = await this.dataSource.query(
      `SELECT matrix, published_at, published_by FROM risk_matrices ORDER BY version DESC LIMIT 1`,
    );
    return row ? matrixOf(row) : null;
  }

  /**
   * What a command making a new risk or incident checks, in one statement rather than three: the
   * active areas' codes (as activeAreaCodes), the unit's status (as unitStatus) and the matrix in
   * force (null before the first is published).
   */
  async forNewRecord(unit: string): Promise<{
    activeAreaCodes: string[];
    unitStatus: { anyRegistered: boolean; open: boolean };
    currentMatrix: RiskMatrix | null;
  }> {
    const [row]: {
      active_areas: string[];
      any_registered: boolean;
      open: boolean;
      matrix: RiskMatrix | null;
    }[] = await this.dataSource.query(
      `SELECT ARRAY(SELECT code FROM security_areas WHERE NOT retired
                    ORDER BY built_in DESC, code) AS active_areas,
              EXISTS (SELECT 1 FROM organisational_units) AS any_registered,
              EXISTS (SELECT 1 FROM organisational_units WHERE code = $1 AND open) AS open,
              (SELECT matrix FROM risk_matrices ORDER BY version DESC LIMIT 1) AS matrix`,
      [unit],
    );
    return {
      activeAreaCodes: row.active_areas,
      unitStatus: { anyRegistered: row.any_registered, open: row.open },
      currentMatrix: row.matrix,
    };
  }

  /** The version in force at a moment: the latest published by then (0 before the first). */
  async matrixVersionInForceAt(moment: Date): Promise<number> {
    const [row]: { version: number | null }[] = await this.dataSource.query(
      `SELECT max(version)::int AS version FROM risk_matrices WHERE published_at <= $1`,
      [moment],
    );
    return row.version ?? 0;
  }

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }
}

function areaOf(row: SecurityAreaRow): SecurityAreaEntry {
  return {
    code: row.code,
    sv: row.sv,
    en: row.en,
    builtIn: row.built_in,
    responsible: row.responsible,
    retired: row.retired,
    retiredReason: row.retired_reason,
    registeredAt: row.registered_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

function unitOf(row: OrganisationalUnitRow): OrganisationalUnitEntry {
  return {
    code: row.code,
    name: row.name,
    parentCode: row.parent_code,
    kind: row.kind,
    path: row.path,
    open: row.open,
    closedReason: row.closed_reason,
    registeredAt: row.registered_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

function matrixOf(row: RiskMatrixRow): PublishedRiskMatrix {
  return {
    ...row.matrix,
    publishedAt: row.published_at.toISOString(),
    publishedBy: row.published_by,
  };
}
