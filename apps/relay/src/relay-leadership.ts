import { Client } from 'pg';

/** Any fixed 64-bit key; it names the relay's lock among the database's advisory locks. */
const RELAY_LOCK_KEY = 7_204_311_902;

/**
 * One relay publishes at a time: the one holding a PostgreSQL session advisory lock. Standbys try
 * again and again; when the leader's connection dies, PostgreSQL releases the lock and one of
 * them takes over by itself.
 */
export class RelayLeadership {
  private client: Client | null = null;
  private lost = false;

  constructor(private readonly databaseUrl: string) {}

  async tryAcquire(): Promise<boolean> {
    const client = new Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: 3000,
    });
    try {
      await client.connect();
      const [row] = (
        await client.query('SELECT pg_try_advisory_lock($1) AS acquired', [RELAY_LOCK_KEY])
      ).rows;
      if (!row.acquired) {
        await client.end();
        return false;
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.lost = false;
    client.on('error', () => (this.lost = true));
    client.on('end', () => (this.lost = true));
    this.client = client;
    return true;
  }

  /** False once the connection that holds the lock has gone. */
  get held(): boolean {
    return this.client !== null && !this.lost;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
