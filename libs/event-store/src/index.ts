export * from './checkpoints/log-checkpoints';
export * from './migrations/1732300000000-create-event-store';
export * from './postgres-event-store';
export * from './stored-event';
export * from './version-conflict.error';
export * from './event-store.module';
