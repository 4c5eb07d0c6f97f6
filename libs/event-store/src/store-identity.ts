import type { DataSource } from 'typeorm';

/** This store's identity (see CreateStoreIdentity): what its events carry in their source. */
export async function loadStoreId(dataSource: DataSource): Promise<string> {
  const [row]: { store_id: string }[] = await dataSource.query(
    `SELECT store_id::text AS store_id FROM store_identity`,
  );
  if (!row) throw new Error('the store has no identity: run the migrations (npm run migrate)');
  return row.store_id;
}
