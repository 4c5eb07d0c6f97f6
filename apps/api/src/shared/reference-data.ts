import { Injectable } from '@nestjs/common';
import { DEFAULT_MATRIX, SECURITY_AREA_CODES, type RiskMatrix } from '@riskledger/domain';

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
}

/** The built-in reference data: the 14 areas, any unit, matrix version 1. */
@Injectable()
export class BuiltInReferenceData extends ReferenceData {
  activeAreaCodes(): Promise<readonly string[]> {
    return Promise.resolve(SECURITY_AREA_CODES);
  }

  unitIsKnown(): Promise<boolean> {
    return Promise.resolve(true);
  }

  currentMatrix(): Promise<RiskMatrix> {
    return Promise.resolve(DEFAULT_MATRIX);
  }
}
