import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { storeMedia } from './media';

/**
 * Stores a file for the run (catalogue §1.2): a URL is downloaded and a data URI decoded into the run's file
 * area, and the block yields the stored file's path there, or the file as a data URI when `base_64` is set.
 * Static output: later nodes re-use the stored reference.
 */
export const fileStoreBlock = defineBlock({
  id: 'cbb50872-625b-42f0-8203-a2ae78242d8a',
  name: 'FileStoreBlock',
  description: "Stores a file (URL, data URI or path) in the run's files and outputs a reference to it.",
  categories: ['BASIC', 'MULTIMEDIA'],
  staticOutput: true,
  input: z.object({
    file_in: z.string().meta({
      format: 'file',
      description: 'The file to store: a URL, a data URI or a path in the run’s files.',
    }),
    base_64: z.boolean().default(false).meta({
      advanced: true,
      description: 'Output the file as a base64 data URI instead of a path in the run’s files.',
    }),
  }),
  output: {
    file_out: z
      .string()
      .meta({ format: 'file', description: 'The stored file: a path in the run’s files, or a data URI.' }),
  },
  tests: [
    {
      name: 'outputs a data URI when base_64 is set',
      input: { file_in: 'data:text/plain,hi', base_64: true },
      output: [['file_out', 'data:text/plain;base64,aGk=']],
    },
    {
      name: 'needs a run to store into',
      input: { file_in: 'data:text/plain,hi' },
      output: [['error', textContaining('during a graph run')]],
    },
  ],
  async *run(input, ctx) {
    const returnFormat = input.base_64 ? 'data_uri' : 'path';
    yield [
      'file_out',
      await storeMedia(input.file_in, { graphExecId: ctx.ids.graphExecId, signal: ctx.signal, returnFormat }),
    ];
  },
});
