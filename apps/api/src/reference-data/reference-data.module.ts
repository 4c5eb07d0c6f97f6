import { Module } from '@nestjs/common';
import { ReferenceData, StoredReferenceData } from '../shared/reference-data';
import { CloseOrganisationalUnitController } from './organisational-units/close-organisational-unit/close-organisational-unit.http.controller';
import { GetOrganisationalUnitController } from './organisational-units/get-organisational-unit/get-organisational-unit.http.controller';
import { ListOrganisationalUnitsController } from './organisational-units/list-organisational-units/list-organisational-units.http.controller';
import { MoveOrganisationalUnitController } from './organisational-units/move-organisational-unit/move-organisational-unit.http.controller';
import { RegisterOrganisationalUnitController } from './organisational-units/register-organisational-unit/register-organisational-unit.http.controller';
import { RenameOrganisationalUnitController } from './organisational-units/rename-organisational-unit/rename-organisational-unit.http.controller';
import { ReferenceDataSeeding } from './reference-data-seeding';
import { ListReportingObligationsController } from './reporting-obligations/list-reporting-obligations/list-reporting-obligations.http.controller';
import { RegisterReportingObligationController } from './reporting-obligations/register-reporting-obligation/register-reporting-obligation.http.controller';
import { RetireReportingObligationController } from './reporting-obligations/retire-reporting-obligation/retire-reporting-obligation.http.controller';
import { ReviseReportingObligationController } from './reporting-obligations/revise-reporting-obligation/revise-reporting-obligation.http.controller';
import { GetCurrentRiskMatrixController } from './risk-matrices/get-current-risk-matrix/get-current-risk-matrix.http.controller';
import { GetRiskMatrixController } from './risk-matrices/get-risk-matrix/get-risk-matrix.http.controller';
import { ListRiskMatricesController } from './risk-matrices/list-risk-matrices/list-risk-matrices.http.controller';
import { PreviewRiskMatrixController } from './risk-matrices/preview-risk-matrix/preview-risk-matrix.http.controller';
import { PublishRiskMatrixController } from './risk-matrices/publish-risk-matrix/publish-risk-matrix.http.controller';
import { AssignSecurityAreaResponsibleController } from './security-areas/assign-security-area-responsible/assign-security-area-responsible.http.controller';
import { ListSecurityAreasController } from './security-areas/list-security-areas/list-security-areas.http.controller';
import { RegisterSecurityAreaController } from './security-areas/register-security-area/register-security-area.http.controller';
import { RetireSecurityAreaController } from './security-areas/retire-security-area/retire-security-area.http.controller';

const controllers = [
  ListSecurityAreasController,
  RegisterSecurityAreaController,
  AssignSecurityAreaResponsibleController,
  RetireSecurityAreaController,
  ListOrganisationalUnitsController,
  GetOrganisationalUnitController,
  RegisterOrganisationalUnitController,
  RenameOrganisationalUnitController,
  MoveOrganisationalUnitController,
  CloseOrganisationalUnitController,
  // The current version before GetRiskMatrix, so that "current" is not taken for a version number.
  ListRiskMatricesController,
  GetCurrentRiskMatrixController,
  GetRiskMatrixController,
  PreviewRiskMatrixController,
  PublishRiskMatrixController,
  ListReportingObligationsController,
  RegisterReportingObligationController,
  ReviseReportingObligationController,
  RetireReportingObligationController,
];

/**
 * The region's reference data (security areas, organisational units, risk matrix versions,
 * reporting obligations), itself
 * event-sourced, and the ReferenceData port every other command checks against.
 */
@Module({
  controllers,
  providers: [ReferenceDataSeeding, { provide: ReferenceData, useClass: StoredReferenceData }],
  exports: [ReferenceData],
})
export class ReferenceDataModule {}
