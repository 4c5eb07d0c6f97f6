import { consumerGroupId, type AppConfig } from '@riskledger/config';
import { dataSourceOptions } from '@riskledger/database';
import { LogEras, loadStoreId } from '@riskledger/event-store';
import { createKafka } from '@riskledger/messaging';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { CliIo } from '../../cli/src/cli-io';
import { afterRestoreCommand } from '../../cli/src/commands/after-restore.command';

/** How often a waiting start asks again whether the projector group has emptied. */
const RETRY_MS = 5000;

/**
 * At start, before the apps run: if the database was restored onto this server and the restore
 * has not been settled (by `npm run cli -- after-restore`), does what that command does, so that a
 * region's `npm start` against a restored database needs no step by hand. Events that Kafka
 * carried but the backup lacks are listed in `restore-report-era-<n>.jsonl` in `reportDir` and
 * named in the log. A broken log stops the start (the read models would be rebuilt from it).
 *
 * A projector of this installation still in the group (another host, or one that was just
 * killed and has not timed out yet) must leave first: the start waits for that up to the
 * session timeout and a little more.
 */
export async function settleRestoreAtStart(
  config: AppConfig,
  reportDir: string,
  log: (line: string) => void,
): Promise<'nothing to settle' | 'settled'> {
  const dataSource = await new DataSource({
    ...dataSourceOptions(config.DATABASE_URL),
    // Rebuilding the read models of a large log takes longer than a request may.
    extra: { max: 4, connectionTimeoutMillis: 3000, statement_timeout: 0 },
  }).initialize();
  try {
    const eras = new LogEras(dataSource);
    const era = await eras.unsettled();
    if (!era) return 'nothing to settle';
    log(
      `the database was restored onto this server (log era ${era.era}) and the restore is not ` +
        'settled yet: doing what `npm run cli -- after-restore` does before the apps start',
    );
    const kafka = createKafka(
      { clientId: `${config.KAFKA_CLIENT_ID}-after-restore`, brokers: config.kafkaBrokers },
      { error: log, warn: () => undefined },
    );
    const settings = {
      kafka,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      projectorGroupId: consumerGroupId(config, 'projector', await loadStoreId(dataSource)),
      reportFile: join(reportDir, `restore-report-era-${era.era}.jsonl`),
    };
    const deadline = Date.now() + config.KAFKA_SESSION_TIMEOUT_MS + 15_000;
    for (;;) {
      const code = await afterRestoreCommand(loggingIo(log), dataSource, settings);
      if (code !== 2) break;
      if (Date.now() > deadline) {
        throw new Error(
          `cannot settle the restore while the projector group ${settings.projectorGroupId} has ` +
            'members: stop every projector of this installation, then start again',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    if (await eras.unsettled()) {
      throw new Error(
        'the restored log is broken: run `npm run cli -- verify-log` before starting',
      );
    }
    return 'settled';
  } finally {
    await dataSource.destroy();
  }
}

/** The command's lines into the launcher's log; progress as a line at every tenth. */
function loggingIo(log: (line: string) => void): CliIo {
  return {
    out: log,
    err: log,
    progress(label) {
      let shown = -1;
      const report = (done: number, total: number) => {
        const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
        if (tenth > shown) {
          shown = tenth;
          log(`${label}: ${done}/${total}`);
        }
      };
      return Object.assign(report, { stop: () => undefined });
    },
  };
}
