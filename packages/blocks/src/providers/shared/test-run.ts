import { createStandaloneContext, executeBlock, type AnyBlock, type Credentials } from '@blockloom/sdk';

export interface TestRun {
  outputs: [string, unknown][];
  /** What the block threw, unchanged (so tests can check its class and retry meaning). */
  error?: unknown;
}

/** Runs a block as a node would (input validated, outputs checked), keeping the thrown error itself. */
export async function runForTest(
  block: AnyBlock,
  input: Record<string, unknown>,
  options: { credentials?: Record<string, Credentials>; signal?: AbortSignal } = {},
): Promise<TestRun> {
  const { ctx } = createStandaloneContext({
    credentials: options.credentials ?? {},
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const outputs: [string, unknown][] = [];
  try {
    for await (const [pin, value] of executeBlock(block, { data: input, ctx })) outputs.push([pin, value]);
  } catch (error) {
    return { outputs, error };
  }
  return { outputs };
}

/** A credentials reference for a node's input plus the resolved secret the engine would pass. */
export function apiKeyCredentials(provider: string, apiKey: string) {
  const ref = { id: `${provider}-test`, provider, type: 'api_key', title: provider } as const;
  return { ref, resolved: { credentials: { ...ref, api_key: apiKey } } };
}
