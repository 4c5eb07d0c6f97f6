export * from './envelope-codec';
export * from './event-envelope';
export * from './event-publisher';
export * from './event-subscriber';
export * from './kafka-client';
export * from './topics';
export * from './messaging.module';
