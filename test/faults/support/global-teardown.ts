import { faultsKafka, faultsPostgres, releaseSuiteLock } from './fault-infrastructure';

/** Stops the suite's own broker and server (KEEP_FAULTS_INFRA=1 keeps them for the next run). */
export default async function globalTeardown(): Promise<void> {
  try {
    if (process.env.KEEP_FAULTS_INFRA) return;
    faultsKafka.stop();
    await faultsPostgres.stop();
  } finally {
    releaseSuiteLock();
  }
}
