import type { BlockRegistry, CredentialsMeta } from '@blockloom/sdk';
import {
  createGraphIndex,
  graphInputSchema,
  nodeCredentialsKeys,
  startingNodes,
  validateGraph,
  type StoredGraph,
} from '@blockloom/graph';
import { GraphValidationError, type ValidationIssue } from './errors';
import type { NewGraphExecution, NewNodeExecution } from './ports/store';
import { applyMask, resolveNodeInput } from './readiness';

export interface RunRequest {
  userId: string;
  graph: StoredGraph;
  inputs: Record<string, unknown>;
  credentialsInputs?: Record<string, CredentialsMeta>;
  nodesInputMasks?: Record<string, Record<string, unknown>> | null;
  parentGraphExecutionId?: string | null;
  presetId?: string | null;
  /** Platform credentials for credentials fields left empty. */
  defaultCredentials?: readonly CredentialsMeta[];
}

/**
 * Masks per node: aggregated credentials inputs fanned out to every node field they fit, then the caller's
 * masks merged over them (internals §3.2 step 3).
 */
function buildMasks(request: RunRequest, registry: BlockRegistry): Record<string, Record<string, unknown>> {
  const masks: Record<string, Record<string, unknown>> = {};
  const credentials = request.credentialsInputs ?? {};
  for (const { nodeId, field, key } of nodeCredentialsKeys(request.graph, registry)) {
    const value = credentials[key];
    if (value) (masks[nodeId] ??= {})[field] = value;
  }
  for (const [nodeId, mask] of Object.entries(request.nodesInputMasks ?? {})) {
    masks[nodeId] = { ...masks[nodeId], ...mask };
  }
  return masks;
}

/**
 * Validates a run request and builds the run with its starting node executions (internals §3.2 steps 3-5):
 * the graph must validate for a run; every required graph input must be given and no unknown one; each
 * starting node must be ready. Every problem is reported at once, naming the node and the field.
 */
export function prepareRun(
  request: RunRequest,
  registry: BlockRegistry,
  ids: { runId: string; newId: () => string; now: string },
): NewGraphExecution {
  const { graph, inputs } = request;
  const masks = buildMasks(request, registry);
  const issues: ValidationIssue[] = validateGraph({ ...graph, sub_graphs: [] }, registry, {
    forRun: true,
    nodesInputMasks: masks,
  }).map((issue) => ({ ...issue }));

  const schema = graphInputSchema(graph, registry);
  const declared = Object.keys(schema.properties);
  const inputNodes = graph.nodes.filter((node) => registry.get(node.block_id)?.type === 'Input');
  for (const name of schema.required) {
    if (inputs[name] === undefined || inputs[name] === null) {
      const node = inputNodes.find((candidate) => candidate.input_default.name === name);
      issues.push({
        node_id: node?.id,
        field: name,
        message: `Missing required input "${name}"`,
        code: 'missing_input',
      });
    }
  }
  for (const name of Object.keys(inputs)) {
    if (!declared.includes(name)) {
      const known =
        declared.length > 0
          ? `; this agent's inputs are: ${declared.join(', ')}`
          : '; this agent takes no inputs';
      issues.push({ field: name, message: `Unknown input "${name}"${known}`, code: 'unknown_input' });
    }
  }
  if (issues.length > 0) throw new GraphValidationError(describe(issues), issues);

  const index = createGraphIndex(graph);
  const nodeExecutions: NewNodeExecution[] = [];
  for (const node of startingNodes(graph, registry)) {
    const block = registry.get(node.block_id);
    if (!block) continue;
    const name = node.input_default.name;
    const given = block.type === 'Input' && typeof name === 'string' && name in inputs;
    const pins: Record<string, unknown> = given ? { value: inputs[name as string] } : {};
    const readiness = resolveNodeInput({
      node,
      block,
      inboundLinks: index.inbound(node.id),
      pins: applyMask(pins, masks[node.id]),
      defaultCredentials: request.defaultCredentials,
    });
    if (readiness.status !== 'ready') {
      const message =
        readiness.status === 'waiting' ? `Missing input: ${readiness.missing.join(', ')}` : readiness.message;
      issues.push({
        node_id: node.id,
        field: readiness.status === 'waiting' ? readiness.missing[0] : undefined,
        message,
      });
      continue;
    }
    nodeExecutions.push({
      id: ids.newId(),
      nodeId: node.id,
      blockId: node.block_id,
      seq: nodeExecutions.length + 1,
      status: 'QUEUED',
      addedTime: ids.now,
      queuedTime: ids.now,
      executionData: readiness.data,
      inputs: Object.entries(pins).map(([pinName, value]) => ({ name: pinName, value })),
    });
  }
  if (issues.length > 0) throw new GraphValidationError(describe(issues), issues);
  if (nodeExecutions.length === 0) {
    throw new GraphValidationError('No starting nodes found for the graph', [
      {
        message: 'No starting nodes found for the graph: add an input block or a block without inbound links',
      },
    ]);
  }
  return {
    id: ids.runId,
    graphId: graph.id,
    graphVersion: graph.version,
    userId: request.userId,
    createdAt: ids.now,
    inputs,
    credentialInputs: request.credentialsInputs ?? {},
    nodesInputMasks: Object.keys(masks).length > 0 ? masks : null,
    parentGraphExecutionId: request.parentGraphExecutionId ?? null,
    presetId: request.presetId ?? null,
    stats: null,
    nodeExecutions,
  };
}

function describe(issues: readonly ValidationIssue[]): string {
  const first = issues[0];
  const where = first?.node_id
    ? ` (node ${first.node_id}${first.field ? `, field ${first.field}` : ''})`
    : '';
  const more = issues.length > 1 ? ` and ${issues.length - 1} more issue(s)` : '';
  return `The graph cannot run: ${first?.message ?? 'invalid'}${where}${more}`;
}
