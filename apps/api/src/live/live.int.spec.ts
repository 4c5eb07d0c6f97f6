import { startApi, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { signedIn } from '../../../../test/support/sign-in';
import {
  openEventStream,
  type EventStreamReader,
  type ServerSentEvent,
} from '../../../../test/support/server-sent-events';

/**
 * GET /live tells an open page what the read models changed, when the projector's transaction
 * commits, and only what its caller may see.
 */
describe('GET /live', () => {
  let t: ApiUnderTest;
  let everything: EventStreamReader;
  let ward: EventStreamReader;

  const changed = (id: string) => (event: ServerSentEvent) =>
    event.type === 'change' &&
    event.data.changes.some((c: { streamId: string }) => c.streamId === id);

  beforeAll(async () => {
    t = await startApi();
    for (const [code, parentCode] of [
      ['RV', undefined],
      ['HN', 'RV'],
      ['HN-W12', 'HN'],
      ['HS', 'RV'],
    ]) {
      const body = { code, name: `Unit ${code}`, kind: parentCode ? 'UNIT' : 'REGION' };
      const created = await t.api.post('/organisational-units', { ...body, parentCode });
      expect(created.status).toBe(201);
    }
    everything = await openEventStream(`${t.baseUrl}/live`, 'anna');
    ward = await openEventStream(`${t.baseUrl}/live`, 'ward.owner', 'RISK_OWNER:unit=HN-W12');
    await everything.next((e) => e.type === 'ready');
    await ward.next((e) => e.type === 'ready');
  });
  afterAll(async () => {
    everything?.close();
    ward?.close();
    await t?.stop();
  });

  it('announces a risk once the register holds it, to those who may see it and no one else', async () => {
    const elsewhere = await t.givenRisk({ unit: 'HS' });
    const inWard = await t.givenRisk({ unit: 'HN-W12' });
    // Recorded is not yet projected: nothing is announced before the register has it.
    await new Promise((wait) => setTimeout(wait, 300));
    expect(everything.events.filter((e) => e.type === 'change')).toEqual([]);

    await t.projectStream(elsewhere);
    await t.projectStream(inWard);

    const seen = await everything.next(changed(inWard));
    expect(seen.data.changes).toEqual([
      {
        streamType: 'risk',
        streamId: inWard,
        position: expect.any(Number),
        eventType: 'RiskIdentified',
      },
    ]);
    await everything.next(changed(elsewhere));
    await ward.next(changed(inWard));
    // Announcements arrive in commit order, so the ward's came after the other unit's would have.
    expect(ward.events.some(changed(elsewhere))).toBe(false);
    const register = await t.api.get(`/risks/${inWard}`, {
      'X-Actor': 'ward.owner',
      'X-Actor-Role': 'RISK_OWNER:unit=HN-W12',
    });
    expect(register.status).toBe(200);
  });

  it('ends a stream when the token that opened it expires, and tells the page so', async () => {
    const shortLived = await openEventStream(`${t.baseUrl}/live`, {
      bearer: await signedIn({ subject: 'brief', expiresIn: 3 }),
    });
    await shortLived.next((e) => e.type === 'ready');
    await shortLived.next((e) => e.type === 'expired', 15_000);
    await shortLived.ended;
    expect(shortLived.events.at(-1)).toEqual({ type: 'expired', data: {} });
    // A stream opened with a token that has not expired goes on.
    expect(everything.events.some((e) => e.type === 'expired')).toBe(false);
    const risk = await t.givenRisk({ unit: 'HS' });
    await t.projectStream(risk);
    await everything.next(changed(risk));
    expect(shortLived.events.some(changed(risk))).toBe(false);
  });

  it('says how far the registers are behind the log', async () => {
    // No relay runs here: the two risks above are recorded and never reach Kafka.
    const lag = await everything.next((e) => e.type === 'lag' && e.data.events >= 2);
    expect(lag.data.seconds).toBeGreaterThanOrEqual(0);
  });
});
