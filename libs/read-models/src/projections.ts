import { RiskRegisterVersionsProjection } from './as-of/risk-register-versions.projection';
import { RiskYearVersionsProjection } from './annual-report/risk-year-versions.projection';
import { GoalRegisterProjection } from './goal-register/goal-register.projection';
import { IncidentRegisterProjection } from './incident-register/incident-register.projection';
import type { Projection } from './projection';
import { OrganisationalUnitsProjection } from './reference-data/organisational-units.projection';
import { ReportingObligationsProjection } from './reference-data/reporting-obligations.projection';
import { RiskMatricesProjection } from './reference-data/risk-matrices.projection';
import { SecurityAreasProjection } from './reference-data/security-areas.projection';
import { RiskRegisterProjection } from './risk-register/risk-register.projection';
import { TraceabilityLogProjection } from './traceability-log/traceability-log.projection';

/** Every projection, by the name the CLI and the checkpoints use. */
export function allProjections(): Projection[] {
  return [
    new RiskRegisterProjection(),
    new RiskRegisterVersionsProjection(),
    new TraceabilityLogProjection(),
    new GoalRegisterProjection(),
    new IncidentRegisterProjection(),
    new SecurityAreasProjection(),
    new OrganisationalUnitsProjection(),
    new RiskMatricesProjection(),
    new ReportingObligationsProjection(),
    new RiskYearVersionsProjection(),
  ];
}

export function projectionNamed(name: string): Projection {
  const projection = allProjections().find((p) => p.name === name);
  if (!projection) {
    const names = allProjections().map((p) => p.name);
    throw new Error(`no projection "${name}"; the projections are ${names.join(', ')}`);
  }
  return projection;
}
