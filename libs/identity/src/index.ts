export * from './development-issuer';
export * from './grant-claims';
export * from './token-verifier';
export * from './authorization-codes';
