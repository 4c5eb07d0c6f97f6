/** How long setting up waits out a broker that is still starting. */
export const BROKER_START_PATIENCE_MS = 60_000;

/**
 * A broker that has just started may not host its partitions yet ("This server does not host this
 * topic-partition") or may still be loading a group coordinator. kafkajs retries most requests, but
 * a few set-up calls (topic metadata when subscribing or creating topics) give up at once. Setting
 * up is therefore tried again on errors Kafka marks retriable, until `patienceMs` has passed; any
 * other error, or the last one, is thrown.
 */
export async function retryWhileBrokerStarts<T>(
  operation: () => Promise<T>,
  patienceMs = BROKER_START_PATIENCE_MS,
  pauseMs = 500,
): Promise<T> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      if (!isRetriable(error) || Date.now() + pauseMs > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

/** kafkajs marks its errors retriable, or wraps a retriable one when its own retries ran out. */
function isRetriable(error: unknown): boolean {
  const { retriable, originalError } = error as { retriable?: boolean; originalError?: unknown };
  return retriable === true || (originalError !== undefined && isRetriable(originalError));
}
