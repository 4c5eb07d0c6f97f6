import { LogAppendedAnnouncer } from './log-appended';

describe('LogAppendedAnnouncer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function announcerCountingNotifications(gapMs: number) {
    const sent: number[] = [];
    const announcer = new LogAppendedAnnouncer(async () => {
      sent.push(Date.now());
    }, gapMs);
    return { announcer, sent };
  }

  /** Lets the announcer's promises run, then moves the clock. */
  async function advance(ms: number) {
    await jest.advanceTimersByTimeAsync(ms);
  }

  it('announces the first append at once', async () => {
    const { announcer, sent } = announcerCountingNotifications(5);
    announcer.announce();
    await advance(0);
    expect(sent).toHaveLength(1);
  });

  it('announces a burst of appends at most once per gap, and once after the last', async () => {
    const { announcer, sent } = announcerCountingNotifications(5);
    for (let ms = 0; ms < 20; ms++) {
      announcer.announce();
      await advance(1);
    }
    await advance(20);
    // One at 0 ms, then one per 5 ms while appends came (5, 10, 15), and one for those after 15.
    expect(sent).toHaveLength(5);
    const gaps = sent.slice(1).map((at, i) => at - sent[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5);
  });

  it('announces again at once after a quiet spell', async () => {
    const { announcer, sent } = announcerCountingNotifications(5);
    announcer.announce();
    await advance(50);
    announcer.announce();
    await advance(0);
    expect(sent).toHaveLength(2);
  });

  it('goes on announcing after a notification failed', async () => {
    let calls = 0;
    const announcer = new LogAppendedAnnouncer(async () => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
    }, 5);
    announcer.announce();
    await advance(10);
    announcer.announce();
    await advance(0);
    expect(calls).toBe(2);
  });
});
