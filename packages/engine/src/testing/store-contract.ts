import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../ports/store';
import { describeBlockValueContract } from './store-contract/block-values';
import { describeCommitAtomicityContract } from './store-contract/commit-atomicity';
import { describeCommitContract } from './store-contract/commit';
import { describeExecutionContract } from './store-contract/executions';
import { describeGraphContract } from './store-contract/graphs';

/**
 * The contract every Store adapter passes (architecture guide: one suite per port, run over every adapter).
 * Each test gets a fresh, empty store from `factory`; the suite closes it, then calls `cleanup`.
 *
 * Besides the port's doc comments, it pins down what callers rely on:
 * - a duplicate key (graph id + version, run id, node execution id, a run's `seq`, a pin name on one node
 *   execution) is rejected with EngineError code CONFLICT; an unknown run or node execution in a commit with
 *   NOT_FOUND, and so is a node execution of another run;
 * - lists that are newest first break ties on the id, descending, so pages are stable;
 * - values are stored as JSON: `undefined` reads back as null; null, false, 0, "" and empty containers stay;
 * - concurrent commits apply one at a time, in call order.
 */
export function describeStoreContract(
  name: string,
  factory: () => Promise<{ store: Store; cleanup?: () => Promise<void> }>,
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let cleanup: (() => Promise<void>) | undefined;
    beforeEach(async () => {
      ({ store, cleanup } = await factory());
    });
    afterEach(async () => {
      await store.close();
      await cleanup?.();
    });
    // Suites take a getter: `store` is replaced before each test, after they are declared.
    const current = () => store;
    describeGraphContract(current);
    describeExecutionContract(current);
    describeCommitContract(current);
    describeCommitAtomicityContract(current);
    describeBlockValueContract(current);
  });
}
