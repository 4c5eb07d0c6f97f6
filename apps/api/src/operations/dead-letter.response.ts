import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEAD_LETTER_REASONS, type DeadLetterRecord } from '@riskledger/messaging';

/** A dead letter as operators see it: where it came from, why, and the message itself. */
export class DeadLetterResponse {
  @ApiProperty({
    description: 'The id of what was created',
    example: '2f1d3c4b-5a69-4e7d-8c9b-0a1b2c3d4e5f',
  })
  id!: string;
  @ApiProperty({
    description: 'The consumer group that set it aside',
    example: 'riskledger-projector',
  })
  consumerGroup!: string;
  @ApiProperty({ description: 'The Kafka topic it came from', example: 'riskledger.risk' })
  topic!: string;
  @ApiProperty({ description: 'The Kafka partition it came from', example: 2 }) partition!: number;
  @ApiProperty({ description: 'Offset on the original topic (a decimal string)', example: '1042' })
  offset!: string;
  @ApiProperty({
    description: "Why, in the actor's words, when a reason was given",
    enum: DEAD_LETTER_REASONS,
    example: 'unsupported-schema-version',
  })
  reason!: string;
  @ApiProperty({
    description: 'What exactly was wrong',
    example: 'RiskAssessed schema version 9 is newer than the known version 1',
  })
  detail!: string;
  @ApiProperty({
    description: 'When the consumer set the message aside',
    example: '2026-11-23T09:05:00.000Z',
  })
  deadLetteredAt!: string;
  @ApiPropertyOptional({ nullable: true, description: 'The message key (the stream id), as text' })
  key!: string | null;
  @ApiProperty({
    description: 'The message headers, as text',
    example: { ce_type: 'RiskAssessed' },
  })
  headers!: Record<string, string>;
  @ApiPropertyOptional({
    nullable: true,
    description: 'The message value: as text when it is UTF-8, else base64 (see valueEncoding)',
  })
  value!: string | null;
  @ApiProperty({
    description: 'How the stored message value is encoded (utf8 or base64)',
    enum: ['utf8', 'base64'],
    example: 'utf8',
  })
  valueEncoding!: 'utf8' | 'base64';
  @ApiProperty({ description: 'How often an operator re-drove it', example: 0 })
  redriveCount!: number;
  @ApiPropertyOptional({
    description: 'When an operator last re-drove the message, if ever',
    nullable: true,
    example: '2026-11-23T10:00:00.000Z',
  })
  lastRedrivenAt!: string | null;
  @ApiPropertyOptional({
    description: 'Who last re-drove the message, if anyone',
    nullable: true,
    example: 'operator@region.se',
  })
  lastRedrivenBy!: string | null;
}

export function deadLetterResponseOf(letter: DeadLetterRecord): DeadLetterResponse {
  const text = letter.value?.toString('utf8') ?? null;
  const isText = text === null || Buffer.from(text, 'utf8').equals(letter.value!);
  return {
    id: letter.id,
    consumerGroup: letter.consumerGroup,
    topic: letter.topic,
    partition: letter.partition,
    offset: letter.offset,
    reason: letter.reason,
    detail: letter.detail,
    deadLetteredAt: letter.deadLetteredAt.toISOString(),
    key: letter.key?.toString('utf8') ?? null,
    headers: Object.fromEntries(letter.headers.map(([name, value]) => [name, value.toString()])),
    value: isText ? text : letter.value!.toString('base64'),
    valueEncoding: isText ? 'utf8' : 'base64',
    redriveCount: letter.redriveCount,
    lastRedrivenAt: letter.lastRedrivenAt?.toISOString() ?? null,
    lastRedrivenBy: letter.lastRedrivenBy,
  };
}
