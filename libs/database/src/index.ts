export * from './data-source-options';
export * from './database.module';
export * from './local-postgres';
export * from './database-errors';
