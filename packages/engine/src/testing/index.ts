export * from './store-contract';
export * from './queue-contract';
export * from './bus-contract';
export * from './lock-contract';
export * from './vault-contract';
