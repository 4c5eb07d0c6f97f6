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

/** What was read since the last change, for a second at most. */
interface Remembered {
  until: number;
  /** The same for every unit (from the last read of a new record's checks). */
  areasAndMatrix: Pick<NewRecordReference, 'activeAreas' | 'matrix'> | null;
  unitKnown: Map<string, boolean>;
  subtrees: Map<string, readonly string[]>;
}

/**
 * The reference data a new risk or incident is checked against (active areas, the unit, the matrix
 * in force), and the units a grant reaches, kept between requests: reading them was one of the two
 * statements of every `POST /risks`, and one more of every write by a caller limited to units. It
 * changes rarely, and every change notifies REFERENCE_DATA_CHANGED_CHANNEL in its transaction
 * (stream-writes.ts, reference-data-seeding.ts, the unit import). What this process wrote itself is
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
    const kept = this.current();
    const unitKnown = kept?.unitKnown.get(unit);
    if (kept?.areasAndMatrix && unitKnown !== undefined) {
      return { ...kept.areasAndMatrix, unitKnown };
    }
    const generation = this.generation;
    const read = await super.forNewRecord(unit);
    const keep = this.keeping(generation);
    if (keep) {
      keep.areasAndMatrix = {
        // Shared by every request from now on: frozen, so that none can change another's.
        activeAreas: Object.freeze([...read.activeAreas]),
        matrix: deepFreeze(structuredClone(read.matrix)),
      };
      keep.unitKnown.set(unit, read.unitKnown);
    }
    return read;
  }

  override async unitSubtree(unit: string): Promise<readonly string[]> {
    const found = this.current()?.subtrees.get(unit);
    if (found) return found;
    const generation = this.generation;
    const read = Object.freeze(await super.unitSubtree(unit));
    this.keeping(generation)?.subtrees.set(unit, read);
    return read;
  }

  /** What is remembered and still within its second, if anything. */
  private current(): Remembered | null {
    const kept = this.remembered;
    return kept && Date.now() < kept.until ? kept : null;
  }

  /**
   * Where to keep a read begun at `generation`: nowhere if the data changed meanwhile or no
   * change could be heard; a fresh store when the last has expired or grown too large.
   */
  private keeping(generation: number): Remembered | null {
    if (!this.listening || generation !== this.generation) return null;
    const kept = this.current();
    if (kept && kept.unitKnown.size + kept.subtrees.size < MAX_UNITS) return kept;
    this.remembered = {
      until: Date.now() + REMEMBER_MS,
      areasAndMatrix: null,
      unitKnown: new Map(),
      subtrees: new Map(),
    };
    return this.remembered;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
