import { envelopeOf } from '@riskledger/contracts';
import type { CaseEvent } from '@riskledger/event-store';
import { summarise } from '@riskledger/read-models';
import type { CaseFileManifest } from './case-file-manifest';

const cell = (value: unknown) =>
  String(value ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

/** summary.md: the case file for people, and how to check it without the system. */
export function summaryOf(
  described: string,
  manifest: CaseFileManifest,
  events: readonly CaseEvent[],
): string {
  const integrity = manifest.logIntegrity;
  const lines = [
    `# Case file: ${described}`,
    '',
    `Exported ${manifest.exportedAt} from the riskledger event log (database ${manifest.database}).`,
    '',
    `- Events: ${events.length} in ${manifest.streams} stream(s)` +
      (events.length
        ? `, log positions ${events[0].position} to ${events[events.length - 1].position}`
        : ''),
    `- Each event's hash, recomputed from its line in events.jsonl: ` +
      (manifest.eventsWhoseHashDoesNotHold.length === 0
        ? 'all hold'
        : `does NOT hold at positions ${manifest.eventsWhoseHashDoesNotHold.join(', ')}`),
    `- The whole log (${integrity.checkedEvents} events) at export: ` +
      (integrity.intact
        ? 'intact'
        : `BROKEN, first at position ${integrity.firstBreak?.position} (${integrity.firstBreak?.kind}: ${integrity.firstBreak?.detail})`),
    integrity.head
      ? `- Head seal: ${integrity.head.sealNo}, up to position ${integrity.head.upTo.position}, hash \`${integrity.head.hash}\`` +
        (integrity.unsealedEvents
          ? ` (${integrity.unsealedEvents} later events not sealed yet)`
          : '')
      : '- No seal yet',
    `- SHA-256 of events.jsonl: \`${manifest.eventsSha256}\``,
    '',
    '## Streams',
    '',
    '| stream | type | events | first recorded | last recorded |',
    '| --- | --- | --- | --- | --- |',
  ];
  const streams = new Map<string, CaseEvent[]>();
  for (const e of events) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
  for (const [id, list] of streams) {
    lines.push(
      `| ${id} | ${list[0].streamType} | ${list.length} | ${list[0].recordedAt.toISOString()} | ${list[list.length - 1].recordedAt.toISOString()} |`,
    );
  }
  lines.push(
    '',
    '## Timeline',
    '',
    '| recorded (UTC) | position | stream | version | event | actor | reason | what happened | correlation | causation |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const e of events) {
    lines.push(
      `| ${e.recordedAt.toISOString()} | ${e.position} | ${e.streamId} | ${e.streamVersion} | ${e.type} | ${cell(e.metadata.actor)} | ${cell(e.metadata.reason)} | ${cell(summarise(envelopeOf(e)))} | ${cell(e.metadata.correlationId)} | ${cell(e.metadata.causationId)} |`,
    );
  }
  lines.push(
    '',
    '## Checking this file without the system',
    '',
    "Each line of events.jsonl holds an event with `previousHash` (the hash of the stream's event " +
      'before it, null for the first) and `hash`. The hash is SHA-256, in hex, of the object ' +
      '`{"scheme","previousHash","position","eventId","streamId","streamType","streamVersion",' +
      '"type","schemaVersion","data","metadata","recordedAt"}` taken from the line, written out as ' +
      "the line's `hashVersion` says: 1, canonical JSON (keys sorted, no whitespace: RFC 8785) " +
      'with scheme "riskledger.event.v1"; 2, PostgreSQL\'s jsonb text (keys shorter first, then ' +
      'by their UTF-8 bytes; ", " and ": " between items; numbers without exponents) with scheme ' +
      '"riskledger.event.v2". Within a stream, each `previousHash` is the ' +
      '`hash` of the line before it. The checksum above covers events.jsonl as a whole; compare the ' +
      'head seal hash with one recorded elsewhere to show the log was not rewritten since.',
    '',
  );
  return lines.join('\n');
}
