export * from './repeating-task';
