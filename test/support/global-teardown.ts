import { join } from 'node:path';
import { stopLocalKafka } from '../../apps/launcher/src/infra/local-kafka';
import { testInfrastructure } from './test-infrastructure';

export default async function globalTeardown(): Promise<void> {
  if (testInfrastructure.startedKafka && !process.env.KEEP_KAFKA)
    stopLocalKafka(join(__dirname, '../..'));
  await testInfrastructure.stopPostgres?.();
}
