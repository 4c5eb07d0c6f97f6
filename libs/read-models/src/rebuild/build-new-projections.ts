import { eventTypesOf } from '@riskledger/domain';
import type { PostgresEventStore } from '@riskledger/event-store';
import type { DataSource } from 'typeorm';
import type { Projection } from '../projection';
import { replayProjection, type ReplayResult } from './projection-rebuild';

/** Held while projections are built, so that two projector instances do not build one twice. */
const BUILD_LOCK = 'riskledger:build-new-projections';

/**
 * Builds from the log each projection that has never applied an event although the log holds
 * streams it reads: a read model added by an upgrade. Left to the live projector, the events of
 * existing streams would reach it as holes (their first versions never did) and be set aside as
 * dead letters until someone replayed it. Run before the projector consumes; what is appended
 * meanwhile waits on Kafka, and the projector then skips what the build already applied.
 */
export async function buildNewProjections(
  dataSource: DataSource,
  store: PostgresEventStore,
  projections: readonly Projection[],
  onBuilding: (projection: Projection) => void = () => undefined,
): Promise<ReplayResult[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [BUILD_LOCK]);
    const built: ReplayResult[] = [];
    for (const projection of projections) {
      if (!(await neverApplied(dataSource, projection))) continue;
      if (!(await store.holdsEventsOf(eventTypesOf(projection.streamTypes)))) continue;
      onBuilding(projection);
      built.push(await replayProjection(dataSource, store, projection));
    }
    return built;
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext($1))`, [BUILD_LOCK]);
    await lock.release();
  }
}

async function neverApplied(dataSource: DataSource, projection: Projection): Promise<boolean> {
  const [row]: { applied: boolean }[] = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM projection_checkpoints WHERE projection = $1) AS applied`,
    [projection.name],
  );
  return !row.applied;
}
