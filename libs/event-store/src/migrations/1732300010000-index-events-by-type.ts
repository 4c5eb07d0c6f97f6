import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index on the event type, for views over the whole history that read a few types only (the
 * register's trend month by month reads four of some forty): without it each such read scans
 * every event of every stream.
 */
export class IndexEventsByType1732300010000 implements MigrationInterface {
  name = 'IndexEventsByType1732300010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX events_by_type ON events (event_type, position)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX events_by_type`);
  }
}
