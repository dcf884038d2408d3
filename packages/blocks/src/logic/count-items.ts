import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { isRecord } from '../shared/python';

/** Python's `len()`: characters of text (code points), elements of a list, keys of a dictionary; -1 otherwise. */
function countOf(collection: unknown): number {
  if (typeof collection === 'string') return Array.from(collection).length;
  if (Array.isArray(collection)) return collection.length;
  if (isRecord(collection)) return Object.keys(collection).length;
  return -1;
}

/** Counts the items of a list, the keys of a dictionary or the characters of a text. */
export const countItemsBlock = defineBlock({
  id: '3c9c2f42-b0c3-435f-ba35-05f7a25c772a',
  name: 'CountItemsBlock',
  description: 'Counts the items in a list, the keys in a dictionary or the characters in a text.',
  categories: ['LOGIC'],
  input: z.object({
    collection: z.unknown().meta({ description: 'The list, dictionary or text to count.' }),
  }),
  output: {
    count: z.number().int().meta({ description: "The number of items, or -1 when it can't be counted." }),
  },
  tests: [
    { name: 'counts a list', input: { collection: [1, 2, 3] }, output: [['count', 3]] },
    { name: 'counts dictionary keys', input: { collection: { a: 1, b: 2 } }, output: [['count', 2]] },
    {
      name: 'counts characters, not UTF-16 units',
      input: { collection: 'héllo 👋' },
      output: [['count', 7]],
    },
    { name: 'counts an empty list', input: { collection: [] }, output: [['count', 0]] },
    { name: 'gives -1 for a number', input: { collection: 42 }, output: [['count', -1]] },
    { name: 'gives -1 for a boolean', input: { collection: false }, output: [['count', -1]] },
  ],
  async *run(input) {
    yield ['count', countOf(input.collection)];
  },
});
