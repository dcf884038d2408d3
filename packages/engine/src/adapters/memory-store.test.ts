import { describe, expect, it } from 'vitest';
import { describeStoreContract } from '../testing/store-contract';
import { createMemoryStore } from './memory-store';

describeStoreContract('memory', async () => ({ store: createMemoryStore() }));

describe('memory store', () => {
  it('stamps updateGraphExecution with its clock', async () => {
    const now = '2030-05-06T07:08:09.010Z';
    const store = createMemoryStore({ clock: { now: () => new Date(now) } });
    await store.createGraphExecution({
      id: 'r',
      graphId: 'g',
      graphVersion: 1,
      userId: 'u',
      createdAt: '2024-01-01T00:00:00.000Z',
      inputs: {},
      credentialInputs: {},
      nodesInputMasks: null,
      parentGraphExecutionId: null,
      presetId: null,
      stats: null,
      nodeExecutions: [],
    });
    expect((await store.updateGraphExecution('r', { status: 'QUEUED' }))?.updatedAt).toBe(now);
  });
});
