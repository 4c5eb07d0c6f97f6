import { httpClient } from '../support/http';
import { eventually, startSystem, type RunningSystem } from '../support/running-system';

/** The calendar day in the region (Europe/Stockholm), as the system's own clock reckons it. */
const swedishDay = (moment: Date) =>
  moment.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

/**
 * A whole year of a region's security work on the running system (API, relay, projector and the
 * acceptance sweep over real PostgreSQL and Kafka), by the people who do it: the administrator
 * registers the organisation, the security coordinator and the area responsible identify, assess
 * and treat a risk, a nurse reports the incident that realises it, the risk owner carries out the
 * treatment, the residual risk is accepted within the matrix's mandate and lapses by itself, the
 * area's goal is met, and the annual report and the traceability log tell the year afterwards.
 */
describe('a year of security work in one region', () => {
  let system: RunningSystem;
  let client: ReturnType<typeof httpClient>;
  const today = swedishDay(new Date());
  const year = Number(today.slice(0, 4));
  const flow = `year-${year}`;

  // Who does what: each signs in with their own token and roles.
  const admin = { 'X-Actor': 'it.admin@region.se', 'X-Actor-Role': 'ADMINISTRATOR' };
  const coordinator = {
    'X-Actor': 'anna.berg@region.se',
    'X-Actor-Role': 'SECURITY_COORDINATOR',
  };
  const areaResponsible = {
    'X-Actor': 'per.lind@region.se',
    'X-Actor-Role': 'AREA_RESPONSIBLE:area=PHARMACEUTICALS',
  };
  const riskOwner = {
    'X-Actor': 'ward.manager@region.se',
    'X-Actor-Role': 'RISK_OWNER:unit=HN-W12',
  };
  const nurse = { 'X-Actor': 'eva.nurse@region.se', 'X-Actor-Role': 'REPORTER' };
  const investigator = { 'X-Actor': 'karin.inv@region.se', 'X-Actor-Role': 'INVESTIGATOR' };

  /** How long the register took to show each write: from the write's answer to the new version. */
  const registerLags: number[] = [];

  beforeAll(async () => {
    // The real sweep, often enough to see an acceptance lapse within the test.
    system = await startSystem({ ACCEPTANCE_SWEEP_INTERVAL_MS: '500' });
    client = httpClient(system.baseUrl, { 'X-Correlation-Id': flow });
  });
  afterAll(async () => {
    await system?.stop();
    delete process.env.ACCEPTANCE_SWEEP_INTERVAL_MS;
  });

  const as = (who: Record<string, string>) => ({
    get: (path: string) => client.get(path, who),
    post: (path: string, body?: unknown, headers: Record<string, string> = {}) =>
      client.post(path, body, { ...who, ...headers }),
  });

  /** Waits until the register shows the risk at `version`; records how long that took. */
  async function registerShows(riskId: string, version: number, since: number) {
    const entry = await eventually(async () => {
      const response = await as(coordinator).get(`/risks/${riskId}`);
      return response.status === 200 && response.body.version >= version
        ? response.body
        : undefined;
    });
    registerLags.push(Date.now() - since);
    return entry;
  }

  /** A write that must succeed; returns its body and when its answer came. */
  async function write(
    who: Record<string, string>,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await as(who).post(path, body, headers);
    if (response.status !== 201) {
      throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return { body: response.body, at: Date.now() };
  }

  it('walks the year: risk, treatment, incident, review, acceptance and its lapse, goal, report, log', async () => {
    const started = Date.now();

    // January: the region registers its organisation (a small tree).
    for (const unit of [
      { code: 'RV', name: 'Region Värmland', kind: 'REGION' },
      { code: 'HN', name: 'Hospital North', kind: 'ADMINISTRATION', parentCode: 'RV' },
      { code: 'HN-MED', name: 'Medical department', kind: 'DEPARTMENT', parentCode: 'HN' },
      { code: 'HN-W12', name: 'Ward 12', kind: 'UNIT', parentCode: 'HN-MED' },
    ]) {
      await write(admin, '/organisational-units', unit);
    }
    const tree = await as(coordinator).get('/organisational-units');
    expect(tree.body).toMatchObject([
      { code: 'RV', children: [{ code: 'HN', children: [{ code: 'HN-MED' }] }] },
    ]);
    // Once the organisation is registered, a risk must name one of its units.
    expect(
      (
        await as(coordinator).post('/risks', {
          title: 'Somewhere else',
          description: 'A unit the region does not have.',
          area: 'PHARMACEUTICALS',
          unit: 'NOWHERE',
        })
      ).status,
    ).toBe(400);

    // February: the coordinator identifies a risk in the MSB form, with its inherent assessment.
    const identified = await write(coordinator, '/risks', {
      title: 'Unlocked medicine room on ward 12',
      scenario: {
        cause: 'a broken door closer',
        event: 'unauthorised people enter the medicine room',
        consequence: 'theft of narcotics',
      },
      area: 'PHARMACEUTICALS',
      unit: 'HN-W12',
      owner: 'ward.manager@region.se',
      classification: 'OPEN',
      nextReviewDate: `${year + 1}-06-30`,
    });
    const riskId: string = identified.body.id;
    await registerShows(riskId, 1, identified.at);
    const inherent = await write(
      coordinator,
      `/risks/${riskId}/assessments`,
      { basis: 'INHERENT', likelihood: 4, consequence: 4, reason: 'No controls at all' },
      { 'If-Match': '"1"' },
    );
    expect(inherent.body).toEqual({ version: 2, warnings: [] });
    // The area responsible assesses it as it stands, and the target after the planned treatment.
    await write(areaResponsible, `/risks/${riskId}/assessments`, {
      basis: 'CURRENT',
      likelihood: 3,
      consequence: 4,
      reason: 'Staff lock the door by hand',
    });
    const target = await write(areaResponsible, `/risks/${riskId}/assessments`, {
      basis: 'TARGET',
      likelihood: 2,
      consequence: 4,
      reason: 'After card access',
    });
    expect(target.body).toEqual({ version: 4, warnings: [] });
    const assessed = await registerShows(riskId, 4, target.at);
    expect(assessed).toMatchObject({
      scenario: { cause: 'a broken door closer' },
      assessments: {
        inherent: { score: 16, level: 'HIGH', assessedBy: 'anna.berg@region.se' },
        current: { score: 12, level: 'HIGH', assessedBy: 'per.lind@region.se' },
        target: { score: 8, level: 'MEDIUM', reason: 'After card access' },
      },
      score: 12,
      level: 'HIGH',
    });

    // March to June: the treatment is planned, and the risk owner carries it out.
    const planned = await write(areaResponsible, `/risks/${riskId}/mitigations`, {
      title: 'Card access on the medicine room',
      kind: 'LIMIT',
      owner: 'ward.manager@region.se',
      dueDate: `${year}-12-31`,
      expectedEffect: 'Only staff on duty enter',
    });
    const mitigationId: string = planned.body.mitigationId;
    const mitigation = `/risks/${riskId}/mitigations/${mitigationId}`;
    const startedWork = await write(riskOwner, `${mitigation}/started`);
    await registerShows(riskId, startedWork.body.version, startedWork.at);
    const applied = await write(riskOwner, `${mitigation}/applied`, {
      note: 'Card reader installed',
    });
    expect(await registerShows(riskId, applied.body.version, applied.at)).toMatchObject({
      mitigations: [{ mitigationId, status: 'APPLIED', note: 'Card reader installed' }],
    });

    // September: a nurse reports the incident that realises the risk (a care injury: IVO).
    const occurredAt = new Date(Date.now() - 3 * 3600_000).toISOString();
    const reported = await write(
      nurse,
      '/incidents',
      {
        title: 'Narcotics missing from the medicine room',
        kind: 'CARE_INJURY',
        description:
          'A patient got no pain relief: the ampoules were gone after the door stood open.',
        area: 'PHARMACEUTICALS',
        unit: 'HN-W12',
        occurredAt,
        severity: 3,
        riskIds: [riskId],
      },
      { 'X-Correlation-Id': `${flow}-incident` },
    );
    const incidentId: string = reported.body.id;
    const incidentFlow = { 'X-Correlation-Id': `${flow}-incident`, 'X-Causation-Id': incidentId };
    // A care injury must be investigated and reported to IVO (lex Maria) before it is closed.
    const early = await as(coordinator).post(
      `/incidents/${incidentId}/closure`,
      { summary: 'Too early' },
      incidentFlow,
    );
    expect(early.status).toBe(409);
    expect(early.body.rule).toBe('investigation-required');
    await write(
      coordinator,
      `/incidents/${incidentId}/investigation`,
      {
        findings: 'The door had stood open for two nights before the card reader was in use.',
        rootCause: 'No routine for door faults before the card access',
      },
      incidentFlow,
    );
    const unreported = await as(coordinator).post(
      `/incidents/${incidentId}/closure`,
      { summary: 'Too early' },
      incidentFlow,
    );
    expect(unreported.status).toBe(409);
    expect(unreported.body.rule).toBe('outward-report-required');
    await write(
      coordinator,
      `/incidents/${incidentId}/outward-reports`,
      {
        authority: 'IVO',
        reference: `IVO 3.1-12345/${year}`,
        reportedAt: new Date(Date.now() - 3600_000).toISOString(),
      },
      incidentFlow,
    );
    await write(
      coordinator,
      `/incidents/${incidentId}/closure`,
      { summary: 'Card access verified; door routine in place' },
      incidentFlow,
    );

    // The realised risk needs a review: the register says so, and why.
    const needing = await eventually(async () => {
      const list = await as(areaResponsible).get('/risks?area=PHARMACEUTICALS&needsReview=true');
      const items = Array.isArray(list.body) ? list.body : (list.body?.items ?? []);
      return items.find((r: { riskId: string }) => r.riskId === riskId);
    });
    expect(needing).toMatchObject({
      needsReviewBecause: [`incident ${incidentId} realised the risk`],
      linkedIncidents: [{ incidentId, relation: 'REALISED' }],
    });

    // October: the mitigation is verified and the risk reviewed, following the incident.
    await write(
      riskOwner,
      `${mitigation}/verified`,
      { effect: 'No entries without a card since' },
      incidentFlow,
    );
    const reviewed = await write(
      areaResponsible,
      `/risks/${riskId}/reviews`,
      { notes: 'Still relevant; the treatment works', nextReviewDate: `${year + 1}-11-30` },
      incidentFlow,
    );
    const afterReview = await registerShows(riskId, reviewed.body.version, reviewed.at);
    expect(afterReview).toMatchObject({
      needsReview: false,
      needsReviewBecause: [],
      nextReviewDate: `${year + 1}-11-30`,
      mitigations: [
        { mitigationId, status: 'VERIFIED', effect: 'No entries without a card since' },
      ],
    });

    // November: the residual (target) risk is MEDIUM: a risk owner may not accept it, the area
    // responsible may. It lapses today, so the sweep lapses it by itself.
    const beyondMandate = await as(riskOwner).post(`/risks/${riskId}/acceptances`, {
      justification: 'Proportionate',
      lapsesOn: today,
    });
    expect(beyondMandate.status).toBe(409);
    expect(beyondMandate.body.rule).toBe('acceptance-mandate');
    const accepted = await write(areaResponsible, `/risks/${riskId}/acceptances`, {
      justification: 'Residual risk proportionate with card access in place',
      lapsesOn: today,
    });
    const lapsed = await eventually(async () => {
      const history = await as(investigator).get(`/risks/${riskId}/history`);
      return history.body.find?.((e: { type: string }) => e.type === 'RiskAcceptanceLapsed');
    });
    expect(lapsed).toMatchObject({ actor: 'riskledger:acceptance-sweep' });
    const afterLapse = await eventually(async () => {
      const response = await as(coordinator).get(`/risks/${riskId}`);
      return response.body?.version >= lapsed.version ? response.body : undefined;
    });
    const acceptanceToLapse = Date.now() - accepted.at;
    expect(afterLapse.acceptance).toBeNull();
    expect(afterLapse.pastAcceptances).toMatchObject([
      { acceptedBy: 'per.lind@region.se', acceptedByRole: 'AREA_RESPONSIBLE', status: 'LAPSED' },
    ]);

    // The area's goal for the year: set, measured, met.
    const goal = await write(areaResponsible, '/goals', {
      area: 'PHARMACEUTICALS',
      year,
      text: 'Every medicine room is locked by card access',
      indicator: 'Share of medicine rooms with card access',
      targetValue: 100,
      measurementUnit: '%',
      direction: 'AT_LEAST',
      partlyMetFrom: 80,
    });
    const goalId: string = goal.body.id ?? goal.body.goalId;
    await write(areaResponsible, `/goals/${goalId}/measurements`, {
      value: 100,
      measuredOn: today,
    });
    await eventually(async () => {
      const response = await as(coordinator).get(`/goals/${goalId}`);
      return response.body?.fulfilment === 'MET' ? true : undefined;
    });

    // December: the annual report tells the year.
    const report = await as(coordinator).get(`/reports/annual/${year}?area=PHARMACEUTICALS`);
    expect(report.status).toBe(200);
    expect(report.body.areas).toHaveLength(1);
    expect(report.body.areas[0]).toMatchObject({
      area: 'PHARMACEUTICALS',
      goals: { total: 1, met: 1, items: [{ goalId, fulfilment: 'MET', latestValue: 100 }] },
      risks: { identified: 1, closed: 0, openAtYearEnd: 1 },
      incidents: { reported: 1, byKind: { CARE_INJURY: 1 } },
      mitigations: { applied: 1, verified: 1 },
    });

    // Year's end: next year's re-assessment starts from this year's risks, asking each once.
    const reassessment = await write(coordinator, '/risks/reassessments', {
      year: year + 1,
      area: 'PHARMACEUTICALS',
    });
    expect(reassessment.body).toEqual({ year: year + 1, requested: 1, skipped: 0 });
    const again = await write(coordinator, '/risks/reassessments', { year: year + 1 });
    expect(again.body).toEqual({ year: year + 1, requested: 0, skipped: 1 });
    const toReassess = await eventually(async () => {
      const list = await as(areaResponsible).get('/risks?area=PHARMACEUTICALS&needsReview=true');
      const items = Array.isArray(list.body) ? list.body : (list.body?.items ?? []);
      return items.find((r: { riskId: string }) => r.riskId === riskId);
    });
    registerLags.push(Date.now() - reassessment.at);
    expect(toReassess.needsReviewBecause).toEqual([`yearly re-assessment ${year + 1}`]);

    // The traceability log holds every event of the year's work (the log follows the risk,
    // incident and goal streams; reference data keeps its own history), with who and which flow.
    const stored: { eventId: string; eventType: string; actor: string; correlationId: string }[] =
      await system.db.dataSource.query(
        `SELECT event_id AS "eventId", event_type AS "eventType", metadata->>'actor' AS actor,
                metadata->>'correlationId' AS "correlationId"
         FROM events WHERE stream_type IN ('risk', 'incident', 'goal') ORDER BY position`,
      );
    expect(stored).toHaveLength(18);
    const log = await eventually(async () => {
      const response = await as(investigator).get('/traceability?limit=1000');
      return response.body?.length === stored.length ? response.body : undefined;
    });
    const byId = new Map(log.map((e: { eventId: string }) => [e.eventId, e]));
    for (const event of stored) {
      expect(event.actor).toEqual(expect.any(String));
      expect(event.correlationId).toEqual(expect.any(String));
      expect(byId.get(event.eventId)).toMatchObject(event);
    }
    for (const streamId of [riskId, incidentId, goalId]) {
      expect(log.some((e: { streamId: string }) => e.streamId === streamId)).toBe(true);
    }
    const riskLog = (await as(investigator).get(`/traceability?streamId=${riskId}`)).body;
    expect(
      riskLog.map((e: { eventType: string; actor: string }) => [e.eventType, e.actor]),
    ).toEqual([
      ['RiskIdentified', 'anna.berg@region.se'],
      ['RiskAssessed', 'anna.berg@region.se'],
      ['RiskAssessed', 'per.lind@region.se'],
      ['RiskAssessed', 'per.lind@region.se'],
      ['MitigationPlanned', 'per.lind@region.se'],
      ['MitigationStarted', 'ward.manager@region.se'],
      ['MitigationApplied', 'ward.manager@region.se'],
      ['MitigationVerified', 'ward.manager@region.se'],
      ['RiskReviewed', 'per.lind@region.se'],
      ['RiskAccepted', 'per.lind@region.se'],
      ['RiskAcceptanceLapsed', 'riskledger:acceptance-sweep'],
      ['RiskReassessmentRequested', 'anna.berg@region.se'],
    ]);
    // The incident's flow: one correlation, the review and verification caused by the incident.
    const incidentCorrelated = (
      await as(investigator).get(`/traceability?correlationId=${flow}-incident`)
    ).body;
    expect(incidentCorrelated.map((e: { eventType: string }) => e.eventType)).toEqual([
      'IncidentReported',
      'IncidentInvestigated',
      'IncidentReportedToAuthority',
      'IncidentClosed',
      'MitigationVerified',
      'RiskReviewed',
    ]);
    expect(
      incidentCorrelated
        .filter((e: { streamId: string }) => e.streamId === riskId)
        .every((e: { causationId: string }) => e.causationId === incidentId),
    ).toBe(true);
    expect(
      riskLog.find((e: { eventType: string }) => e.eventType === 'RiskAcceptanceLapsed')
        .correlationId,
    ).toMatch(/^lapse-/);

    const lags = [...registerLags].sort((a, b) => a - b);
    process.stdout.write(
      `[e2e year] the register followed ${lags.length} writes in ${lags[0]}-${lags[lags.length - 1]} ms ` +
        `(median ${lags[Math.floor(lags.length / 2)]} ms); from the acceptance to its lapse in the ` +
        `register (sweep every 500 ms): ${acceptanceToLapse} ms; the whole year: ` +
        `${Date.now() - started} ms\n`,
    );
  }, 60_000);
});
