import {
  evolveRiskRegisterEntry,
  riskIdsTouchedBy,
  traceabilityEntryOf,
  type RiskRegisterEntry,
  type StreamContext,
  type TraceabilityEntry,
} from '@riskledger/read-models';
import { type EventEnvelope } from '@riskledger/contracts';

/**
 * What the read models must hold, computed purely from the log: envelopes in log order (each
 * stream's events in version order), no duplicates.
 */
export function foldRiskRegister(envelopes: readonly EventEnvelope[]): RiskRegisterEntry[] {
  const entries = new Map<string, RiskRegisterEntry | null>();
  for (const envelope of [...envelopes].sort((a, b) => a.position - b.position)) {
    for (const riskId of riskIdsTouchedBy(envelope)) {
      entries.set(riskId, evolveRiskRegisterEntry(entries.get(riskId) ?? null, envelope));
    }
  }
  return [...entries.values()]
    .filter((entry): entry is RiskRegisterEntry => entry !== null)
    .sort((a, b) => a.riskId.localeCompare(b.riskId));
}

export function foldTraceabilityLog(envelopes: readonly EventEnvelope[]): TraceabilityEntry[] {
  const streams = new Map<string, StreamContext>();
  return [...envelopes]
    .sort((a, b) => a.position - b.position)
    .map((envelope) => {
      const entry = traceabilityEntryOf(envelope, streams.get(envelope.streamId));
      streams.set(envelope.streamId, { area: entry.area, unit: entry.unit });
      return entry;
    });
}
