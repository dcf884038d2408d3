import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';

/** Python's `list[position:position] = items`: a negative position counts from the end; out of range clamps. */
function insertAt(list: readonly unknown[], position: number | null, items: readonly unknown[]): unknown[] {
  if (position === null) return [...list, ...items];
  const index = position < 0 ? Math.max(0, list.length + position) : Math.min(position, list.length);
  return [...list.slice(0, index), ...items, ...list.slice(index)];
}

/** Returns a copy of a list with entries inserted; often linked to itself to accumulate values. */
export const addToListBlock = defineBlock({
  id: 'aeb08fc1-2fc1-4141-bc8e-f758f183a822',
  name: 'AddToListBlock',
  description: 'Adds one or more entries to a list, at the end or at a given position.',
  categories: ['BASIC'],
  input: z.object({
    list: z.array(z.unknown()).default([]).meta({ description: 'The list to add to; a new one when empty.' }),
    entry: z.unknown().default(null).meta({ description: 'The entry to add.', placeholder: 'entry' }),
    entries: z
      .array(z.unknown())
      .default([])
      .meta({ advanced: true, description: 'Several entries to add, before the single entry.' }),
    position: z.number().int().nullable().default(null).meta({
      description: 'Where to insert the entries; at the end when empty. Negative counts from the end.',
    }),
  }),
  output: { updated_list: z.array(z.unknown()).meta({ description: 'The list with the entries added.' }) },
  tests: [
    { name: 'appends an entry', input: { list: [1, 2], entry: 3 }, output: [['updated_list', [1, 2, 3]]] },
    {
      name: 'starts a new list',
      input: { entry: 'Youtube Transcripts' },
      output: [['updated_list', ['Youtube Transcripts']]],
    },
    {
      name: 'adds entries before the single entry',
      input: { list: ['a'], entries: ['b', 'c'], entry: 'd' },
      output: [['updated_list', ['a', 'b', 'c', 'd']]],
    },
    {
      name: 'inserts at a position',
      input: { list: ['a', 'd'], entries: ['b', 'c'], position: 1 },
      output: [['updated_list', ['a', 'b', 'c', 'd']]],
    },
    {
      name: 'counts a negative position from the end',
      input: { list: [1, 2, 3], entry: 'x', position: -1 },
      output: [['updated_list', [1, 2, 'x', 3]]],
    },
    {
      name: 'clamps a position past the end',
      input: { list: [1], entry: 2, position: 10 },
      output: [['updated_list', [1, 2]]],
    },
    { name: 'adds nothing without entries', input: { list: [1] }, output: [['updated_list', [1]]] },
    { name: 'keeps falsy entries', input: { list: [], entry: 0 }, output: [['updated_list', [0]]] },
  ],
  async *run(input) {
    const items =
      input.entry === null || input.entry === undefined ? input.entries : [...input.entries, input.entry];
    yield ['updated_list', insertAt(input.list, input.position, items)];
  },
});
