import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { listenOnChannel } from '@riskledger/event-store';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { REFERENCE_DATA_CHANGED_CHANNEL } from './reference-data-changes';
import { StoredReferenceData, type NewRecordReference } from './reference-data';

/** Longest a read is used without a word from PostgreSQL: bounds a change that sent none. */
const REMEMBER_MS = 1_000;
/** Units remembered at most; past that all are forgotten and read again. */
const MAX_UNITS = 10_000;

interface Remembered {
  until: number;
  activeAreas: readonly string[];
  matrix: NewRecordReference['matrix'];
  unitKnown: Map<string, boolean>;
}

/**
 * The reference data a new risk or incident is checked against (active areas, the unit, the matrix
 * in force), kept between requests: reading it was one of the two statements of every
 * `POST /risks`. It changes rarely, and every change notifies REFERENCE_DATA_CHANGED_CHANNEL in
 * its transaction (stream-writes.ts, reference-data-seeding.ts). What this process wrote itself is
 * forgotten when its transaction has committed, before the writer answers, so the very next
 * request is checked against it; another process's change is forgotten when its notification
 * arrives. While the listening connection is down nothing is kept (notifications may be missed),
 * and nothing is kept longer than a second, for a change made past the API (SQL by hand).
 */
@Injectable()
export class CachedReferenceData
  extends StoredReferenceData
  implements OnModuleInit, OnModuleDestroy
{
  private readonly logger = new Logger('ReferenceData');
  private remembered: Remembered | null = null;
  /** Moves on every change: a read begun before it is not kept. */
  private generation = 0;
  private listening = false;
  private stopListening: (() => Promise<void>) | null = null;

  constructor(
    queries: ReferenceDataQueries,
    private readonly config: AppConfig,
  ) {
    super(queries);
  }

  onModuleInit(): void {
    this.stopListening = listenOnChannel(this.config.DATABASE_URL, REFERENCE_DATA_CHANGED_CHANNEL, {
      onNotification: () => this.changed(),
      onListening: () => {
        this.changed();
        this.listening = true;
      },
      onConnectionLost: (error) => {
        this.listening = false;
        this.changed();
        this.logger.warn(`not caching reference data, cannot listen: ${error.message}`);
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.listening = false;
    await this.stopListening?.();
  }

  override changed(): void {
    this.generation++;
    this.remembered = null;
  }

  override async forNewRecord(unit: string): Promise<NewRecordReference> {
    const kept = this.remembered;
    const unitKnown = kept && Date.now() < kept.until ? kept.unitKnown.get(unit) : undefined;
    if (kept && unitKnown !== undefined) {
      return { activeAreas: kept.activeAreas, unitKnown, matrix: kept.matrix };
    }
    const generation = this.generation;
    const read = await super.forNewRecord(unit);
    if (this.listening && generation === this.generation) this.keep(unit, read);
    return read;
  }

  private keep(unit: string, read: NewRecordReference): void {
    const kept = this.remembered;
    if (kept && Date.now() < kept.until && kept.unitKnown.size < MAX_UNITS) {
      kept.unitKnown.set(unit, read.unitKnown);
      return;
    }
    this.remembered = {
      until: Date.now() + REMEMBER_MS,
      // Shared by every request from now on: frozen, so that none can change another's.
      activeAreas: Object.freeze([...read.activeAreas]),
      matrix: deepFreeze(structuredClone(read.matrix)),
      unitKnown: new Map([[unit, read.unitKnown]]),
    };
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
