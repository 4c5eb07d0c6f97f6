import { plainToInstance, Transform } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
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
  PROJECTOR_GROUP_ID = 'riskledger-projector';

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

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat(['DATABASE_URL', 'KAFKA_BROKERS']);
  const values = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => known.includes(key) && value !== undefined),
  );
  const config = plainToInstance(AppConfig, values);
  const problems = validateSync(config).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
