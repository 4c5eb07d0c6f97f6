import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const LOCAL_KAFKA_BROKERS = '127.0.0.1:9092';

/** Starts the project's own single-node Kafka broker (infra/kafka) if it is not running yet. */
export function startLocalKafka(repoRoot: string): string {
  const result = spawnSync('bash', [join(repoRoot, 'infra/kafka/kafka.sh'), 'start'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the local Kafka broker did not start (see above)');
  return LOCAL_KAFKA_BROKERS;
}

export function stopLocalKafka(repoRoot: string): void {
  spawnSync('bash', [join(repoRoot, 'infra/kafka/kafka.sh'), 'stop'], { stdio: 'inherit' });
}

export function isLocalKafkaRunning(repoRoot: string): boolean {
  return (
    spawnSync('bash', [join(repoRoot, 'infra/kafka/kafka.sh'), 'status'], { stdio: 'ignore' })
      .status === 0
  );
}
