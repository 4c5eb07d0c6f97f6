import { EventValidator } from '@riskledger/contracts';
import { Kafka as CloudEventsKafka } from 'cloudevents';
import { Kafka, logLevel, type EachMessagePayload } from 'kafkajs';
import { eventually, startSystem, type RunningSystem } from '../support/running-system';
import { httpClient } from '../support/http';

/**
 * The first slice, the whole way through on real parts: HTTP -> PostgreSQL event store -> relay ->
 * Kafka -> projector -> read models -> HTTP.
 */
describe('a risk reported over HTTP reaches the register through PostgreSQL and Kafka', () => {
  let system: RunningSystem;
  let api: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    system = await startSystem();
    api = httpClient(system.baseUrl, { 'X-Actor': 'anna.berg@region.se' });
  });
  afterAll(() => system?.stop());

  it('answers /health when PostgreSQL and Kafka answer', async () => {
    const health = await api.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', checks: { postgres: 'up', kafka: 'up' } });
  });

  it('carries a risk, its assessment, mitigation and an incident to Kafka, the register and the log', async () => {
    const kafkaMessages = collectTopic(system.topicPrefix);
    const posted = Date.now();
    const created = await api.post(
      '/risks',
      {
        title: 'Unlocked medicine room on ward 12',
        description: 'Because the door closer is broken, unauthorised people can enter.',
        area: 'PHARMACEUTICALS',
        unit: 'Hospital North / Ward 12',
        owner: 'ward.manager@region.se',
        likelihood: 4,
        consequence: 4,
      },
      { 'X-Correlation-Id': 'e2e-flow-1' },
    );
    expect(created.status).toBe(201);
    const riskId: string = created.body.id;

    const firstSeen = await eventually(async () => {
      const entry = await api.get(`/risks/${riskId}`);
      return entry.status === 200 ? Date.now() : undefined;
    });
    process.stdout.write(
      `[e2e] posted risk visible in the register after ${firstSeen - posted} ms\n`,
    );

    const assessed = await api.post(
      `/risks/${riskId}/assessments`,
      {
        likelihood: 2,
        consequence: 4,
        reason: 'Door closer replaced',
      },
      { 'If-Match': '"2"' },
    );
    expect(assessed.status).toBe(201);
    expect(assessed.body).toEqual({ version: 3, warnings: [] });

    const planned = await api.post(`/risks/${riskId}/mitigations`, {
      title: 'Card access on the medicine room',
      kind: 'LIMIT',
      owner: 'facilities@region.se',
      dueDate: '2026-12-31',
    });
    expect(planned.status).toBe(201);
    const mitigationId: string = planned.body.mitigationId;

    const applied = await api.post(`/risks/${riskId}/mitigations/${mitigationId}/applied`, {
      note: 'Card reader installed',
    });
    expect(applied.status).toBe(201);

    const incident = await api.post('/incidents', {
      title: 'Medicine room found open at night',
      description: 'Found open at 03:10; nothing missing after count.',
      area: 'PHARMACEUTICALS',
      unit: 'Hospital North / Ward 12',
      kind: 'DEVIATION',
      occurredAt: '2026-11-20T03:10:00+01:00',
      riskIds: [riskId],
    });
    expect(incident.status).toBe(201);
    const incidentId: string = incident.body.id;

    // Kafka: every event on its stream type's topic, keyed by stream id, in stream order.
    const messages = await eventually(async () => {
      const all = kafkaMessages.received();
      return all.length >= 6 ? all : undefined;
    });
    await kafkaMessages.stop();
    const riskMessages = messages.filter((m) => m.key === riskId);
    expect(riskMessages.map((m) => m.topic)).toEqual(Array(5).fill(`${system.topicPrefix}.risk`));
    expect(riskMessages.map((m) => m.value.type)).toEqual([
      'RiskIdentified',
      'RiskAssessed',
      'RiskAssessed',
      'MitigationPlanned',
      'MitigationApplied',
    ]);
    expect(riskMessages.map((m) => Number(m.value.streamversion))).toEqual([1, 2, 3, 4, 5]);
    expect(riskMessages.map((m) => m.headers['ce_type'])).toEqual(
      riskMessages.map((m) => m.value.type),
    );
    expect(riskMessages[0].value).toMatchObject({
      actor: 'anna.berg@region.se',
      correlationid: 'e2e-flow-1',
      subject: riskId,
      // The source names the store the event was recorded in (one per installation).
      source: expect.stringMatching(/^\/riskledger\/[0-9a-f-]{36}\/risk$/),
    });
    // Every message's data follows its published schema.
    const validator = new EventValidator();
    for (const { value } of messages) {
      expect(validator.problems(value.type, Number(value.schemaversion), value.data)).toEqual([]);
    }
    const incidentMessages = messages.filter((m) => m.key === incidentId);
    expect(incidentMessages).toHaveLength(1);
    expect(incidentMessages[0]).toMatchObject({
      topic: `${system.topicPrefix}.incident`,
      value: { type: 'IncidentReported', data: { riskIds: [riskId] } },
    });

    // The register: the current state of the risk.
    const entry = await eventually(async () => {
      const response = await api.get(`/risks/${riskId}`);
      return response.body?.version === 5 ? response : undefined;
    });
    expect(entry.headers.get('etag')).toBe('"5"');
    expect(entry.body).toMatchObject({
      riskId,
      area: 'PHARMACEUTICALS',
      likelihood: 2,
      consequence: 4,
      score: 8,
      level: 'MEDIUM',
      identifiedBy: 'anna.berg@region.se',
      mitigations: [
        { mitigationId, kind: 'LIMIT', status: 'APPLIED', note: 'Card reader installed' },
      ],
    });
    const register = await api.get('/risks?area=PHARMACEUTICALS');
    expect(register.body.items.map((r: { riskId: string }) => r.riskId)).toContain(riskId);
    expect((await api.get('/risks?area=FIRE_SAFETY')).body).toMatchObject({ items: [], total: 0 });

    // The traceability log: one entry per event, who, what, why, newest last.
    const log = await eventually(async () => {
      const response = await api.get(`/traceability?streamId=${riskId}`);
      return response.body.length === 5 ? response.body : undefined;
    });
    expect(log.map((e: { eventType: string }) => e.eventType)).toEqual(
      riskMessages.map((m) => m.value.type),
    );
    expect(log[2]).toMatchObject({ actor: 'anna.berg@region.se', reason: 'Door closer replaced' });
    expect(log[2].summary).toContain('likelihood 2 × consequence 4 = 8 (MEDIUM');
    const incidentLog = await eventually(async () => {
      const response = await api.get(`/traceability?streamId=${incidentId}`);
      return response.body.length === 1 ? response.body : undefined;
    });
    expect(incidentLog[0].eventType).toBe('IncidentReported');

    // Operators see the projector has caught up: per-partition lag and Prometheus metrics.
    const lag = await eventually(async () => {
      const response = await api.get('/consumer-lag');
      const projector = response.body.groups?.[0];
      return projector?.total === 0 ? projector : undefined;
    });
    expect(lag.partitions.length).toBeGreaterThan(0);
    const metrics = await api.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(
      new RegExp(
        `riskledger_consumer_lag\\{group="${lag.groupId}",topic="${system.topicPrefix}\\.risk",partition="\\d+"\\} 0`,
      ),
    );
    expect(metrics.body).toMatch(/riskledger_relay_backlog 0/);

    // The history comes from the store itself.
    const history = await api.get(`/risks/${riskId}/history`);
    expect(history.body.map((e: { version: number }) => e.version)).toEqual([1, 2, 3, 4, 5]);
    expect(history.body[0]).toMatchObject({ type: 'RiskIdentified', actor: 'anna.berg@region.se' });
    expect(
      history.body.every((e: { causationId: string }) => typeof e.causationId === 'string'),
    ).toBe(true);
  });
});

interface ReceivedMessage {
  topic: string;
  key: string;
  headers: Record<string, string>;
  value: any;
}

/** A plain kafkajs consumer, as an outside integration would read the topics. */
function collectTopic(prefix: string) {
  const kafka = new Kafka({
    clientId: `${prefix}-reader`,
    brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `${prefix}-reader`, maxWaitTimeInMs: 100 });
  const received: ReceivedMessage[] = [];
  const started = (async () => {
    await consumer.connect();
    await consumer.subscribe({
      topics: [`${prefix}.risk`, `${prefix}.incident`],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ topic, message }: EachMessagePayload) => {
        received.push({
          topic,
          key: message.key?.toString() ?? '',
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
          ),
          // Read with the official CloudEvents SDK, as an integrator would.
          value: CloudEventsKafka.toEvent({
            key: message.key?.toString(),
            value: message.value,
            headers: Object.fromEntries(
              Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
            ),
            body: undefined,
            timestamp: message.timestamp,
          } as never),
        });
      },
    });
  })();
  return {
    received: () => [...received],
    stop: async () => {
      await started;
      await consumer.disconnect();
    },
  };
}
