import type { SearchParams } from '../../lib/search-params';
import type { EventLogQuery } from './api/use-event-log';

/** Every event type the log holds, in the order of a risk's and an incident's life. */
export const EVENT_TYPES = [
  'RiskIdentified',
  'RiskAssessed',
  'RiskOwnerAssigned',
  'MitigationPlanned',
  'MitigationStarted',
  'MitigationApplied',
  'MitigationVerified',
  'MitigationCancelled',
  'RiskAccepted',
  'RiskAcceptanceRevoked',
  'RiskAcceptanceLapsed',
  'RiskReviewed',
  'RiskReassessmentRequested',
  'RiskClosed',
  'RiskReopened',
  'IncidentReported',
  'IncidentLinkedToRisk',
  'IncidentInvestigated',
  'IncidentActionsDecided',
  'IncidentReportedToAuthority',
  'IncidentClosed',
  'IncidentDismissed',
  'SecurityGoalSet',
  'SecurityGoalRevised',
  'SecurityGoalWithdrawn',
  'IndicatorMeasured',
  'RestrictedRiskRead',
] as const;

/** The search as the URL holds it: days as YYYY-MM-DD, the rest as typed. */
export interface EventLogFilter {
  actor: string;
  eventType: string;
  area: string;
  unit: string;
  subunits: boolean;
  streamId: string;
  correlationId: string;
  from: string;
  to: string;
}

export const NO_FILTER: EventLogFilter = {
  actor: '',
  eventType: '',
  area: '',
  unit: '',
  subunits: false,
  streamId: '',
  correlationId: '',
  from: '',
  to: '',
};

const TEXTS = ['actor', 'eventType', 'area', 'unit', 'streamId', 'correlationId'] as const;
const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const isDay = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');

export function filterOf(search: SearchParams): EventLogFilter {
  const filter = { ...NO_FILTER };
  for (const key of TEXTS) filter[key] = str(search[key]).trim();
  if (!(EVENT_TYPES as readonly string[]).includes(filter.eventType)) filter.eventType = '';
  filter.subunits = str(search.subunits) === 'true';
  filter.from = isDay(str(search.from));
  filter.to = isDay(str(search.to));
  return filter;
}

/** Back into the URL: only what is set, so that a shared link stays short. */
export function searchOf(filter: EventLogFilter): SearchParams {
  const search: SearchParams = {};
  for (const key of [...TEXTS, 'from', 'to'] as const) if (filter[key]) search[key] = filter[key];
  if (filter.unit && filter.subunits) search.subunits = true;
  return search;
}

/** The day after a YYYY-MM-DD day, at local midnight: the log's `to` is exclusive. */
function startOfDay(day: string, plusDays = 0): string {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
}

/** The API's query: from the first moment of the first day to the last of the last, local time. */
export function queryOf(filter: EventLogFilter): EventLogQuery {
  return {
    actor: filter.actor || undefined,
    eventType: filter.eventType || undefined,
    area: filter.area || undefined,
    unit: filter.unit || undefined,
    includeSubunits: filter.unit && filter.subunits ? true : undefined,
    streamId: filter.streamId || undefined,
    correlationId: filter.correlationId || undefined,
    from: filter.from ? startOfDay(filter.from) : undefined,
    to: filter.to ? startOfDay(filter.to, 1) : undefined,
  };
}
