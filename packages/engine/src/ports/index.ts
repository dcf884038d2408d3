export * from './status';
export * from './store';
export * from './queue';
export * from './bus';
export * from './lock';
export * from './vault';
export * from './clock';
