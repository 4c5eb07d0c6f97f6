import { DEFAULT_DEVELOPMENT_KEY_FILE } from '@riskledger/identity';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/**
 * Every setting riskledger reads from the environment, validated once at start-up so that a typo
 * stops the process with a clear message instead of failing later.
 */
export class AppConfig {
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Comma-separated host:port list. */
  @IsString()
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, {
    message: 'KAFKA_BROKERS must be a comma-separated list of host:port',
  })
  KAFKA_BROKERS!: string;

  @IsOptional()
  @IsString()
  @Matches(/^[a-zA-Z0-9._-]+$/, { message: 'KAFKA_TOPIC_PREFIX may hold letters, digits, . _ -' })
  KAFKA_TOPIC_PREFIX = 'riskledger';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  KAFKA_CLIENT_ID = 'riskledger';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  /** Default: riskledger-projector-<the first 8 characters of the store id>; see consumerGroupId. */
  PROJECTOR_GROUP_ID?: string;

  /** Partitions of each topic the system creates: the most projector instances that share work. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_PARTITIONS = 3;

  /** 1 for the local single broker; 3 on a production cluster. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  KAFKA_REPLICATION_FACTOR = 1;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** How long the relay sleeps when it has caught up with the store. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60000)
  RELAY_POLL_MS = 100;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  RELAY_BATCH_SIZE = 500;

  /**
   * How often the relay process seals the events appended since the last seal (tamper evidence of
   * deletions and reordering; see docs/investigations.md).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(3600000)
  LOG_SEAL_INTERVAL_MS = 1000;

  /**
   * How often the acceptance sweep looks for risk acceptances whose lapse date has come, and
   * records that they lapsed.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(86400000)
  ACCEPTANCE_SWEEP_INTERVAL_MS = 60000;

  /**
   * How long a consumer group waits for a member that went silent (e.g. was killed) before its
   * partitions go to the others. Kafka allows 6000 at the least (group.min.session.timeout.ms).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(6000)
  @Max(300000)
  KAFKA_SESSION_TIMEOUT_MS = 30000;

  /** GET /health/ready answers 503 while more events than this wait for the relay. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  READY_MAX_RELAY_BACKLOG = 1000;

  /** GET /health/ready answers 503 while the projector has more messages than this to read. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  READY_MAX_PROJECTOR_LAG = 1000;

  /**
   * GET /health/ready answers 503 while committed events wait longer than this for an older
   * transaction still running on the server (the relay reads only what no running transaction can
   * still precede).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  READY_MAX_RELAY_HOLD_MS = 10000;

  /** Where the notifier (the reference subscriber) posts; it runs only when this is set. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'NOTIFIER_WEBHOOK_URL must be an http(s) URL' },
  )
  NOTIFIER_WEBHOOK_URL?: string;

  /** The shared secret the webhook's payloads are signed with (HMAC-SHA256). */
  @ValidateIf((config: AppConfig) => config.NOTIFIER_WEBHOOK_URL !== undefined)
  @IsString({ message: 'NOTIFIER_WEBHOOK_SECRET is required with NOTIFIER_WEBHOOK_URL' })
  @MinLength(16, { message: 'NOTIFIER_WEBHOOK_SECRET must be at least 16 characters' })
  NOTIFIER_WEBHOOK_SECRET?: string;

  /** Comma-separated area codes whose reported incidents are notified; empty: every area. */
  @IsOptional()
  @Matches(/^([A-Z][A-Z0-9_]*(,[A-Z][A-Z0-9_]*)*)?$/, {
    message: 'NOTIFIER_INCIDENT_AREAS must be a comma-separated list of area codes',
  })
  NOTIFIER_INCIDENT_AREAS = '';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  /** Default: riskledger-notifier-<the first 8 characters of the store id>; see consumerGroupId. */
  NOTIFIER_GROUP_ID?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  NOTIFIER_MAX_ATTEMPTS = 8;

  /** The first retry of a failed delivery waits this long; each next one twice as long. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600000)
  NOTIFIER_BACKOFF_MS = 1000;

  /**
   * How callers sign in. `oidc`: bearer tokens from the region's identity provider (OIDC_*).
   * `development`: a built-in issuer whose tokens `npm run token` prints; refused in production.
   */
  @IsOptional()
  @IsIn(['oidc', 'development'], { message: 'AUTH_MODE must be oidc or development' })
  AUTH_MODE: 'oidc' | 'development' = 'development';

  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /**
   * The identity provider's issuer URL, exactly as in its tokens' iss claim; the console signs in
   * there, and the content security policy lets the browser reach its origin.
   */
  @ValidateIf((config: AppConfig) => config.AUTH_MODE === 'oidc')
  @IsString({ message: 'OIDC_ISSUER is required when AUTH_MODE is oidc' })
  @IsNotEmpty({ message: 'OIDC_ISSUER is required when AUTH_MODE is oidc' })
  @IsUrl(
    { require_tld: false, protocols: ['https', 'http'], require_protocol: true },
    { message: "OIDC_ISSUER must be the identity provider's http(s) issuer URL" },
  )
  OIDC_ISSUER?: string;

  /** This API's identifier at the identity provider (the tokens' aud claim). */
  @ValidateIf((config: AppConfig) => config.AUTH_MODE === 'oidc')
  @IsString({ message: 'OIDC_AUDIENCE is required when AUTH_MODE is oidc' })
  @IsNotEmpty({ message: 'OIDC_AUDIENCE is required when AUTH_MODE is oidc' })
  OIDC_AUDIENCE?: string;

  /** Where the identity provider publishes its signing keys (JWKS). */
  @ValidateIf((config: AppConfig) => config.AUTH_MODE === 'oidc')
  @IsUrl(
    { require_tld: false, protocols: ['https', 'http'] },
    { message: "OIDC_JWKS_URL must be the https URL of the identity provider's JWKS" },
  )
  OIDC_JWKS_URL?: string;

  /** The web console's client id at the identity provider (a public client: code flow with PKCE). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  OIDC_CONSOLE_CLIENT_ID = 'riskledger-console';

  /** The scopes the web console asks the identity provider for. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  OIDC_CONSOLE_SCOPE = 'openid profile';

  /** The token claim holding riskledger grants (e.g. `RISK_OWNER:unit=SU-ONK`). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  OIDC_ROLES_CLAIM = 'roles';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  OIDC_NAME_CLAIM = 'name';

  /** A boolean claim, true for users cleared for protective-security (säkerhetsskydd) risks. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  OIDC_CLEARANCE_CLAIM = 'riskledger_cleared';

  /** The development issuer's key pair; shared by the API and `npm run token`. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  DEV_ISSUER_KEY_FILE = DEFAULT_DEVELOPMENT_KEY_FILE;

  /**
   * The built web console (`npm run build:web`), served at `/`. Relative to the working directory:
   * the repository root for `npm start` and the tests.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  CONSOLE_DIR = 'apps/web/dist';

  /**
   * The Chromium that prints documents to PDF (the annual security report). Only PDF needs it:
   * without it those requests answer 503 saying how to install it, and all else works.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  CHROMIUM_PATH = '/usr/bin/chromium';

  /**
   * The SMTP server owners' reminder digests go through (smtp:// or smtps://, user and password
   * in the URL when it asks for them). The reminders run only when this is set.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['smtp', 'smtps'], require_protocol: true },
    { message: 'SMTP_URL must be an smtp:// or smtps:// URL' },
  )
  SMTP_URL?: string;

  /** The sender of the reminder digests. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  REMINDER_FROM = 'Riskregistret <riskledger@localhost>';

  /**
   * Owners are named by their user id. An id that is an e-mail address is written to as it is;
   * another gets this domain (anna.berg -> anna.berg@<domain>). Without it, such owners cannot be
   * reminded, and each such digest is recorded as failed.
   */
  @IsOptional()
  @Matches(/^[a-z0-9.-]+\.[a-z]{2,}$|^localhost$/i, {
    message: 'REMINDER_MAIL_DOMAIN must be a mail domain, e.g. region.se',
  })
  REMINDER_MAIL_DOMAIN?: string;

  /** The language of the digests: Swedish unless en. */
  @IsOptional()
  @IsIn(['sv', 'en'], { message: 'REMINDER_LANGUAGE must be sv or en' })
  REMINDER_LANGUAGE: 'sv' | 'en' = 'sv';

  /** How often the reminders look for what is due and send what waits. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(86400000)
  REMINDER_INTERVAL_MS = 3600000;

  /** Sends of one digest before it is given up (each failure recorded as an event). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  REMINDER_MAX_ATTEMPTS = 8;

  /** The first retry of a failed send waits this long; each next one twice as long. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86400000)
  REMINDER_BACKOFF_MS = 60000;

  /** Requests per minute from one client address before 429; 0 turns the limit off. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000000)
  RATE_LIMIT_PER_MINUTE = 600;

  /**
   * How many reverse proxies stand in front of the API. 0: the client address is the connection's,
   * and X-Forwarded-For is ignored (a client could forge it). N: the address N hops back in
   * X-Forwarded-For is the client's: the rate limit then counts per real client, not per proxy.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  /** Comma-separated browser origins allowed to call the API (CORS); empty: none. */
  @IsOptional()
  @Matches(/^(https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*)?$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS = '';

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS ? this.CORS_ORIGINS.split(',') : [];
  }

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }
}

/**
 * A consumer group of this installation: the configured one, else one derived from the store's
 * identity, so that two installations on one Kafka cluster with default settings never share a
 * group (and split each other's partitions).
 */
export function consumerGroupId(
  config: AppConfig,
  consumer: 'projector' | 'notifier',
  storeId: string,
): string {
  const configured =
    consumer === 'projector' ? config.PROJECTOR_GROUP_ID : config.NOTIFIER_GROUP_ID;
  return configured ?? `riskledger-${consumer}-${storeId.slice(0, 8)}`;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat([
    'DATABASE_URL',
    'KAFKA_BROKERS',
    'NOTIFIER_WEBHOOK_URL',
    'NOTIFIER_WEBHOOK_SECRET',
    'SMTP_URL',
    'REMINDER_MAIL_DOMAIN',
    'NODE_ENV',
    'PROJECTOR_GROUP_ID',
    'NOTIFIER_GROUP_ID',
    'OIDC_ISSUER',
    'OIDC_AUDIENCE',
    'OIDC_JWKS_URL',
  ]);
  const values = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => known.includes(key) && value !== undefined),
  );
  const config = plainToInstance(AppConfig, values);
  const problems = validateSync(config).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
  if (config.NODE_ENV === 'production' && config.AUTH_MODE === 'development') {
    problems.push(
      'AUTH_MODE must be oidc when NODE_ENV is production: the development issuer is for local use only',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
