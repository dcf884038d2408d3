export { main, usage } from './main';
export { createRuntime, LOCAL_USER_ID, type Runtime, type RuntimeOptions } from './runtime';
export { runSummary } from './commands/run';
