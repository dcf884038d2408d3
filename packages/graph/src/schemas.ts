import type { BlockRegistry, BlockType, JsonSchema } from '@blockloom/sdk';
import { propertiesOf } from './json';
import type { Graph, Node } from './model';

/** A graph's `input_schema` or `output_schema` (internals §2.2, "Computed-schema rules"). */
export interface GraphIoSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
  required: string[];
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Dropdown choices: `options` (AgentDropdownInput) or the legacy `placeholder_values`; `[]` is none. */
function choicesOf(inputDefault: Record<string, unknown>): unknown[] | undefined {
  for (const key of ['options', 'placeholder_values']) {
    const choices = inputDefault[key];
    if (Array.isArray(choices) && choices.length > 0) return [...choices];
  }
  return undefined;
}

/**
 * The property for one input or output node: the block's `value` field schema without its description and
 * default, then `advanced` (the node's flag, only while a value is set), `secret`, `title` (the node's title
 * or its name), `enum`, `description` and `default` (the value, when set). Keys are laid out in the order
 * AutoGPT's exports show them, so exported files diff cleanly against theirs.
 */
function ioProperty(valueSchema: JsonSchema, node: Node, name: string): JsonSchema {
  const settings = node.input_default;
  const value = settings.value ?? null;
  const {
    description: _description,
    default: _default,
    title: _title,
    advanced: _advanced,
    secret: _secret,
    ...schema
  } = valueSchema;
  const property: JsonSchema = {
    advanced: settings.advanced === true && value !== null,
    ...schema,
    secret: settings.secret === true,
    title: nonEmptyString(settings.title) ?? name,
  };
  const choices = choicesOf(settings);
  if (choices) property.enum = choices;
  const description = nonEmptyString(settings.description);
  if (description !== undefined) property.description = description;
  if (value !== null) property.default = value;
  return property;
}

function ioSchema(graph: Graph, registry: BlockRegistry, type: BlockType): GraphIoSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const node of graph.nodes) {
    const block = registry.get(node.block_id);
    const name = node.input_default.name;
    if (!block || block.type !== type || typeof name !== 'string') continue;
    properties[name] = ioProperty(propertiesOf(block.inputSchema).value ?? {}, node, name);
    const isRequired = (node.input_default.value ?? null) === null;
    const at = required.indexOf(name);
    // A later node with the same name replaces the earlier property; `required` follows it.
    if (isRequired && at < 0) required.push(name);
    if (!isRequired && at >= 0) required.splice(at, 1);
  }
  return { type: 'object', properties, required };
}

/** `input_schema`: one property per Input-block node, keyed by its `name`; required when it has no value. */
export function graphInputSchema(graph: Graph, registry: BlockRegistry): GraphIoSchema {
  return ioSchema(graph, registry, 'Input');
}

/** `output_schema`: one property per Output-block node, keyed by its `name`. */
export function graphOutputSchema(graph: Graph, registry: BlockRegistry): GraphIoSchema {
  return ioSchema(graph, registry, 'Output');
}
