import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isTransientDatabaseError } from './database-errors';

/** A server error as node-postgres raises it, with its SQLSTATE. */
function serverError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
}

describe('what a PostgreSQL outage looks like', () => {
  it.each<[string, unknown]>([
    [
      '57P01 admin shutdown',
      serverError('57P01', 'terminating connection due to administrator command'),
    ],
    ['57P02 crash shutdown', serverError('57P02', 'terminating connection due to crash')],
    ['57P03 starting up', serverError('57P03', 'the database system is starting up')],
    ['53300 too many connections', serverError('53300', 'sorry, too many clients already')],
    ['08006 connection failure', serverError('08006', 'connection failure')],
    ['ECONNREFUSED', socketError('ECONNREFUSED')],
    ['ECONNRESET', socketError('ECONNRESET')],
    [
      'an AggregateError of refused connects (one per address)',
      new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')]),
    ],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect')],
    ['a closed client', new Error('Client was closed and is not queryable')],
    [
      "a QueryFailedError wrapping the driver's error",
      new QueryFailedError(
        'SELECT 1',
        [],
        serverError('57P01', 'terminating connection due to administrator command'),
      ),
    ],
    [
      'an error whose cause is the outage',
      new Error('append failed', { cause: socketError('ECONNREFUSED') }),
    ],
    [
      "TypeORM's not-connected error",
      Object.assign(new Error('No connection'), { name: 'CannotExecuteNotConnectedError' }),
    ],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a unique violation', serverError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', serverError('42601', 'syntax error at or near "SELEC"')],
    ['NUL in text', serverError('22P05', 'unsupported Unicode escape sequence')],
    ['a refused UPDATE of an event', serverError('42501', 'events are immutable')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a string', 'Connection terminated'],
    ['null', null],
    ['undefined', undefined],
  ])('does not take %s for an outage', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it.each([
    ['40001 serialization failure', '40001'],
    ['40P01 deadlock', '40P01'],
    ['55P03 lock not available', '55P03'],
    ['57014 statement timeout', '57014'],
  ])('counts %s as worth another attempt, though the server is up', (_, code) => {
    const error = new QueryFailedError('UPDATE x', [], serverError(code, 'try again'));
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it('counts a unique violation as no reason to try again', () => {
    expect(isTransientDatabaseError(serverError('23505', 'duplicate key'))).toBe(false);
  });

  it('stops following causes that go round in a circle', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
