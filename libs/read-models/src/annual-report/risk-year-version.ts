import type { EventEnvelope } from '@riskledger/contracts';
import { applyToStanding, newRiskStanding, type RiskStanding } from './risk-standing';

/** The event types the annual report reads from a risk's stream; the others change none of it. */
export const RISK_EVENTS_REPORTED: ReadonlySet<string> = new Set([
  'RiskIdentified',
  'RiskAssessed',
  'RiskClosed',
  'RiskReopened',
  'MitigationPlanned',
  'MitigationApplied',
  'MitigationVerified',
  'MitigationCancelled',
]);

/** A risk as the annual report reads it, after one of its events (a row of the versions table). */
export interface RiskYearVersion {
  riskId: string;
  streamVersion: number;
  position: number;
  /** ISO time the store recorded the event. */
  recordedAt: string;
  /** The version of its RiskIdentified. */
  identifies: boolean;
  /** When its RiskIdentified was recorded; null for a stream that did not start with one. */
  identifiedAt: string | null;
  identifiedRestricted: boolean;
  /** This event is RESTRICTED. */
  restricted: boolean;
  /**
   * The stream so far started with RiskIdentified, was identified once, and each event was
   * recorded no earlier than the one before. Only then is "the risk at T" the last version
   * recorded before T, as the report's fold of the log has it.
   */
  regular: boolean;
  /** From its RiskIdentified, as the report has them. */
  area: string;
  title: string;
  standing: RiskStanding;
  /** Events so far: RiskAssessed (any basis), RiskClosed, MitigationApplied, MitigationVerified. */
  assessed: number;
  closed: number;
  applied: number;
  verified: number;
}

/**
 * The version after `event`, the risk's version before it being `previous`; null for an event
 * the report does not read. The standing is computed by the report's own applyToStanding, so
 * that each version is what the report's fold of the same events holds.
 */
export function nextRiskYearVersion(
  previous: RiskYearVersion | null,
  event: EventEnvelope,
): RiskYearVersion | null {
  if (!RISK_EVENTS_REPORTED.has(event.type)) return null;
  const restricted = event.metadata.classification === 'RESTRICTED';
  const identifies = event.type === 'RiskIdentified';
  const version: RiskYearVersion = {
    riskId: event.streamId,
    streamVersion: event.streamVersion,
    position: event.position,
    recordedAt: event.recordedAt,
    identifies,
    identifiedAt: identifies ? event.recordedAt : (previous?.identifiedAt ?? null),
    identifiedRestricted: identifies ? restricted : (previous?.identifiedRestricted ?? false),
    restricted,
    regular:
      previous === null
        ? identifies
        : previous.regular &&
          !identifies &&
          Date.parse(event.recordedAt) >= Date.parse(previous.recordedAt),
    area: identifies ? String(event.data.area) : (previous?.area ?? ''),
    title: identifies ? String(event.data.title) : (previous?.title ?? ''),
    standing: copyOf(previous?.standing ?? newRiskStanding()),
    assessed: (previous?.assessed ?? 0) + Number(event.type === 'RiskAssessed'),
    closed: (previous?.closed ?? 0) + Number(event.type === 'RiskClosed'),
    applied: (previous?.applied ?? 0) + Number(event.type === 'MitigationApplied'),
    verified: (previous?.verified ?? 0) + Number(event.type === 'MitigationVerified'),
  };
  applyToStanding(version.standing, event);
  return version;
}

function copyOf(standing: RiskStanding): RiskStanding {
  return {
    open: standing.open,
    current: standing.current && { ...standing.current },
    pending: new Map(standing.pending),
  };
}

/** A standing as stored (json): the pending mitigations as [id, due date] pairs. */
export interface StoredStanding {
  open: boolean;
  current: RiskStanding['current'];
  pending: [string, string | null][];
}

export function storedStanding(standing: RiskStanding): StoredStanding {
  return { open: standing.open, current: standing.current, pending: [...standing.pending] };
}

export function standingFromStored(stored: StoredStanding): RiskStanding {
  return { open: stored.open, current: stored.current, pending: new Map(stored.pending) };
}
