import { RepeatingTask } from './repeating-task';

describe('RepeatingTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A round that stays in hand until the test finishes it. */
  function controllableRounds() {
    const finishers: (() => void)[] = [];
    const run = jest.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
    return { run, finishCurrent: () => finishers.shift()?.() };
  }

  it('runs the next round an interval after the previous one ended, never two at once', async () => {
    const rounds = controllableRounds();
    const task = new RepeatingTask(100, rounds.run);
    task.start();
    await jest.advanceTimersByTimeAsync(99);
    expect(rounds.run).toHaveBeenCalledTimes(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(rounds.run).toHaveBeenCalledTimes(1);

    await jest.advanceTimersByTimeAsync(1000); // the round is still in hand
    expect(rounds.run).toHaveBeenCalledTimes(1);
    rounds.finishCurrent();
    await jest.advanceTimersByTimeAsync(99);
    expect(rounds.run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(rounds.run).toHaveBeenCalledTimes(2);
    rounds.finishCurrent();
    await task.stop();
  });

  it('on stop, waits for the round in hand and starts no other', async () => {
    const rounds = controllableRounds();
    const task = new RepeatingTask(10, rounds.run);
    task.start();
    await jest.advanceTimersByTimeAsync(10);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(50);
    expect(stopped).toBe(false);

    rounds.finishCurrent();
    await stopping;
    await jest.advanceTimersByTimeAsync(1000);
    expect(rounds.run).toHaveBeenCalledTimes(1);
  });

  it('starts no round when stopped before the first interval ends', async () => {
    const run = jest.fn(() => Promise.resolve());
    const task = new RepeatingTask(10, run);
    task.start();
    await task.stop();
    await jest.advanceTimersByTimeAsync(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
