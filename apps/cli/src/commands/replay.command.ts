import { PostgresEventStore } from '@riskledger/event-store';
import { projectionNamed, replayProjection } from '@riskledger/read-models';
import type { DataSource } from 'typeorm';
import type { CliIo } from '../cli-io';

/** `replay <projection>`: rebuilds it from position 0 into a fresh table and swaps it in. */
export async function replayCommand(
  io: CliIo,
  dataSource: DataSource,
  name: string,
  options: { batchSize?: number } = {},
): Promise<number> {
  const projection = projectionNamed(name);
  const progress = io.progress(`replay ${name}`);
  try {
    const result = await replayProjection(
      dataSource,
      new PostgresEventStore(dataSource),
      projection,
      {
        batchSize: options.batchSize,
        onProgress: progress,
      },
    );
    progress.stop();
    io.out(
      `${name}: rebuilt from ${result.events} events into ${result.rows} rows of ${result.table} ` +
        `in ${(result.durationMs / 1000).toFixed(1)} s (${result.eventsPerSecond} events/s), ` +
        `up to position ${result.upTo.position}; swapped in`,
    );
    return 0;
  } finally {
    progress.stop();
  }
}
