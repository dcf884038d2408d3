/** Test-only: declares blocks that only have ids, types and pins; graph code never runs a block. */
import type { z } from 'zod';
import { defineBlock, type BlockDefinition } from '@blockloom/sdk';

async function* nothing(): AsyncGenerator<never, void, undefined> {}

type Outputs = Record<string, z.ZodType>;
type TestBlockSpec<I extends z.ZodObject, O extends Outputs> = Omit<
  BlockDefinition<I, O>,
  'description' | 'categories' | 'tests' | 'run'
> &
  Partial<Pick<BlockDefinition<I, O>, 'categories'>>;

export function block<I extends z.ZodObject, O extends Outputs>(spec: TestBlockSpec<I, O>) {
  return defineBlock<I, O>({
    description: `${spec.name} (test)`,
    categories: ['BASIC'],
    tests: [],
    run: nothing,
    ...spec,
  });
}
