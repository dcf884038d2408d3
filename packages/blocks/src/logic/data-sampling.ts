import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { createRandom } from '../shared/seeded-random';
import { accumulateRows } from './sampling-buffer';
import { sampleIndices, samplingMethods } from './sampling-methods';

const row = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]);
const optionalKey = (description: string) =>
  z.string().nullable().default(null).meta({ description, placeholder: 'category' });

const people = [
  { name: 'Ann', team: 'a', score: 1 },
  { name: 'Bob', team: 'a', score: 0 },
  { name: 'Cy', team: 'b', score: 0 },
  { name: 'Di', team: 'b', score: 0 },
];

/** Picks a subset of rows by one of eight methods; a seed makes random picks repeatable. */
export const dataSamplingBlock = defineBlock({
  id: '4a448883-71fa-49cf-91cf-70d793bd7d87',
  name: 'DataSamplingBlock',
  description:
    'Samples rows from a dataset: random, systematic, top, bottom, stratified, weighted, reservoir or cluster.',
  categories: ['LOGIC'],
  input: z.object({
    data: z
      .union([z.record(z.string(), z.unknown()), z.array(row)])
      .meta({ description: 'The rows to sample: a list of dictionaries or lists, or one dictionary.' }),
    sample_size: z
      .number()
      .int()
      .default(10)
      .meta({ description: 'How many rows to pick.', placeholder: '10' }),
    sampling_method: z.enum(samplingMethods).default('random').meta({ description: 'How to pick the rows.' }),
    accumulate: z.boolean().default(false).meta({
      description: 'Whether to collect rows over several runs of this node and sample once there are enough.',
    }),
    random_seed: z
      .number()
      .int()
      .nullable()
      .default(null)
      .meta({ description: 'A seed that makes the random picks repeatable.', placeholder: '42' }),
    stratify_key: optionalKey('The field that defines the strata (stratified sampling).'),
    weight_key: optionalKey('The field holding each row’s weight (weighted sampling).'),
    cluster_key: optionalKey('The field that defines the clusters (cluster sampling).'),
  }),
  output: {
    sampled_data: z.array(z.unknown()).meta({ description: 'The picked rows.' }),
    sample_indices: z
      .array(z.number().int())
      .meta({ description: 'The positions of the picked rows in the data.' }),
  },
  tests: [
    {
      name: 'takes the top rows',
      input: { data: [[1], [2], [3]], sample_size: 2, sampling_method: 'top' },
      output: [
        ['sampled_data', [[1], [2]]],
        ['sample_indices', [0, 1]],
      ],
    },
    {
      name: 'takes the bottom rows',
      input: { data: people, sample_size: 1, sampling_method: 'bottom' },
      output: [
        ['sampled_data', [people[3]]],
        ['sample_indices', [3]],
      ],
    },
    {
      name: 'samples a single dictionary as one row',
      input: { data: { only: true }, sample_size: 1, random_seed: 7 },
      output: [
        ['sampled_data', [{ only: true }]],
        ['sample_indices', [0]],
      ],
    },
    {
      name: 'picks distinct rows at random',
      input: { data: people, sample_size: 3, random_seed: 1 },
      output: [
        ['sampled_data', (value: unknown) => Array.isArray(value) && value.length === 3],
        ['sample_indices', (value: unknown) => Array.isArray(value) && new Set(value).size === 3],
      ],
    },
    {
      name: 'takes every stratum in proportion',
      input: {
        data: people,
        sample_size: 2,
        sampling_method: 'stratified',
        stratify_key: 'team',
        random_seed: 3,
      },
      output: [
        [
          'sampled_data',
          (value: unknown) =>
            Array.isArray(value) && new Set(value.map((p: { team: string }) => p.team)).size === 2,
        ],
        ['sample_indices', (value: unknown) => Array.isArray(value) && value.length === 2],
      ],
    },
    {
      name: 'never picks a zero weight',
      input: {
        data: people,
        sample_size: 3,
        sampling_method: 'weighted',
        weight_key: 'score',
        random_seed: 5,
      },
      output: [
        ['sampled_data', [people[0], people[0], people[0]]],
        ['sample_indices', [0, 0, 0]],
      ],
    },
    {
      name: 'fails when the sample is larger than the data',
      input: { data: people, sample_size: 5 },
      output: [['error', 'Sample size (5) cannot be larger than the dataset size (4)']],
    },
    {
      name: 'fails without the key a method needs',
      input: { data: people, sample_size: 2, sampling_method: 'cluster' },
      output: [['error', 'cluster_key is required for cluster sampling']],
    },
    {
      name: 'fails on a missing weight field',
      input: { data: people, sample_size: 1, sampling_method: 'weighted', weight_key: 'age' },
      output: [['error', textContaining("Key 'age' not found")]],
    },
  ],
  async *run(input, ctx) {
    const incoming = Array.isArray(input.data) ? input.data : [input.data];
    if (input.sample_size < 0)
      throw new BlockError(`sample_size can't be negative, got ${input.sample_size}`);
    const rows = input.accumulate ? accumulateRows(ctx.ids, incoming, input.sample_size) : incoming;
    if (!rows) return; // still accumulating: nothing to output yet
    if (input.sample_size > rows.length) {
      throw new BlockError(
        `Sample size (${input.sample_size}) cannot be larger than the dataset size (${rows.length})`,
      );
    }
    const indices = sampleIndices(input.sampling_method, rows, {
      size: input.sample_size,
      random: createRandom(input.random_seed),
      stratifyKey: input.stratify_key,
      weightKey: input.weight_key,
      clusterKey: input.cluster_key,
    });
    yield ['sampled_data', indices.map((index) => rows[index])];
    yield ['sample_indices', indices];
  },
});
