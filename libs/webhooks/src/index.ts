export * from './migrations/1732300004000-create-webhook-deliveries';
export * from './notification-rules';
export * from './webhook-deliveries';
export * from './webhook-dispatcher';
export * from './webhook-signature';
