import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages consumers set aside (dead letters), for operators to see and re-drive. The original
 * key, value and headers are kept byte for byte, so that a re-drive sends exactly what came.
 */
export class CreateDeadLetters1732300003000 implements MigrationInterface {
  name = 'CreateDeadLetters1732300003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dead_letters (
        id                uuid PRIMARY KEY,
        consumer_group    text NOT NULL,
        source_topic      text NOT NULL,
        source_partition  integer NOT NULL,
        source_offset     bigint NOT NULL,
        message_key       bytea,
        message_value     bytea,
        message_headers   jsonb NOT NULL,
        reason            text NOT NULL,
        detail            text NOT NULL,
        dead_lettered_at  timestamptz NOT NULL,
        redrive_count     integer NOT NULL DEFAULT 0,
        last_redriven_at  timestamptz,
        last_redriven_by  text,
        UNIQUE (consumer_group, source_topic, source_partition, source_offset)
      )`);
    await queryRunner.query(
      `CREATE INDEX dead_letters_in_order ON dead_letters (dead_lettered_at, source_topic,
         source_partition, source_offset)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE dead_letters`);
  }
}
