import { Injectable } from '@nestjs/common';
import { DEFAULT_MATRIX, type RiskMatrix } from '@riskledger/domain';
import { ReferenceDataQueries } from '@riskledger/read-models';

/**
 * What commands check against the region's reference data: which security areas are in use,
 * which organisational units exist, and the risk matrix in force.
 */
export abstract class ReferenceData {
  /** Codes of the security areas that are not retired. */
  abstract activeAreaCodes(): Promise<readonly string[]>;
  /** Whether a unit may be named on a new risk or incident. */
  abstract unitIsKnown(unit: string): Promise<boolean>;
  /** The matrix version in force now. */
  abstract currentMatrix(): Promise<RiskMatrix>;
  /** A published matrix version, e.g. the one an old assessment used; null if never published. */
  abstract matrixVersion(version: number): Promise<RiskMatrix | null>;
  /** The three checks of a new risk or incident at once: one round trip on its hot path. */
  abstract forNewRecord(unit: string): Promise<NewRecordReference>;
  /** The unit and every unit below it in the organisation (a grant's reach). */
  abstract unitSubtree(unit: string): Promise<readonly string[]>;
  /** This process committed a change to the reference data: what was read of it may be old. */
  abstract changed(): void;
}

export interface NewRecordReference {
  activeAreas: readonly string[];
  unitKnown: boolean;
  matrix: RiskMatrix;
}

/**
 * The region's reference data as its event-sourced read models hold it. Those tables are written
 * in the same transaction as the reference-data events (see stream-writes.ts), not through Kafka,
 * so a check here always sees the latest area retirement, unit closure or matrix publication:
 * a command can never pass on reference data that the log has already overtaken.
 */
@Injectable()
export class StoredReferenceData extends ReferenceData {
  constructor(private readonly queries: ReferenceDataQueries) {
    super();
  }

  activeAreaCodes(): Promise<readonly string[]> {
    return this.queries.activeAreaCodes();
  }

  /**
   * A region that has not registered its organisation yet can still work: until the first unit is
   * registered any unit text is accepted. From then on the unit must be a registered, open unit.
   */
  async unitIsKnown(unit: string): Promise<boolean> {
    return isKnown(await this.queries.unitStatus(unit));
  }

  /** The latest published version; before the seeding has published version 1, that same default. */
  async currentMatrix(): Promise<RiskMatrix> {
    const current = await this.queries.currentRiskMatrix();
    return current ? matrixOnly(current) : DEFAULT_MATRIX;
  }

  async forNewRecord(unit: string): Promise<NewRecordReference> {
    const { activeAreaCodes, unitStatus, currentMatrix } = await this.queries.forNewRecord(unit);
    return {
      activeAreas: activeAreaCodes,
      unitKnown: isKnown(unitStatus),
      matrix: currentMatrix ? matrixOnly(currentMatrix) : DEFAULT_MATRIX,
    };
  }

  unitSubtree(unit: string): Promise<readonly string[]> {
    return this.queries.unitSubtreeCodes(unit);
  }

  /** Nothing is kept here between calls, so nothing is out of date. */
  changed(): void {}

  async matrixVersion(version: number): Promise<RiskMatrix | null> {
    const matrix = await this.queries.riskMatrix(version);
    return matrix ? matrixOnly(matrix) : null;
  }
}

const isKnown = ({ anyRegistered, open }: { anyRegistered: boolean; open: boolean }) =>
  !anyRegistered || open;

/** The matrix without when and by whom it was published, as the domain and its events take it. */
function matrixOnly({ version, likelihoodScale, consequenceScale, bands }: RiskMatrix) {
  return { version, likelihoodScale, consequenceScale, bands };
}
