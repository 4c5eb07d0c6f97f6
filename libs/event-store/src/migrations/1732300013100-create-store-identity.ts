import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The store's identity: generated once, kept in the database (so a backup restored elsewhere is
 * still the same store), and carried by every event it publishes (the CloudEvents source). Two
 * installations sharing a Kafka cluster tell their events apart by it, and their default consumer
 * groups derive from it.
 */
export class CreateStoreIdentity1732300013100 implements MigrationInterface {
  name = 'CreateStoreIdentity1732300013100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE store_identity (
        only_row    boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        store_id    uuid NOT NULL DEFAULT gen_random_uuid(),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO store_identity DEFAULT VALUES`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE store_identity`);
  }
}
