/** What the global setup started, so that the global teardown (same process) stops just that. */
export const testInfrastructure: {
  startedKafka: boolean;
  stopPostgres?: () => Promise<void>;
} = { startedKafka: false };
