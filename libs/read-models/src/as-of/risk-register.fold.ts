import type { PostgresEventStore } from '@riskledger/event-store';
import { envelopeOf, type EventEnvelope } from '@riskledger/contracts';
import type { RiskRegisterEntry } from '../risk-register/risk-register-entry';
import { evolveRiskRegisterEntry, riskIdsTouchedBy } from '../risk-register/risk-register.evolve';

/**
 * The register as it was at a past moment, folded from the log (events recorded at or before it)
 * with the projection's evolve function. The API answers from the versions table instead
 * (RiskRegisterAsOf); this fold stays as the reference it is checked against (its integration
 * test) and measured beside (the investigation benchmark). It reads the whole log up to the
 * moment, so its cost grows with the log.
 */
export class RiskRegisterFold {
  constructor(private readonly store: PostgresEventStore) {}

  /** Every risk the register held at `asOf`, in the live register's order. */
  async list(asOf: Date): Promise<RiskRegisterEntry[]> {
    const [entries] = await this.listAt([asOf]);
    return entries;
  }

  /**
   * The register at each of these moments, from one read of the log up to the latest: a
   * comparison of two moments reads it once, each event folded into every moment it precedes.
   */
  async listAt(moments: readonly Date[]): Promise<RiskRegisterEntry[][]> {
    const registers = moments.map(() => new Map<string, RiskRegisterEntry>());
    const until = new Date(Math.max(...moments.map((moment) => moment.getTime())));
    for await (const page of this.store.readRecordedPages({ until })) {
      for (const event of page) {
        const envelope = envelopeOf(event);
        const riskIds = riskIdsTouchedBy(envelope);
        moments.forEach((moment, i) => {
          if (event.recordedAt > moment) return;
          for (const riskId of riskIds) {
            const entry = evolveRiskRegisterEntry(registers[i].get(riskId) ?? null, envelope);
            if (entry) registers[i].set(riskId, entry);
          }
        });
      }
    }
    return registers.map((entries) =>
      [...entries.values()].sort(
        (a, b) => a.identifiedAt.localeCompare(b.identifiedAt) || (a.riskId < b.riskId ? -1 : 1),
      ),
    );
  }

  /** The risk as the register held it at `asOf`; null if it was not identified by then. */
  async get(riskId: string, asOf: Date): Promise<RiskRegisterEntry | null> {
    const events = await this.store.readStream(riskId, { until: asOf });
    if (events.length === 0 || events[0].streamType !== 'risk') return null;
    // The incidents linked to the risk are in their own streams; only those after it can name it.
    const incidents = await this.incidentEventsAfter(events[0].position, asOf);
    const all = [...events.map(envelopeOf), ...incidents].sort((a, b) => a.position - b.position);
    let entry: RiskRegisterEntry | null = null;
    for (const envelope of all) {
      if (riskIdsTouchedBy(envelope).includes(riskId)) {
        entry = evolveRiskRegisterEntry(entry, envelope);
      }
    }
    return entry;
  }

  private async incidentEventsAfter(position: number, asOf: Date): Promise<EventEnvelope[]> {
    const envelopes: EventEnvelope[] = [];
    const pages = this.store.readRecordedPages({
      streamType: 'incident',
      until: asOf,
      afterPosition: position,
    });
    for await (const page of pages) envelopes.push(...page.map(envelopeOf));
    return envelopes;
  }
}
