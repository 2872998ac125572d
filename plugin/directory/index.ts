export * from './listing-state';
export * from './logo-file';
