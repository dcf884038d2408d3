import { randomUUID } from 'node:crypto';
import { createBlockRegistry, type AnyBlock } from '@blockloom/sdk';
import { coreBlocks } from '@blockloom/blocks';
import type { Link, Node, StoredGraph } from '@blockloom/graph';
import {
  createEngine,
  createMemoryBus,
  createMemoryLocks,
  createMemoryQueue,
  createMemoryVault,
  type EngineOptions,
  type GraphExecutionWithNodes,
  type NodeExecutionResult,
} from '../src/index';
import { createMemoryStore } from '../src/adapters/memory-store';
import { testBlocks } from './test-blocks';

export const blockIds = {
  input: 'c0a8e994-ebf1-4a9c-a4d8-89d09c86741b',
  output: '363ae599-353e-4804-937e-b2ee3cef3da4',
  agent: 'e189baac-8c20-45a1-94a7-55177ea42565',
  note: 'cc10ff7b-7753-4ff2-9af6-9399b1a7eddc',
  calculator: 'b1ab9b19-67a6-406d-abf5-2dba76d00c79',
} as const;

/** Builds graphs for scenarios: `g.node(blockId, constants)` returns the node id; `g.link(...)` wires pins. */
export function graphBuilder(name = 'scenario') {
  const nodes: Node[] = [];
  const links: Link[] = [];
  const id = randomUUID();
  return {
    id,
    node(
      blockId: string,
      inputDefault: Record<string, unknown> = {},
      metadata: Record<string, unknown> = {},
    ) {
      const nodeId = randomUUID();
      nodes.push({ id: nodeId, block_id: blockId, input_default: inputDefault, metadata });
      return nodeId;
    },
    link([source, sourceName]: [string, string], [sink, sinkName]: [string, string], isStatic = false) {
      links.push({
        id: randomUUID(),
        source_id: source,
        sink_id: sink,
        source_name: sourceName,
        sink_name: sinkName,
        is_static: isStatic,
      });
    },
    build(userId: string, version = 1): StoredGraph {
      return {
        id,
        version,
        is_active: true,
        name,
        description: '',
        instructions: null,
        recommended_schedule_cron: null,
        forked_from_id: null,
        forked_from_version: null,
        nodes,
        links,
        user_id: userId,
        created_at: new Date().toISOString(),
      };
    },
  };
}

export const USER = '11111111-1111-4111-8111-111111111111';

export async function createHarness(
  options: Partial<
    Pick<EngineOptions, 'limits' | 'nodeTimeoutSeconds' | 'vault' | 'onRunFinished' | 'onNodeFinished'>
  > & {
    extraBlocks?: AnyBlock[];
  } = {},
) {
  const registry = createBlockRegistry([...coreBlocks, ...testBlocks, ...(options.extraBlocks ?? [])]);
  const store = createMemoryStore();
  const bus = createMemoryBus();
  const queue = createMemoryQueue();
  const engine = createEngine({
    registry,
    store,
    queue,
    bus,
    locks: createMemoryLocks(),
    vault: options.vault ?? createMemoryVault(),
    limits: options.limits,
    nodeTimeoutSeconds: options.nodeTimeoutSeconds,
    onRunFinished: options.onRunFinished,
    onNodeFinished: options.onNodeFinished,
  });
  await engine.start();
  return {
    registry,
    store,
    bus,
    engine,
    /** Stores the graph (forcing static links from static-output blocks, as import does). */
    async add(graph: StoredGraph) {
      const links = graph.links.map((link) => ({
        ...link,
        is_static:
          link.is_static ||
          registry.get(graph.nodes.find((n) => n.id === link.source_id)?.block_id ?? '')?.staticOutput ===
            true,
      }));
      await store.createGraph({ ...graph, links });
      return graph;
    },
    async run(graph: StoredGraph, inputs: Record<string, unknown> = {}): Promise<GraphExecutionWithNodes> {
      const meta = await engine.executeGraph({
        userId: USER,
        graphId: graph.id,
        graphVersion: graph.version,
        inputs,
      });
      return engine.waitForCompletion(meta.id, { timeoutMs: 20_000 });
    },
    async close() {
      await engine.close({ graceMs: 0 });
      await queue.close();
      await store.close();
    },
  };
}

/** Every execution of one node, in result order. */
export function runsOf(result: GraphExecutionWithNodes, nodeId: string): NodeExecutionResult[] {
  return result.node_executions.filter((exec) => exec.node_id === nodeId);
}
