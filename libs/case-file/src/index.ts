export * from './case-file';
export * from './case-file-manifest';
