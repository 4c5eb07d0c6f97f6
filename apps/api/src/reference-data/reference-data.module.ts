import { Module } from '@nestjs/common';
import { RestrictedReads } from '../access/restricted-reads';
import { CachedReferenceData } from '../shared/cached-reference-data';
import { ReferenceData } from '../shared/reference-data';
import { OrganisationalUnitsController } from './organisational-units/organisational-units.http.controller';
import { ReferenceDataSeeding } from './reference-data-seeding';
import { ReportingObligationsController } from './reporting-obligations/reporting-obligations.http.controller';
import { RiskMatricesController } from './risk-matrices/risk-matrices.http.controller';
import { SecurityAreasController } from './security-areas/security-areas.http.controller';

/**
 * The region's reference data (security areas, organisational units, risk matrix versions,
 * reporting obligations), itself
 * event-sourced, and the ReferenceData port every other command checks against.
 */
@Module({
  controllers: [
    SecurityAreasController,
    OrganisationalUnitsController,
    RiskMatricesController,
    ReportingObligationsController,
  ],
  providers: [
    ReferenceDataSeeding,
    RestrictedReads,
    { provide: ReferenceData, useClass: CachedReferenceData },
  ],
  exports: [ReferenceData],
})
export class ReferenceDataModule {}
