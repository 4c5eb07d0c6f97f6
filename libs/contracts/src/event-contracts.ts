import { EVENT_CATALOGUE, type StreamType } from '@riskledger/domain';
import IncidentReportedV1 from '../schemas/IncidentReported.v1.json';
import IncidentReportedV2 from '../schemas/IncidentReported.v2.json';
import MitigationAppliedV1 from '../schemas/MitigationApplied.v1.json';
import MitigationPlannedV1 from '../schemas/MitigationPlanned.v1.json';
import RiskAssessedV1 from '../schemas/RiskAssessed.v1.json';
import RiskIdentifiedV1 from '../schemas/RiskIdentified.v1.json';

export type JsonSchema = Record<string, unknown> & { title: string; description: string };

/** One version of one event type, as integrators see it. */
export interface EventContract {
  type: string;
  version: number;
  streamType: StreamType;
  schema: JsonSchema;
}

/**
 * Every published event version, from the schema files in libs/contracts/schemas. A published
 * version never changes (published-schemas.lock.json holds their fingerprints); a change that
 * would break consumers becomes a new version, and old stored events are upcast when read.
 */
const SCHEMAS: readonly {
  type: keyof typeof EVENT_CATALOGUE;
  version: number;
  schema: JsonSchema;
}[] = [
  { type: 'RiskIdentified', version: 1, schema: RiskIdentifiedV1 },
  { type: 'RiskAssessed', version: 1, schema: RiskAssessedV1 },
  { type: 'MitigationPlanned', version: 1, schema: MitigationPlannedV1 },
  { type: 'MitigationApplied', version: 1, schema: MitigationAppliedV1 },
  { type: 'IncidentReported', version: 1, schema: IncidentReportedV1 },
  { type: 'IncidentReported', version: 2, schema: IncidentReportedV2 },
];

export const EVENT_CONTRACTS: readonly EventContract[] = SCHEMAS.map((entry) => ({
  ...entry,
  streamType: EVENT_CATALOGUE[entry.type].streamType,
}));

export function contractFor(type: string, version: number): EventContract | undefined {
  return EVENT_CONTRACTS.find((c) => c.type === type && c.version === version);
}

/** The version producers write today, per event type. */
export function currentContracts(): EventContract[] {
  return Object.entries(EVENT_CATALOGUE).map(([type, { schemaVersion }]) => {
    const contract = contractFor(type, schemaVersion);
    if (!contract) throw new Error(`no schema for ${type} v${schemaVersion}`);
    return contract;
  });
}
