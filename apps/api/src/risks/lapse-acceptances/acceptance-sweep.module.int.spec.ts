import { NestFactory } from '@nestjs/core';
import { envelopeOf } from '@riskledger/contracts';
import { PostgresEventStore } from '@riskledger/event-store';
import { project, RiskRegisterProjection } from '@riskledger/read-models';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database';
import { newEvent, riskAssessed, riskIdentified } from '../../../../../test/support/domain-events';
import { calendarDayInSweden } from '../../platform/clock';
import { AcceptanceSweepModule } from './acceptance-sweep.module';
import { SWEEP_ACTOR } from './acceptance-lapse-sweep';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The sweep as the launcher hosts it: on its own interval, with nobody asking. */
describe('AcceptanceSweepModule', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('records the lapse of an acceptance due today within an interval or two', async () => {
    const store = new PostgresEventStore(db.dataSource);
    const riskId = '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10';
    const acceptanceId = '7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
    const today = calendarDayInSweden(new Date());
    const assessed = riskAssessed(riskId, 1, 2);
    const { events } = await store.append('risk', riskId, 0, [
      newEvent(riskIdentified(riskId)),
      newEvent(assessed),
      newEvent({
        type: 'RiskAccepted',
        data: {
          riskId,
          acceptanceId,
          justification: 'Low',
          acceptedByRole: 'RISK_OWNER',
          residual: {
            basis: 'CURRENT',
            likelihood: 1,
            consequence: 2,
            score: 2,
            level: 'LOW',
            matrixVersion: 1,
          },
          lapsesOn: today,
        },
      }),
    ]);
    for (const event of events) {
      await project(db.dataSource, new RiskRegisterProjection(), envelopeOf(event));
    }
    process.env.DATABASE_URL = db.url;
    process.env.ACCEPTANCE_SWEEP_INTERVAL_MS = '100';
    const app = await NestFactory.createApplicationContext(AcceptanceSweepModule, {
      logger: false,
    });
    await app.init();
    try {
      for (let i = 0; i < 50 && (await store.readStream(riskId)).length < 4; i++) await sleep(100);
    } finally {
      await app.close();
      delete process.env.ACCEPTANCE_SWEEP_INTERVAL_MS;
    }

    const stream = await store.readStream(riskId);
    expect(stream.map((e) => e.type)).toEqual([
      'RiskIdentified',
      'RiskAssessed',
      'RiskAccepted',
      'RiskAcceptanceLapsed',
    ]);
    expect(stream[3]).toMatchObject({
      data: { acceptanceId, lapsedOn: today },
      metadata: { actor: SWEEP_ACTOR },
    });
  });
});
