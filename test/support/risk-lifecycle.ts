import {
  DEFAULT_MATRIX,
  fold,
  riskDecider,
  type DomainEvent,
  type RiskCommand,
  type RiskEvent,
} from '@riskledger/domain';

/**
 * A risk's whole life as the risk decider records it, one command after another: every risk event
 * type, made by the domain itself (so that contract tests check real events, not hand-written ones).
 */
export function riskLifecycleEvents(riskId: string, mitigationId: string): DomainEvent[] {
  const acceptanceId = '7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
  const secondMitigation = '8d2e3f4a-5b6c-4d7e-9f80-91a2b3c4d5e6';
  const matrix = DEFAULT_MATRIX;
  const today = '2026-11-20';
  const commands: RiskCommand[] = [
    {
      type: 'IdentifyRisk',
      riskId,
      title: 'Open medicine room',
      scenario: { cause: 'a broken door closer', event: 'strangers enter', consequence: 'theft' },
      threat: 'Theft of narcotics',
      area: 'PHARMACEUTICALS',
      additionalAreas: ['CRIME_PREVENTION'],
      unit: 'Ward 12',
      supplier: 'Lock & Door AB',
      contract: 'RV-2024-113',
      likelihood: 4,
      consequence: 3,
      reference: { activeAreas: ['PHARMACEUTICALS', 'CRIME_PREVENTION'], unitKnown: true },
      matrix,
      today,
    },
    { type: 'AssignRiskOwner', riskId, owner: 'ward.manager@region.se' },
    { type: 'AssessRisk', riskId, basis: 'INHERENT', likelihood: 4, consequence: 4, matrix },
    { type: 'AssessRisk', riskId, basis: 'TARGET', likelihood: 1, consequence: 3, matrix },
    {
      type: 'PlanMitigation',
      riskId,
      mitigationId,
      title: 'Card access',
      kind: 'LIMIT',
      dueDate: '2026-12-31',
      expectedEffect: 'Only staff can enter',
      supplier: 'Lock & Door AB',
    },
    { type: 'StartMitigation', riskId, mitigationId },
    { type: 'ApplyMitigation', riskId, mitigationId, note: null },
    { type: 'VerifyMitigation', riskId, mitigationId, effect: 'No entries after hours' },
    {
      type: 'PlanMitigation',
      riskId,
      mitigationId: secondMitigation,
      title: 'Door alarm',
      kind: 'MONITOR',
    },
    { type: 'CancelMitigation', riskId, mitigationId: secondMitigation, reason: 'Not needed' },
    {
      type: 'AcceptRisk',
      riskId,
      acceptanceId,
      justification: 'Low residual risk',
      roles: ['RISK_OWNER'],
      lapsesOn: today,
      matrix,
      today,
    },
    { type: 'LapseRiskAcceptance', riskId, acceptanceId, today },
    {
      type: 'AcceptRisk',
      riskId,
      acceptanceId: '9e3f4a5b-6c7d-4e8f-a091-a2b3c4d5e6f7',
      justification: 'Renewed',
      roles: ['RISK_OWNER'],
      lapsesOn: '2027-06-30',
      matrix,
      today,
    },
    {
      type: 'RevokeRiskAcceptance',
      riskId,
      acceptanceId: '9e3f4a5b-6c7d-4e8f-a091-a2b3c4d5e6f7',
      reason: 'Ward moved',
    },
    {
      type: 'RequestRiskReassessment',
      riskId,
      year: 2027,
      lastReviewedOrAssessedOn: today,
      today,
    },
    { type: 'ReviewRisk', riskId, notes: 'Still relevant', nextReviewDate: '2027-11-20', today },
    { type: 'CloseRisk', riskId, reason: 'Ward closed' },
    { type: 'ReopenRisk', riskId, reason: 'Ward reopened' },
  ];
  return commands.reduce<RiskEvent[]>(
    (events, command) => [...events, ...riskDecider.decide(command, fold(riskDecider, events))],
    [],
  );
}
