import { emptyExecutionIds, runBlock } from '@blockloom/sdk';
import type { ServerContext } from './context';
import { notFound } from './errors';

/** The enabled blocks' catalogue entries (`/api/blocks`, `/external-api/v1/blocks`). */
export const blockCatalogue = (ctx: ServerContext) =>
  ctx.registry
    .list()
    .filter((block) => !block.disabled)
    .map((block) => block.info());

/**
 * Runs one block outside any graph for a user (`POST …/blocks/{id}/execute`) → `{pin: [values]}`. A block
 * failure is data (an `error` output), as in a run.
 */
export async function executeBlockFor(
  ctx: ServerContext,
  request: { blockId: string; input: Record<string, unknown>; userId: string },
): Promise<Record<string, unknown[]>> {
  const block = ctx.registry.get(request.blockId);
  if (!block || block.disabled) throw notFound(`Block ${request.blockId}`);
  const timezone = (await ctx.accounts.getUser(request.userId))?.timezone;
  const result = await runBlock(block, request.input, {
    context: {
      ids: { ...emptyExecutionIds, userId: request.userId },
      timezone: timezone === undefined || timezone === 'not-set' ? 'UTC' : timezone,
    },
  });
  return result.byPin;
}
