export * from './event-contracts';
export * from './event-validator';
export * from './asyncapi-document';
export * from './cloudevents-headers';
export * from './upcasters';
export * from './event-envelope';
export * from './envelope-codec';
