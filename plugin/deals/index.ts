export * from './deal-customer-keys';
export * from './next-deal-state';
