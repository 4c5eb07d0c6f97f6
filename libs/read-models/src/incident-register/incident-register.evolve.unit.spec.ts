import type { EventMetadata } from '@riskledger/event-store';
import { type EventEnvelope } from '@riskledger/contracts';
import {
  envelopeOfEvent,
  incidentReported,
  metadata,
} from '../../../../test/support/domain-events';
import type { IncidentRegisterEntry, IncidentRegisterRecord } from './incident-register-entry';
import { evolveIncidentRegister, incidentOfEvent } from './incident-register.evolve';

const INCIDENT = 'incident-3';
const REPORTED_AT = '2026-01-20T07:00:00.000Z';
const LATER = (hour: number) =>
  `2026-01-2${Math.floor(hour / 24) + 1}T${String(hour % 24).padStart(2, '0')}:00:00.000Z`;

/** The incident stream's n-th event, recorded at `recordedAt` by `actor`. */
function incidentEvent(
  streamVersion: number,
  recordedAt: string,
  event: { type: string; data: object },
  meta: Partial<EventMetadata> = {},
): EventEnvelope {
  return envelopeOfEvent(event, {
    eventId: `00000000-0000-4000-8000-00000000010${streamVersion}`,
    streamType: 'incident',
    streamId: INCIDENT,
    streamVersion,
    position: 200 + streamVersion,
    recordedAt,
    metadata: metadata(meta),
  });
}

/** A risk stream's first event: RiskIdentified, from the incident when `source` is given. */
function riskIdentifiedFrom(
  riskId: string,
  source: string | null | undefined,
  recordedAt: string,
): EventEnvelope {
  const data: Record<string, unknown> = {
    riskId,
    title: 'Cabinet without lock',
    area: 'PHARMACEUTICALS',
  };
  if (source !== undefined) data.sourceIncidentId = source;
  return envelopeOfEvent(
    { type: 'RiskIdentified', data },
    {
      streamType: 'risk',
      streamId: riskId,
      streamVersion: 1,
      recordedAt,
      metadata: metadata({ actor: 'risk.owner@region.se' }),
    },
  );
}

const fold = (envelopes: EventEnvelope[]) =>
  envelopes.reduce<IncidentRegisterRecord | null>(evolveIncidentRegister, null);
const entryAfter = (envelopes: EventEnvelope[]) => fold(envelopes) as IncidentRegisterEntry;

const reported = (kind: string | null = 'DEVIATION', riskIds: string[] = ['risk-1']) =>
  incidentEvent(
    1,
    REPORTED_AT,
    incidentReported(INCIDENT, riskIds, { kind: kind as never, severity: 3 }),
    {
      actor: 'night.nurse@region.se',
    },
  );
const investigated = (version: number, at: string) =>
  incidentEvent(
    version,
    at,
    {
      type: 'IncidentInvestigated',
      data: { incidentId: INCIDENT, findings: 'Lock broken', rootCause: 'No upkeep' },
    },
    { actor: 'investigator@region.se' },
  );

describe('evolveIncidentRegister', () => {
  it('makes a REPORTED entry from IncidentReported, the named risks linked without a relation', () => {
    expect(fold([reported()])).toEqual<IncidentRegisterEntry>({
      incidentId: INCIDENT,
      title: 'Medicine room found open at night',
      description: 'Found open at 03:10; nothing missing after count.',
      kind: 'DEVIATION',
      area: 'PHARMACEUTICALS',
      unit: 'Hospital North / Ward 12',
      occurredAt: '2026-11-20T02:10:00.000Z',
      discoveredAt: REPORTED_AT,
      personalDataAffected: null,
      severity: 3,
      immediateActions: null,
      status: 'REPORTED',
      reportedAt: REPORTED_AT,
      reportedBy: 'night.nurse@region.se',
      linkedRisks: [
        {
          riskId: 'risk-1',
          relation: null,
          linkedAt: REPORTED_AT,
          linkedBy: 'night.nurse@region.se',
        },
      ],
      findings: null,
      rootCause: null,
      investigatedAt: null,
      investigatedBy: null,
      actions: [],
      outwardReports: [],
      outwardReportsRequired: [],
      outwardReportsMissing: [],
      closedAt: null,
      closedBy: null,
      closingSummary: null,
      dismissedAt: null,
      dismissedBy: null,
      dismissalReason: null,
      updatedAt: REPORTED_AT,
      updatedBy: 'night.nurse@region.se',
      version: 1,
    });
  });

  it.each([
    ['CARE_INJURY', ['IVO']],
    ['SERIOUS_NEAR_MISS', ['ARBETSMILJOVERKET']],
    ['IT_INCIDENT', ['MSB']],
    ['NEAR_MISS', []],
    [null, []],
  ])('flags the outward reports a %s requires as required and missing', (kind, authorities) => {
    expect(entryAfter([reported(kind)])).toMatchObject({
      outwardReportsRequired: authorities,
      outwardReportsMissing: authorities,
    });
  });

  it('no longer flags a report missing once it is recorded; a report elsewhere does not count', () => {
    const toPolice = incidentEvent(2, LATER(8), {
      type: 'IncidentReportedToAuthority',
      data: { incidentId: INCIDENT, authority: 'POLICE', reference: 'K-1', reportedAt: LATER(7) },
    });
    const toIvo = incidentEvent(
      3,
      LATER(9),
      {
        type: 'IncidentReportedToAuthority',
        data: { incidentId: INCIDENT, authority: 'IVO', reference: 'IVO-7', reportedAt: LATER(8) },
      },
      { actor: 'chief@region.se' },
    );
    expect(entryAfter([reported('CARE_INJURY'), toPolice]).outwardReportsMissing).toEqual(['IVO']);
    const entry = entryAfter([reported('CARE_INJURY'), toPolice, toIvo]);
    expect(entry.outwardReportsMissing).toEqual([]);
    expect(entry.outwardReports[1]).toEqual({
      authority: 'IVO',
      reference: 'IVO-7',
      reportedAt: LATER(8),
      recordedAt: LATER(9),
      recordedBy: 'chief@region.se',
    });
    expect(entry.version).toBe(3);
  });

  it('keeps the discovery the reporter gave, and asks IMY once personal data was affected', () => {
    const discovered = incidentEvent(
      1,
      REPORTED_AT,
      incidentReported(INCIDENT, [], { discoveredAt: '2026-01-20T05:00:00+01:00' }),
    );
    expect(entryAfter([discovered]).discoveredAt).toBe('2026-01-20T04:00:00.000Z');
    const assessed = incidentEvent(2, LATER(8), {
      type: 'IncidentPersonalDataAssessed',
      data: { incidentId: INCIDENT, personalDataAffected: true },
    });
    const entry = entryAfter([discovered, assessed]);
    expect(entry).toMatchObject({
      personalDataAffected: true,
      outwardReportsRequired: ['IMY'],
      outwardReportsMissing: ['IMY'],
      version: 2,
    });
  });

  it('states the relation of a risk named at report, and adds a newly linked risk', () => {
    const realised = incidentEvent(2, LATER(8), {
      type: 'IncidentLinkedToRisk',
      data: { incidentId: INCIDENT, riskId: 'risk-1', relation: 'REALISED' },
    });
    const revealed = incidentEvent(3, LATER(9), {
      type: 'IncidentLinkedToRisk',
      data: { incidentId: INCIDENT, riskId: 'risk-2', relation: 'REVEALED' },
    });
    expect(
      entryAfter([reported(), realised, revealed]).linkedRisks.map((l) => [l.riskId, l.relation]),
    ).toEqual([
      ['risk-1', 'REALISED'],
      ['risk-2', 'REVEALED'],
    ]);
  });

  it('walks the statuses: investigated, actions decided (kept by a later investigation), closed', () => {
    const actions = incidentEvent(
      3,
      LATER(10),
      {
        type: 'IncidentActionsDecided',
        data: {
          incidentId: INCIDENT,
          actions: [{ riskId: 'risk-1', description: 'Fit a lock', mitigationId: null }],
        },
      },
      { actor: 'manager@region.se' },
    );
    const closed = incidentEvent(
      5,
      LATER(12),
      {
        type: 'IncidentClosed',
        data: { incidentId: INCIDENT, summary: 'Lock fitted' },
      },
      { actor: 'manager@region.se' },
    );
    const history = [
      reported(),
      investigated(2, LATER(9)),
      actions,
      investigated(4, LATER(11)),
      closed,
    ];

    expect(entryAfter(history.slice(0, 2))).toMatchObject({
      status: 'INVESTIGATED',
      findings: 'Lock broken',
      rootCause: 'No upkeep',
      investigatedAt: LATER(9),
      investigatedBy: 'investigator@region.se',
    });
    expect(entryAfter(history.slice(0, 3))).toMatchObject({
      status: 'ACTIONS_DECIDED',
      actions: [
        {
          riskId: 'risk-1',
          description: 'Fit a lock',
          mitigationId: null,
          decidedAt: LATER(10),
          decidedBy: 'manager@region.se',
        },
      ],
    });
    expect(entryAfter(history.slice(0, 4))).toMatchObject({
      status: 'ACTIONS_DECIDED',
      investigatedAt: LATER(11),
    });
    expect(entryAfter(history)).toMatchObject({
      status: 'CLOSED',
      closedAt: LATER(12),
      closedBy: 'manager@region.se',
      closingSummary: 'Lock fitted',
      updatedAt: LATER(12),
      version: 5,
    });
  });

  it('records a dismissal with its reason', () => {
    const dismissed = incidentEvent(2, LATER(8), {
      type: 'IncidentDismissed',
      data: { incidentId: INCIDENT, reason: 'Reported twice' },
    });
    expect(entryAfter([reported(), dismissed])).toMatchObject({
      status: 'DISMISSED',
      dismissedAt: LATER(8),
      dismissalReason: 'Reported twice',
    });
  });

  describe('risks identified from the incident', () => {
    const fromIncident = riskIdentifiedFrom('risk-9', INCIDENT, LATER(8));

    it('links a risk whose RiskIdentified names the incident as source, IDENTIFIED_FROM', () => {
      const entry = entryAfter([reported(), fromIncident]);
      expect(entry.linkedRisks).toEqual([
        {
          riskId: 'risk-1',
          relation: null,
          linkedAt: REPORTED_AT,
          linkedBy: 'night.nurse@region.se',
        },
        {
          riskId: 'risk-9',
          relation: 'IDENTIFIED_FROM',
          linkedAt: LATER(8),
          linkedBy: 'risk.owner@region.se',
        },
      ]);
      // The risk's event is not a change of the incident stream.
      expect(entry).toMatchObject({ version: 1, updatedAt: REPORTED_AT });
    });

    it('gives the same entry whichever arrives first, the risk or the incident (different topics)', () => {
      const pending = fold([fromIncident]);
      expect(pending).toEqual({
        incidentId: INCIDENT,
        status: null,
        linkedRisks: [
          {
            riskId: 'risk-9',
            relation: 'IDENTIFIED_FROM',
            linkedAt: LATER(8),
            linkedBy: 'risk.owner@region.se',
          },
        ],
      });
      const linkLater = incidentEvent(2, LATER(9), {
        type: 'IncidentLinkedToRisk',
        data: { incidentId: INCIDENT, riskId: 'risk-1', relation: 'REVEALED' },
      });
      expect(fold([fromIncident, reported(), linkLater])).toEqual(
        fold([reported(), linkLater, fromIncident]),
      );
      expect(fold([reported(), fromIncident, linkLater])).toEqual(
        fold([reported(), linkLater, fromIncident]),
      );
    });

    it('links a risk once, even if its RiskIdentified is delivered again', () => {
      expect(entryAfter([reported(), fromIncident, fromIncident]).linkedRisks).toHaveLength(2);
    });

    it.each([
      ['without a source (older RiskIdentified versions)', undefined],
      ['with a null source', null],
    ])('ignores a risk identified %s', (_label, source) => {
      const risk = riskIdentifiedFrom('risk-5', source, LATER(8));
      expect(incidentOfEvent(risk)).toBeNull();
      const entry = fold([reported()]);
      expect(evolveIncidentRegister(entry, risk)).toBe(entry);
    });

    it('ignores other risk events', () => {
      const assessed = envelopeOfEvent(
        { type: 'RiskAssessed', data: { riskId: 'risk-9', sourceIncidentId: INCIDENT } },
        { streamType: 'risk', streamId: 'risk-9', streamVersion: 2 },
      );
      expect(incidentOfEvent(assessed)).toBeNull();
    });
  });

  it('ignores an event type it does not know, and events of an incident never reported', () => {
    const entry = fold([reported()]);
    const unknown = incidentEvent(2, LATER(8), { type: 'IncidentArchived', data: {} });
    expect(evolveIncidentRegister(entry, unknown)).toBe(entry);
    expect(fold([investigated(2, LATER(9))])).toBeNull();
  });

  it('does not change the record it is given', () => {
    const entry = fold([reported()]);
    const copy = structuredClone(entry);
    evolveIncidentRegister(entry, investigated(2, LATER(9)));
    evolveIncidentRegister(entry, riskIdentifiedFrom('risk-9', INCIDENT, LATER(8)));
    expect(entry).toEqual(copy);
  });
});
