import { outwardReportsMissing, outwardReportsRequired } from '@riskledger/domain';
import { type EventEnvelope, domainEventOf } from '@riskledger/contracts';
import type {
  IncidentRegisterEntry,
  IncidentRegisterRecord,
  LinkedRisk,
} from './incident-register-entry';

/**
 * The incident an event concerns: its own stream's incident, or, for a risk identified from an
 * incident, that incident. null when the event does not touch the incident register.
 */
export function incidentOfEvent(envelope: EventEnvelope): string | null {
  if (envelope.streamType === 'incident') return envelope.streamId;
  if (envelope.streamType === 'risk' && envelope.type === 'RiskIdentified') {
    // Older RiskIdentified versions have no source incident at all.
    const source = envelope.data.sourceIncidentId;
    return typeof source === 'string' && source.length > 0 ? source : null;
  }
  return null;
}

/**
 * Folds one event into the incident's register record. Pure, and the result does not depend on
 * whether a risk identified from the incident arrives before or after the incident's own events:
 * links are kept in one fixed order, and risk events never touch updatedAt or version.
 */
export function evolveIncidentRegister(
  record: IncidentRegisterRecord | null,
  envelope: EventEnvelope,
): IncidentRegisterRecord | null {
  const incidentId = incidentOfEvent(envelope);
  if (incidentId === null) return record;
  if (envelope.streamType === 'risk') {
    const link: LinkedRisk = {
      riskId: envelope.streamId,
      relation: 'IDENTIFIED_FROM',
      linkedAt: envelope.recordedAt,
      linkedBy: envelope.metadata.actor,
    };
    const base = record ?? { incidentId, status: null, linkedRisks: [] };
    return { ...base, linkedRisks: withLink(base.linkedRisks, link) };
  }
  return evolveOwnEvent(record, envelope);
}

function evolveOwnEvent(
  record: IncidentRegisterRecord | null,
  envelope: EventEnvelope,
): IncidentRegisterRecord | null {
  const event = domainEventOf(envelope);
  if (!event) return record;
  const at = envelope.recordedAt;
  const by = envelope.metadata.actor;
  const touched = { updatedAt: at, updatedBy: by, version: envelope.streamVersion };
  if (event.type === 'IncidentReported') {
    const d = event.data;
    const reportedLinks = d.riskIds.map((riskId) => ({
      riskId,
      relation: null,
      linkedAt: at,
      linkedBy: by,
    }));
    const pending = record?.status === null ? record.linkedRisks : [];
    return {
      incidentId: d.incidentId,
      title: d.title,
      description: d.description,
      kind: d.kind,
      area: d.area,
      unit: d.unit,
      occurredAt: new Date(d.occurredAt).toISOString(),
      // Reports from before discovery was asked: the time the report was recorded stands in.
      discoveredAt: new Date(d.discoveredAt ?? at).toISOString(),
      personalDataAffected: d.personalDataAffected,
      severity: d.severity,
      immediateActions: d.immediateActions,
      status: 'REPORTED',
      reportedAt: at,
      reportedBy: by,
      linkedRisks: [...reportedLinks, ...pending].reduce(withLink, []),
      findings: null,
      rootCause: null,
      investigatedAt: null,
      investigatedBy: null,
      actions: [],
      outwardReports: [],
      outwardReportsRequired: [...outwardReportsRequired(d.kind, d.personalDataAffected)],
      outwardReportsMissing: outwardReportsMissing(d.kind, [], d.personalDataAffected),
      closedAt: null,
      closedBy: null,
      closingSummary: null,
      dismissedAt: null,
      dismissedBy: null,
      dismissalReason: null,
      ...touched,
    };
  }
  if (!record || record.status === null) return record;
  const entry: IncidentRegisterEntry = record;
  switch (event.type) {
    case 'IncidentLinkedToRisk': {
      const { riskId, relation } = event.data;
      // Stating the relation of a risk named at report replaces the link that had none.
      const others = entry.linkedRisks.filter((l) => !(l.riskId === riskId && l.relation === null));
      const linkedRisks = withLink(others, { riskId, relation, linkedAt: at, linkedBy: by });
      return { ...entry, linkedRisks, ...touched };
    }
    case 'IncidentInvestigated':
      return {
        ...entry,
        findings: event.data.findings,
        rootCause: event.data.rootCause,
        investigatedAt: at,
        investigatedBy: by,
        status: entry.status === 'REPORTED' ? 'INVESTIGATED' : entry.status,
        ...touched,
      };
    case 'IncidentActionsDecided': {
      const decided = event.data.actions.map((a) => ({ ...a, decidedAt: at, decidedBy: by }));
      return {
        ...entry,
        actions: [...entry.actions, ...decided],
        status: 'ACTIONS_DECIDED',
        ...touched,
      };
    }
    case 'IncidentReportedToAuthority': {
      const { authority, reference, reportedAt } = event.data;
      const outwardReports = [
        ...entry.outwardReports,
        { authority, reference, reportedAt, recordedAt: at, recordedBy: by },
      ];
      return {
        ...entry,
        outwardReports,
        outwardReportsMissing: outwardReportsMissing(
          entry.kind,
          outwardReports.map((r) => r.authority),
          entry.personalDataAffected,
        ),
        ...touched,
      };
    }
    case 'IncidentPersonalDataAssessed': {
      const { personalDataAffected } = event.data;
      const reportedTo = entry.outwardReports.map((r) => r.authority);
      return {
        ...entry,
        personalDataAffected,
        outwardReportsRequired: [...outwardReportsRequired(entry.kind, personalDataAffected)],
        outwardReportsMissing: outwardReportsMissing(entry.kind, reportedTo, personalDataAffected),
        ...touched,
      };
    }
    case 'IncidentClosed':
      return {
        ...entry,
        status: 'CLOSED',
        closedAt: at,
        closedBy: by,
        closingSummary: event.data.summary,
        ...touched,
      };
    case 'IncidentDismissed':
      return {
        ...entry,
        status: 'DISMISSED',
        dismissedAt: at,
        dismissedBy: by,
        dismissalReason: event.data.reason,
        ...touched,
      };
    default:
      return entry;
  }
}

/** Adds a link unless the same risk is already linked the same way; keeps one fixed order. */
function withLink(links: readonly LinkedRisk[], link: LinkedRisk): LinkedRisk[] {
  if (links.some((l) => l.riskId === link.riskId && l.relation === link.relation)) {
    return [...links];
  }
  return [...links, link].sort(
    (a, b) =>
      a.linkedAt.localeCompare(b.linkedAt) ||
      a.riskId.localeCompare(b.riskId) ||
      (a.relation ?? '').localeCompare(b.relation ?? ''),
  );
}
