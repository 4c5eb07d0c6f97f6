import {
  DEFAULT_MATRIX,
  fold,
  organisationDecider,
  reportingObligationDecider,
  riskMatrixDecider,
  SEEDED_REPORTING_OBLIGATIONS,
  securityAreaDecider,
  type Decider,
  type DomainEvent,
} from '@riskledger/domain';

/** Runs commands one after another through a decider, as the API would, and returns every event. */
function run<S, C, E>(decider: Decider<S, C, E>, commands: readonly C[]): E[] {
  const events: E[] = [];
  for (const command of commands) events.push(...decider.decide(command, fold(decider, events)));
  return events;
}

/**
 * Every reference-data event, made by the domain itself: an area registered, given a responsible
 * person and retired; a small organisation registered, renamed, moved and closed; a matrix
 * published; a reporting obligation registered, revised and retired.
 */
export function referenceDataLifecycleEvents(): DomainEvent[] {
  const area = run(securityAreaDecider, [
    {
      type: 'RegisterSecurityArea',
      code: 'PHYSICAL_SECURITY',
      sv: 'Fysisk säkerhet',
      en: 'Physical security',
    },
    {
      type: 'AssignSecurityAreaResponsible',
      code: 'PHYSICAL_SECURITY',
      responsible: 'erik.lind@region.se',
    },
    {
      type: 'RetireSecurityArea',
      code: 'PHYSICAL_SECURITY',
      reason: 'Merged into protective security',
    },
  ]);
  const organisation = run(organisationDecider, [
    { type: 'RegisterOrganisationalUnit', code: 'RV', name: 'Region Värmland', kind: 'REGION' },
    {
      type: 'RegisterOrganisationalUnit',
      code: 'HSV',
      name: 'Hälso- och sjukvård',
      parentCode: 'RV',
      kind: 'ADMINISTRATION',
    },
    {
      type: 'RegisterOrganisationalUnit',
      code: 'WARD12',
      name: 'Avd 12',
      parentCode: 'HSV',
      kind: 'UNIT',
    },
    { type: 'RenameOrganisationalUnit', code: 'WARD12', name: 'Avdelning 12' },
    { type: 'MoveOrganisationalUnit', code: 'WARD12', parentCode: 'RV' },
    { type: 'CloseOrganisationalUnit', code: 'WARD12', reason: 'Merged with ward 14' },
  ]);
  const matrix = run(riskMatrixDecider, [{ type: 'PublishRiskMatrix', ...DEFAULT_MATRIX }]);
  const msb = SEEDED_REPORTING_OBLIGATIONS.find((o) => o.authority === 'MSB')!;
  const obligation = run(reportingObligationDecider, [
    { type: 'RegisterReportingObligation', ...msb, builtIn: true },
    {
      type: 'ReviseReportingObligation',
      ...msb,
      stages: [{ sv: 'Anmälan', en: 'Report', withinHours: 48 }],
    },
    { type: 'RetireReportingObligation', code: msb.code, reason: 'Replaced by a new law' },
  ]);
  return [...area, ...organisation, ...matrix, ...obligation];
}
