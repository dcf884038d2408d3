import type { BlockRegistry, JsonSchema, ToolTarget } from '@blockloom/sdk';
import { sanitizePinName, type GraphIndex } from '@blockloom/graph';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A function name the providers accept: letters, digits, `_` and `-`, at most 64 characters. */
function functionName(text: string): string {
  const name = text.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return (name || 'tool').slice(0, 64);
}

/**
 * The tools of a node that calls tools (SmartDecisionMaker): one per node linked from its `tools` pin, with
 * the linked input fields as parameters, typed from the target's input schema (an AgentExecutor target's
 * schema is its child graph's). Names are made unique in link order.
 */
export function toolTargets(index: GraphIndex, registry: BlockRegistry, nodeId: string): ToolTarget[] {
  const fieldsByNode = new Map<string, string[]>();
  for (const link of index.outbound(nodeId)) {
    if (sanitizePinName(link.source_name) !== 'tools') continue;
    const fields = fieldsByNode.get(link.sink_id) ?? [];
    if (!fields.includes(link.sink_name)) fields.push(link.sink_name);
    fieldsByNode.set(link.sink_id, fields);
  }
  const used = new Set<string>();
  const targets: ToolTarget[] = [];
  for (const [targetId, fields] of fieldsByNode) {
    const node = index.node(targetId);
    const block = node ? registry.get(node.block_id) : undefined;
    if (!node || !block) continue;
    const isAgent = block.type === 'Agent';
    const schema: JsonSchema = isAgent ? record(node.input_default.input_schema) : block.inputSchema;
    const properties = record(schema.properties);
    const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
    const parameters: JsonSchema = {
      type: 'object',
      properties: Object.fromEntries(
        fields.map((field) => [field, properties[sanitizePinName(field)] ?? {}]),
      ),
      required: fields.filter((field) => required.includes(sanitizePinName(field))),
    };
    const custom = node.metadata.customized_name;
    const agentName = node.input_default.agent_name;
    const label =
      typeof custom === 'string' ? custom : isAgent && typeof agentName === 'string' ? agentName : block.name;
    let name = functionName(label);
    for (let n = 2; used.has(name); n++) name = functionName(`${label}_${n}`);
    used.add(name);
    const description =
      isAgent && typeof node.input_default.description === 'string'
        ? node.input_default.description
        : block.description;
    targets.push({ nodeId: targetId, blockId: block.id, name, description, parameters, fields });
  }
  return targets;
}
