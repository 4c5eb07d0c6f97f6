import type { EntityManager } from 'typeorm';

/** The PostgreSQL channel told, on commit, that the reference data a command checks has changed. */
export const REFERENCE_DATA_CHANGED_CHANNEL = 'reference_data_changed';

/**
 * Tells every API process's reference-data cache, when this transaction commits, to read the
 * reference data again (NOTIFY is delivered on commit only, and not at all on rollback; the same
 * notification twice in one transaction is delivered once).
 */
export async function announceReferenceDataChange(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_notify($1, '')`, [REFERENCE_DATA_CHANGED_CHANNEL]);
}
