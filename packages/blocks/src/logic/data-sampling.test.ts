import { runBlock, type ExecutionIds, emptyExecutionIds } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { dataSamplingBlock } from './data-sampling';

const rows = Array.from({ length: 20 }, (_, i) => ({
  id: i,
  group: i < 15 ? 'big' : 'small',
  weight: i % 2,
}));
const idsFor = (graphExecId: string): ExecutionIds => ({
  ...emptyExecutionIds,
  graphExecId,
  nodeId: 'node-1',
});

async function sample(input: Record<string, unknown>, ids: ExecutionIds = emptyExecutionIds) {
  const result = await runBlock(dataSamplingBlock, { data: rows, ...input }, { context: { ids } });
  return { indices: result.byPin.sample_indices?.[0] as number[] | undefined, result };
}

describe('DataSamplingBlock', () => {
  it.each(['random', 'systematic', 'stratified', 'weighted', 'reservoir', 'cluster'])(
    'repeats %s sampling with the same seed',
    async (method) => {
      const input = {
        sampling_method: method,
        sample_size: 5,
        random_seed: 42,
        stratify_key: 'group',
        weight_key: 'weight',
        cluster_key: 'group',
      };
      const first = await sample(input);
      expect(first.indices).toHaveLength(5);
      expect((await sample(input)).indices).toEqual(first.indices);
    },
  );

  it('gives different picks for different seeds', async () => {
    const a = await sample({ sample_size: 10, random_seed: 1 });
    const b = await sample({ sample_size: 10, random_seed: 2 });
    expect(a.indices).not.toEqual(b.indices);
  });

  it('picks evenly spaced rows systematically', async () => {
    const { indices = [] } = await sample({ sampling_method: 'systematic', sample_size: 4, random_seed: 3 });
    expect(indices.slice(1).map((index, i) => index - (indices[i] ?? 0))).toEqual([5, 5, 5]);
  });

  it('allocates strata in proportion', async () => {
    const { indices = [] } = await sample({
      sampling_method: 'stratified',
      sample_size: 4,
      stratify_key: 'group',
      random_seed: 9,
    });
    expect(indices.filter((index) => index < 15)).toHaveLength(3);
    expect(indices.filter((index) => index >= 15)).toHaveLength(1);
  });

  it('takes whole clusters', async () => {
    const { indices = [] } = await sample({
      sampling_method: 'cluster',
      sample_size: 5,
      cluster_key: 'group',
      random_seed: 4,
    });
    const groups = new Set(indices.map((index) => rows[index]?.group));
    expect(indices).toHaveLength(5);
    expect(groups.size).toBe(1);
  });

  it('accumulates rows across runs of one node until there are enough', async () => {
    const ids = idsFor(`accumulate-${Math.random()}`);
    const one = { data: [{ n: 1 }, { n: 2 }], sample_size: 3, sampling_method: 'top', accumulate: true };
    expect((await runBlock(dataSamplingBlock, one, { context: { ids } })).outputs).toEqual([]);
    const other = await runBlock(dataSamplingBlock, one, { context: { ids: idsFor('another-run') } });
    expect(other.outputs).toEqual([]);
    const done = await runBlock(dataSamplingBlock, { ...one, data: { n: 3 } }, { context: { ids } });
    expect(done.outputs).toEqual([
      ['sampled_data', [{ n: 1 }, { n: 2 }, { n: 3 }]],
      ['sample_indices', [0, 1, 2]],
    ]);
    // The buffer empties once sampled.
    expect((await runBlock(dataSamplingBlock, one, { context: { ids } })).outputs).toEqual([]);
  });

  it('fails on a negative weight', async () => {
    const { result } = await sample({
      data: [{ w: -1 }],
      sample_size: 1,
      sampling_method: 'weighted',
      weight_key: 'w',
    });
    expect(result.error).toBe('The weight of the item at index 0 must be a non-negative number');
  });
});
