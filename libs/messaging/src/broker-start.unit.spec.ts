import { retryWhileBrokerStarts } from './broker-start';

/** Errors shaped as kafkajs makes them: retriable or not, or wrapping one when retries ran out. */
const retriable = () =>
  Object.assign(new Error('This server does not host this topic-partition'), { retriable: true });
const fatal = () => Object.assign(new Error('Topic authorization failed'), { retriable: false });
const retriesExhausted = () =>
  Object.assign(new Error('Number of retries exceeded'), {
    retriable: false,
    originalError: retriable(),
  });

describe('retryWhileBrokerStarts', () => {
  it('tries again on retriable errors until the operation succeeds', async () => {
    const failures = [retriable(), retriesExhausted()];
    const operation = jest.fn(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return 'subscribed';
    });
    await expect(retryWhileBrokerStarts(operation, 1000, 1)).resolves.toBe('subscribed');
    expect(operation).toHaveBeenCalledTimes(3);
  });

  it('throws an error that is not retriable at once', async () => {
    const operation = jest.fn(async () => {
      throw fatal();
    });
    await expect(retryWhileBrokerStarts(operation, 1000, 1)).rejects.toThrow('Topic authorization');
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('gives up with the last error once its patience has run out', async () => {
    const operation = jest.fn(async () => {
      throw retriable();
    });
    await expect(retryWhileBrokerStarts(operation, 50, 10)).rejects.toThrow('does not host');
    expect(operation.mock.calls.length).toBeGreaterThan(1);
    expect(operation.mock.calls.length).toBeLessThanOrEqual(6);
  });
});
