import { EVENT_CATALOGUE } from '@riskledger/domain';
import { envelopeOfEvent, riskAssessed } from '../../../../test/support/domain-events';
import {
  DEAD_LETTER_HEADERS,
  deadLetterMessage,
  kafkaHeadersOf,
  rawHeadersOf,
  unreadableBecause,
  type DeadLetter,
} from './dead-letter';

describe('dead letters', () => {
  describe('which decoded events this version cannot read', () => {
    const assessed = envelopeOfEvent(riskAssessed('6f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f', 2, 3));

    it('reads a known type in its current schema version', () => {
      expect(unreadableBecause(assessed)).toBeNull();
    });

    it('refuses a type that is not in the catalogue', () => {
      expect(unreadableBecause({ ...assessed, type: 'RiskArchived' })).toEqual({
        reason: 'unknown-event-type',
        detail: 'event type RiskArchived is not in the event catalogue',
      });
    });

    it('refuses a schema version newer than the catalogue knows', () => {
      const known = EVENT_CATALOGUE.RiskAssessed.schemaVersion;
      expect(unreadableBecause({ ...assessed, schemaVersion: known + 1 })).toEqual({
        reason: 'unsupported-schema-version',
        detail: `RiskAssessed schema version ${known + 1} is newer than the known version ${known}`,
      });
    });

    it('refuses data that breaks the JSON Schema of its version, naming what is wrong', () => {
      const broken = { ...assessed, data: { ...assessed.data, likelihood: 'high' } };
      expect(unreadableBecause(broken)).toEqual({
        reason: 'malformed',
        detail: expect.stringMatching(
          /^RiskAssessed v2 does not match its JSON Schema: .*\/likelihood must be integer/,
        ),
      });
    });

    it('does not mistake an inherited property for an event type', () => {
      expect(unreadableBecause({ ...assessed, type: 'toString' })?.reason).toBe(
        'unknown-event-type',
      );
    });
  });

  describe('the message on the dead-letter topic', () => {
    const letter: DeadLetter = {
      consumerGroup: 'riskledger-projector',
      topic: 'riskledger.risk',
      partition: 2,
      offset: '1042',
      key: Buffer.from('risk-1'),
      value: Buffer.from([0x7b, 0xff]),
      headers: [
        ['ce_type', Buffer.from('RiskAssessed')],
        ['x-trace', Buffer.from('a')],
        ['x-trace', Buffer.from('b')],
      ],
      reason: 'malformed',
      detail: 'malformed event envelope: data is not JSON',
      deadLetteredAt: new Date('2026-11-23T09:05:00.000Z'),
    };

    it('keeps the original key, bytes and headers, and adds why and where from', () => {
      const message = deadLetterMessage(letter);

      expect(message.key).toEqual(letter.key);
      expect(message.value).toEqual(letter.value);
      const text = Object.fromEntries(
        Object.entries(message.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.map(String) : value.toString(),
        ]),
      );
      expect(text).toEqual({
        ce_type: 'RiskAssessed',
        'x-trace': ['a', 'b'],
        [DEAD_LETTER_HEADERS.reason]: 'malformed',
        [DEAD_LETTER_HEADERS.detail]: 'malformed event envelope: data is not JSON',
        [DEAD_LETTER_HEADERS.topic]: 'riskledger.risk',
        [DEAD_LETTER_HEADERS.partition]: '2',
        [DEAD_LETTER_HEADERS.offset]: '1042',
        [DEAD_LETTER_HEADERS.group]: 'riskledger-projector',
        [DEAD_LETTER_HEADERS.time]: '2026-11-23T09:05:00.000Z',
      });
    });

    it('turns Kafka headers into raw pairs and back without losing a repeated name', () => {
      const raw = rawHeadersOf({ a: 'x', b: [Buffer.from('1'), '2'], c: undefined });
      expect(raw.map(([name, value]) => [name, value.toString()])).toEqual([
        ['a', 'x'],
        ['b', '1'],
        ['b', '2'],
      ]);
      expect(kafkaHeadersOf(raw)).toEqual({
        a: Buffer.from('x'),
        b: [Buffer.from('1'), Buffer.from('2')],
      });
    });
  });
});
