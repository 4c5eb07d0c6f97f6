import { LogIntegrity } from '@riskledger/event-store';
import type { DataSource } from 'typeorm';
import type { CliIo } from '../cli-io';

/**
 * `verify-log`: seals what is new (unless --no-seal), then checks the whole log against its hash
 * chains and seals and reports the first position where it breaks. Exit code 1 when it breaks.
 */
export async function verifyLogCommand(
  io: CliIo,
  dataSource: DataSource,
  options: { seal?: boolean; json?: boolean } = {},
): Promise<number> {
  const progress = io.progress('verify-log');
  let report;
  try {
    report = await new LogIntegrity(dataSource).check({
      seal: options.seal,
      onProgress: progress,
    });
  } finally {
    progress.stop();
  }
  if (options.json) {
    io.out(JSON.stringify(report, null, 2));
    return report.intact ? 0 : 1;
  }
  const range =
    report.firstPosition === null
      ? 'an empty log'
      : `${report.events} events in ${report.streams} streams, positions ` +
        `${report.firstPosition} to ${report.lastPosition}`;
  io.out(`checked ${range} in ${(report.durationMs / 1000).toFixed(1)} s`);
  io.out(
    `seals: ${report.seals} covering ${report.sealedEvents} events; ` +
      `${report.unsealedEvents} not sealed yet`,
  );
  if (report.head) {
    io.out(
      `head: seal ${report.head.sealNo} up to position ${report.head.upTo.position}, ` +
        `hash ${report.head.hash}`,
    );
  }
  if (!report.guardsEnabled) {
    io.out('WARNING: the triggers that refuse UPDATE, DELETE and TRUNCATE on events are disabled');
  }
  if (report.intact) {
    io.out('intact: every hash and seal holds');
    return 0;
  }
  const first = report.firstBreak!;
  io.out(`BROKEN at position ${first.position}: ${first.kind}: ${first.detail}`);
  for (const problem of report.problems.slice(1)) {
    io.out(`  also at position ${problem.position}: ${problem.kind}: ${problem.detail}`);
  }
  if (report.problemCount > report.problems.length) {
    io.out(`  ... ${report.problemCount - report.problems.length} more`);
  }
  return 1;
}
