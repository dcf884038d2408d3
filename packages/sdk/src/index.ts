export * from './constants';
export * from './errors';
export * from './credentials';
export * from './schema';
export * from './block';
export * from './execute';
export * from './registry';
export * from './context';
export { runBlock, checkBlockTestCase, type RunBlockOptions, type RunBlockResult } from './testing';
