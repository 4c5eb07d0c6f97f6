import { randomUUID } from 'node:crypto';
import {
  ACTOR,
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../test/support/api-under-test';

const incident = (overrides: Record<string, unknown> = {}) => ({
  title: 'Medicine room found open at night',
  description: 'Found open at 03:10; nothing missing after count.',
  area: 'PHARMACEUTICALS',
  unit: 'Hospital North / Ward 12',
  kind: 'DEVIATION',
  occurredAt: '2026-01-20T03:10:00+01:00',
  ...overrides,
});

/**
 * The handling of an incident after its report: links to risks, investigation, actions, outward
 * reports, closing and dismissal, each appended to the incident's stream and refused when a rule
 * of the policies says no.
 */
describe('the incident lifecycle', () => {
  let t: ApiUnderTest;
  let riskId: string;

  beforeAll(async () => {
    t = await startApi();
    riskId = await t.givenRisk();
  });
  afterAll(() => t?.stop());

  async function givenIncident(overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await t.api.post('/incidents', incident(overrides));
    expect(response.status).toBe(201);
    return response.body.id;
  }

  const typesOf = async (id: string) => (await t.store.readStream(id)).map((e) => e.type);
  const investigate = (id: string) =>
    t.api.post(`/incidents/${id}/investigation`, {
      findings: 'The door closer was broken.',
      rootCause: 'No routine for reporting door faults',
    });
  const close = (id: string) =>
    t.api.post(`/incidents/${id}/closure`, { summary: 'Closer replaced; routine in place' });

  describe('POST /incidents/:id/risk-links', () => {
    it('links the incident to a risk it realised: 201 with the version, IncidentLinkedToRisk appended', async () => {
      const id = await givenIncident();

      const response = await t.api.post(
        `/incidents/${id}/risk-links`,
        { riskId, relation: 'REALISED' },
        { 'If-Match': '"1"' },
      );

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ version: 2 });
      const [, linked] = await t.store.readStream(id);
      expect(linked).toMatchObject({
        type: 'IncidentLinkedToRisk',
        schemaVersion: 1,
        data: { incidentId: id, riskId, relation: 'REALISED' },
        metadata: { actor: ACTOR },
      });
    });

    it('refuses to link the same risk twice (409, saying how it is linked)', async () => {
      const id = await givenIncident();
      await t.api.post(`/incidents/${id}/risk-links`, { riskId, relation: 'REVEALED' });

      const response = await t.refused(() =>
        t.api.post(`/incidents/${id}/risk-links`, { riskId, relation: 'REALISED' }),
      );

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        rule: 'risk-already-linked',
        message: `risk ${riskId} is already linked to incident ${id} as REVEALED`,
      });
    });

    it('refuses a link on a closed incident (409, saying why)', async () => {
      const id = await givenIncident();
      expect((await close(id)).status).toBe(201);

      const response = await t.refused(() =>
        t.api.post(`/incidents/${id}/risk-links`, { riskId, relation: 'REALISED' }),
      );

      expect(response.status).toBe(409);
      expect(response.body.rule).toBe('incident-closed');
      expect(response.body.message).toContain(`incident ${id} is closed, so it cannot be linked`);
    });

    it('refuses a risk that does not exist, or an incident given as risk, naming riskId', async () => {
      const id = await givenIncident();
      for (const notARisk of [randomUUID(), id]) {
        const response = await t.refused(() =>
          t.api.post(`/incidents/${id}/risk-links`, { riskId: notARisk, relation: 'REALISED' }),
        );
        expectInvalidField(response, 'riskId');
        expect(response.body.message).toContain('there is no risk');
      }
    });

    it('answers 404 for an incident that does not exist', async () => {
      const response = await t.refused(() =>
        t.api.post(`/incidents/${randomUUID()}/risk-links`, { riskId, relation: 'REALISED' }),
      );
      expect(response.status).toBe(404);
    });

    it('refuses a stale If-Match with 409 and the current version', async () => {
      const id = await givenIncident();
      await investigate(id);

      const response = await t.refused(() =>
        t.api.post(
          `/incidents/${id}/risk-links`,
          { riskId, relation: 'REALISED' },
          { 'If-Match': '"1"' },
        ),
      );

      expect(response.status).toBe(409);
      expect(response.body.currentVersion).toBe(2);
    });

    it.each([
      ['relation', { relation: 'CAUSED' }],
      ['relation', { relation: undefined }],
      ['riskId', { riskId: 'risk-1' }],
      ['riskId', { riskId: undefined }],
    ])('refuses a wrong %s (case %#)', async (field, overrides) => {
      const id = await givenIncident();
      const response = await t.refused(() =>
        t.api.post(`/incidents/${id}/risk-links`, { riskId, relation: 'REALISED', ...overrides }),
      );
      expectInvalidField(response, field);
    });
  });

  describe('POST /incidents/:id/investigation', () => {
    it('records the findings and root cause (IncidentInvestigated)', async () => {
      const id = await givenIncident();

      const response = await investigate(id);

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ version: 2 });
      const [, investigated] = await t.store.readStream(id);
      expect(investigated).toMatchObject({
        type: 'IncidentInvestigated',
        data: {
          incidentId: id,
          findings: 'The door closer was broken.',
          rootCause: 'No routine for reporting door faults',
        },
      });
    });

    it.each([
      ['findings', { findings: '  ' }],
      ['rootCause', { rootCause: undefined }],
      ['findings', { findings: 'x'.repeat(5001) }],
    ])('refuses a wrong %s (case %#)', async (field, overrides) => {
      const id = await givenIncident();
      const response = await t.refused(() =>
        t.api.post(`/incidents/${id}/investigation`, {
          findings: 'Found',
          rootCause: 'Cause',
          ...overrides,
        }),
      );
      expectInvalidField(response, field);
    });

    it('refuses to investigate a dismissed incident', async () => {
      const id = await givenIncident();
      await t.api.post(`/incidents/${id}/dismissal`, { reason: 'Reported twice' });

      const response = await t.refused(() => investigate(id));

      expect(response.status).toBe(409);
      expect(response.body.rule).toBe('incident-dismissed');
    });
  });

  describe('POST /incidents/:id/actions', () => {
    it('records actions on a linked risk, naming the mitigation planned on it because of the incident', async () => {
      const id = await givenIncident({ riskIds: [riskId] });
      await investigate(id);
      const planned = await t.api.post(
        `/risks/${riskId}/mitigations`,
        { title: 'Replace the door closer', kind: 'LIMIT' },
        { 'X-Causation-Id': id },
      );
      expect(planned.status).toBe(201);

      const response = await t.api.post(`/incidents/${id}/actions`, {
        actions: [
          {
            riskId,
            description: 'Replace the door closer',
            mitigationId: planned.body.mitigationId,
          },
          { riskId, description: 'Add door faults to the ward routine' },
        ],
      });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ version: 3 });
      const [, , decided] = await t.store.readStream(id);
      expect(decided).toMatchObject({
        type: 'IncidentActionsDecided',
        data: {
          incidentId: id,
          actions: [
            {
              riskId,
              description: 'Replace the door closer',
              mitigationId: planned.body.mitigationId,
            },
            { riskId, description: 'Add door faults to the ward routine', mitigationId: null },
          ],
        },
      });
      const [plannedEvent] = (await t.store.readStream(riskId)).filter(
        (e) => e.type === 'MitigationPlanned',
      );
      expect(plannedEvent.metadata.causationId).toBe(id);
    });

    it('accepts an action on a risk identified from the incident', async () => {
      const id = await givenIncident({ riskIds: [] });
      await investigate(id);
      const identified = await t.api.post('/risks', {
        title: 'Medicine room door without closer check',
        description: 'Because door closers are not checked, the medicine room can stand open.',
        area: 'PHARMACEUTICALS',
        unit: 'Hospital North / Ward 12',
        sourceIncidentId: id,
      });
      expect(identified.status).toBe(201);

      const response = await t.api.post(`/incidents/${id}/actions`, {
        actions: [{ riskId: identified.body.id, description: 'Check door closers monthly' }],
      });

      expect(response.status).toBe(201);
    });

    it('refuses actions before the investigation (409, saying why)', async () => {
      const id = await givenIncident({ riskIds: [riskId] });

      const response = await t.refused(() =>
        t.api.post(`/incidents/${id}/actions`, {
          actions: [{ riskId, description: 'Replace the door closer' }],
        }),
      );

      expect(response.status).toBe(409);
      expect(response.body.rule).toBe('investigation-before-actions');
      expect(response.body.message).toContain('record the investigation first');
    });

    it('refuses an action on a risk not linked to the incident (409)', async () => {
      const other = await t.givenRisk({ title: 'Another risk' });
      const id = await givenIncident({ riskIds: [riskId] });
      await investigate(id);

      const response = await t.refused(() =>
        t.api.post(`/incidents/${id}/actions`, {
          actions: [{ riskId: other, description: 'Something' }],
        }),
      );

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ rule: 'action-on-unlinked-risk' });
      expect(response.body.message).toContain(`risk ${other} is not linked to incident ${id}`);
    });

    it('refuses a mitigation that is not planned on the risk, naming actions[0].mitigationId', async () => {
      const id = await givenIncident({ riskIds: [riskId] });
      await investigate(id);

      const response = await t.refused(() =>
        t.api.post(`/incidents/${id}/actions`, {
          actions: [{ riskId, description: 'Replace', mitigationId: randomUUID() }],
        }),
      );

      expectInvalidField(response, 'actions[0].mitigationId');
    });

    it.each([
      ['actions', { actions: [] }],
      ['actions', { actions: 'replace it' }],
      ['actions', {}],
      ['actions[0].description', { actions: [{ riskId: randomUUID(), description: ' ' }] }],
      ['actions.0.riskId', { actions: [{ riskId: 'r-1', description: 'Do it' }] }],
      [
        'actions.0.mitigationId',
        { actions: [{ riskId: randomUUID(), description: 'Do', mitigationId: 'm' }] },
      ],
    ])('refuses a wrong %s (case %#)', async (field, body) => {
      const id = await givenIncident();
      const response = await t.refused(() => t.api.post(`/incidents/${id}/actions`, body));
      expectInvalidField(response, field);
    });
  });

  describe('POST /incidents/:id/outward-reports', () => {
    it('records a report to an authority (IncidentReportedToAuthority)', async () => {
      const id = await givenIncident({ kind: 'CARE_INJURY' });

      const response = await t.api.post(`/incidents/${id}/outward-reports`, {
        authority: 'IVO',
        reference: 'IVO 3.1-12345/2026',
        reportedAt: '2026-01-21T10:15:00+01:00',
      });

      expect(response.status).toBe(201);
      const [, reported] = await t.store.readStream(id);
      expect(reported).toMatchObject({
        type: 'IncidentReportedToAuthority',
        data: {
          incidentId: id,
          authority: 'IVO',
          reference: 'IVO 3.1-12345/2026',
          reportedAt: '2026-01-21T09:15:00.000Z',
        },
      });
    });

    it('refuses the same report twice (409)', async () => {
      const id = await givenIncident();
      const report = {
        authority: 'POLICE',
        reference: 'K-1234-26',
        reportedAt: '2026-01-21T10:00:00Z',
      };
      await t.api.post(`/incidents/${id}/outward-reports`, report);

      const response = await t.refused(() =>
        t.api.post(`/incidents/${id}/outward-reports`, report),
      );

      expect(response.status).toBe(409);
      expect(response.body.rule).toBe('outward-report-already-recorded');
    });

    it.each([
      ['authority', { authority: 'SOCIALSTYRELSEN' }],
      ['reference', { reference: '' }],
      ['reportedAt', { reportedAt: 'yesterday' }],
      ['reportedAt', { reportedAt: '2026-01-21T10:00:00' }],
      ['reportedAt', { reportedAt: '2026-01-19T10:00:00Z' }],
      ['reportedAt', { reportedAt: new Date(Date.now() + 86_400_000).toISOString() }],
    ])('refuses a wrong %s (case %#)', async (field, overrides) => {
      const id = await givenIncident();
      const response = await t.refused(() =>
        t.api.post(`/incidents/${id}/outward-reports`, {
          authority: 'IVO',
          reference: 'IVO-1',
          reportedAt: '2026-01-21T10:00:00Z',
          ...overrides,
        }),
      );
      expectInvalidField(response, field);
    });
  });

  describe('POST /incidents/:id/closure', () => {
    it('closes a deviation at once (IncidentClosed)', async () => {
      const id = await givenIncident();

      const response = await close(id);

      expect(response.status).toBe(201);
      expect(await typesOf(id)).toEqual(['IncidentReported', 'IncidentClosed']);
    });

    it('refuses to close a serious near miss before it is investigated, then before it is reported to Arbetsmiljöverket', async () => {
      const id = await givenIncident({ kind: 'SERIOUS_NEAR_MISS' });

      const uninvestigated = await t.refused(() => close(id));
      expect(uninvestigated.status).toBe(409);
      expect(uninvestigated.body.rule).toBe('investigation-required');
      expect(uninvestigated.body.message).toContain('must be investigated before it is closed');

      await investigate(id);
      const unreported = await t.refused(() => close(id));
      expect(unreported.status).toBe(409);
      expect(unreported.body).toMatchObject({
        rule: 'outward-report-required',
        message: expect.stringContaining(
          'must be reported to ARBETSMILJOVERKET before it is closed',
        ),
      });

      await t.api.post(`/incidents/${id}/outward-reports`, {
        authority: 'ARBETSMILJOVERKET',
        reference: 'AV 2026/1234',
        reportedAt: '2026-01-20T08:00:00+01:00',
      });
      expect((await close(id)).status).toBe(201);
    });

    it('refuses to close twice', async () => {
      const id = await givenIncident();
      await close(id);

      const response = await t.refused(() => close(id));

      expect(response.status).toBe(409);
      expect(response.body.rule).toBe('incident-closed');
    });

    it('refuses a blank summary, naming it', async () => {
      const id = await givenIncident();
      expectInvalidField(
        await t.refused(() => t.api.post(`/incidents/${id}/closure`, { summary: '' })),
        'summary',
      );
    });
  });

  describe('POST /incidents/:id/dismissal', () => {
    it('dismisses the report with its reason (IncidentDismissed); nothing changes after', async () => {
      const id = await givenIncident({ kind: 'CARE_INJURY' });

      const response = await t.api.post(`/incidents/${id}/dismissal`, { reason: 'Reported twice' });

      expect(response.status).toBe(201);
      const [, dismissed] = await t.store.readStream(id);
      expect(dismissed).toMatchObject({
        type: 'IncidentDismissed',
        data: { incidentId: id, reason: 'Reported twice' },
      });
      const again = await t.refused(() => close(id));
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('is dismissed, so it cannot be closed again');
    });

    it('refuses a missing reason, naming it', async () => {
      const id = await givenIncident();
      expectInvalidField(
        await t.refused(() => t.api.post(`/incidents/${id}/dismissal`, {})),
        'reason',
      );
    });
  });

  it('refuses every change without a token (401)', async () => {
    const id = await givenIncident();
    const response = await t.refused(() =>
      t.client().post(`/incidents/${id}/closure`, { summary: 'Done' }),
    );
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/Sign in/);
  });
});
