import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhookDeliveries1732300004000 implements MigrationInterface {
  name = 'CreateWebhookDeliveries1732300004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per notification, written when the event is consumed and sent by the dispatcher:
    // a slow or failing webhook never holds up the consumer.
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        delivery_id      uuid PRIMARY KEY,
        event_id         uuid NOT NULL,
        kind             text NOT NULL,
        subject          text NOT NULL,
        payload          jsonb NOT NULL,
        status           text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL,
        last_error       text,
        last_status_code integer,
        created_at       timestamptz NOT NULL,
        delivered_at     timestamptz,
        UNIQUE (event_id, kind)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING'`,
    );
    // The last level the notifier saw per risk, to notify only when a risk reaches high.
    await queryRunner.query(`
      CREATE TABLE notifier_risk_levels (
        risk_id  text PRIMARY KEY,
        level    text NOT NULL,
        version  integer NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifier_risk_levels`);
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
  }
}
