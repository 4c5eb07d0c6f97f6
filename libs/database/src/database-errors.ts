/**
 * What a PostgreSQL outage looks like from node-postgres and TypeORM, written once: the API maps
 * it to 503 and consumers retry on it, instead of either treating it as a bug (500) or as a bad
 * message (dead letter).
 */

/** SQLSTATEs of a server that is going away, not there yet, or full. Class 08 is added below. */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: terminating connection due to administrator command
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the database system is starting up / shutting down
  '53300', // too_many_connections
]);

/** Socket errors of a server that does not answer. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres and pg-pool say some of it only in words. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /client has encountered a connection error/i,
  /client was closed and is not queryable/i,
  /cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting)/i,
  /terminating connection due to administrator command/i,
];

/** TypeORM's own errors for a DataSource that has no connection. */
const UNAVAILABLE_NAMES = new Set(['CannotExecuteNotConnectedError', 'ConnectionIsNotSetError']);

/**
 * SQLSTATEs of a conflict between concurrent transactions: trying again is the cure.
 * 57014 is a statement that was cancelled (statement_timeout), usually behind a lock.
 */
const RETRY_CODES = new Set(['40001', '40P01', '55P03', '57014']);

/** True when the error says PostgreSQL cannot be reached or is not accepting work right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((cause) => {
    const code = typeof cause.code === 'string' ? cause.code : '';
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)) {
      return true;
    }
    if (typeof cause.name === 'string' && UNAVAILABLE_NAMES.has(cause.name)) return true;
    const message = typeof cause.message === 'string' ? cause.message : '';
    return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
  });
}

/** True for an error that another attempt a little later can be expected to get past. */
export function isTransientDatabaseError(error: unknown): boolean {
  return (
    isDatabaseUnavailable(error) ||
    causes(error).some((cause) => typeof cause.code === 'string' && RETRY_CODES.has(cause.code))
  );
}

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  driverError?: unknown;
  errors?: unknown;
}

/**
 * The error and what it wraps: TypeORM's QueryFailedError keeps the driver's error in
 * `driverError`, Node's AggregateError (one connect attempt per address) in `errors`.
 */
function causes(error: unknown, depth = 0): ErrorLike[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const e = error as ErrorLike;
  const nested = [e.cause, e.driverError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return [e, ...nested.flatMap((inner) => causes(inner, depth + 1))];
}
