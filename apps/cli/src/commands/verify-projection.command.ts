import { PostgresEventStore } from '@riskledger/event-store';
import { projectionNamed, verifyProjection } from '@riskledger/read-models';
import type { DataSource } from 'typeorm';
import type { CliIo } from '../cli-io';

/**
 * `verify-projection <projection>`: rebuilds it into a scratch table and reports every row of the
 * live read model that differs. Exit code 1 when any differs.
 */
export async function verifyProjectionCommand(
  io: CliIo,
  dataSource: DataSource,
  name: string,
  options: { json?: boolean; batchSize?: number } = {},
): Promise<number> {
  const projection = projectionNamed(name);
  const progress = io.progress(`verify ${name}`);
  let comparison;
  try {
    comparison = await verifyProjection(
      dataSource,
      new PostgresEventStore(dataSource),
      projection,
      { batchSize: options.batchSize, onProgress: progress },
    );
  } finally {
    progress.stop();
  }
  if (options.json) {
    io.out(JSON.stringify(comparison, null, 2));
  } else {
    io.out(
      `${name}: ${comparison.identical ? 'identical to' : 'DIFFERS from'} a rebuild from ` +
        `${comparison.events} events (${comparison.liveRows} live rows, ` +
        `${comparison.rebuiltRows} rebuilt)`,
    );
    for (const d of comparison.differences) {
      const what =
        d.kind === 'DIFFERENT'
          ? `differs in ${d.columns.join(', ')}: live ${describe(d.live, d.columns)}, ` +
            `log ${describe(d.rebuilt, d.columns)}`
          : d.kind === 'MISSING_IN_LIVE'
            ? 'is in the log but missing from the live table'
            : 'is in the live table but not in the log';
      io.out(`  ${projection.key} ${d.key} ${what}`);
    }
    if (comparison.differenceCount > comparison.differences.length) {
      io.out(`  ... ${comparison.differenceCount - comparison.differences.length} more`);
    }
    for (const c of comparison.checkpointDifferences) {
      io.out(
        `  checkpoint of stream ${c.streamId}: live at version ${c.live ?? 'none'}, ` +
          `log at ${c.rebuilt ?? 'none'}`,
      );
    }
  }
  return comparison.identical ? 0 : 1;
}

function describe(row: Record<string, unknown> | null, columns: string[]): string {
  if (!row) return '-';
  return columns.map((c) => `${c}=${JSON.stringify(row[c])}`).join(' ');
}
