import type { AnyBlock, BlockRegistry, JsonSchema } from '@blockloom/sdk';
import { getOwn, isRecord, propertiesOf, requiredOf, stringList } from './json';
import type { Graph, Node } from './model';

/** One credentials field of one node, with the providers its discriminator leaves (internals §2.2). */
export interface NodeCredentialsField {
  graphId: string;
  nodeId: string;
  field: string;
  /** The aggregated key `credentials_inputs` use for this field, e.g. `openai_api_key_credentials`. */
  key: string;
  providers: string[];
  types: string[];
  scopes: string[];
  discriminator?: string;
  discriminatorMapping?: Record<string, string>;
  /** The node's discriminator value, when it picked the provider. */
  discriminatorValue?: string;
  /** False when the node may run without it: `metadata.credentials_optional`, or the field has a default. */
  needed: boolean;
}

/** The aggregated key: sorted providers, then sorted types, joined by `_`, plus `_credentials` (§2.2). */
export function credentialsInputKey(providers: readonly string[], types: readonly string[]): string {
  return `${[...providers].sort().join('_')}_${[...types].sort().join('_')}_credentials`;
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function fieldUse(
  owner: { graphId: string; node: Node; block: AnyBlock },
  field: string,
): NodeCredentialsField | undefined {
  const { graphId, node, block } = owner;
  const properties = propertiesOf(block.inputSchema);
  const schema = properties[field];
  if (!schema) return undefined;
  let providers = stringList(schema.credentials_provider);
  const types = stringList(schema.credentials_types);
  const discriminator = typeof schema.discriminator === 'string' ? schema.discriminator : undefined;
  const mapping = stringMap(schema.discriminator_mapping);
  let discriminatorValue: string | undefined;
  if (discriminator !== undefined && mapping) {
    // The discriminator picks the provider: an LLM node's `model` (or the field's default) names one.
    const value = getOwn(node.input_default, discriminator) ?? properties[discriminator]?.default;
    const provider = typeof value === 'string' ? getOwn(mapping, value) : undefined;
    if (typeof value === 'string' && typeof provider === 'string') {
      providers = [provider];
      discriminatorValue = value;
    }
  }
  // pydantic gives an optional field a default (None), so "not required" and "has a default" are one case.
  const hasDefault = !requiredOf(block.inputSchema).includes(field) || schema.default !== undefined;
  return {
    graphId,
    nodeId: node.id,
    field,
    key: credentialsInputKey(providers, types),
    providers,
    types,
    scopes: stringList(schema.credentials_scopes),
    ...(discriminator === undefined ? {} : { discriminator }),
    ...(mapping === undefined ? {} : { discriminatorMapping: mapping }),
    ...(discriminatorValue === undefined ? {} : { discriminatorValue }),
    needed: node.metadata.credentials_optional !== true && !hasDefault,
  };
}

/**
 * Every credentials field of every node, root first, then each sub-graph; nodes whose block is unknown are
 * skipped. The engine maps a run's `credentials_inputs` onto node masks with the `key` of each.
 */
export function nodeCredentialsFields(
  graph: Graph & { sub_graphs?: Graph[] },
  registry: BlockRegistry,
): NodeCredentialsField[] {
  const uses: NodeCredentialsField[] = [];
  for (const each of [graph, ...(graph.sub_graphs ?? [])]) {
    for (const node of each.nodes) {
      const block = registry.get(node.block_id);
      for (const field of block?.credentialsFields ?? []) {
        const use = block && fieldUse({ graphId: each.id, node, block }, field);
        if (use) uses.push(use);
      }
    }
  }
  return uses;
}

/** `nodeCredentialsFields` reduced to what maps a `credentials_inputs` key onto a node's field. */
export function nodeCredentialsKeys(
  graph: Graph & { sub_graphs?: Graph[] },
  registry: BlockRegistry,
): { graphId: string; nodeId: string; field: string; key: string }[] {
  return nodeCredentialsFields(graph, registry).map(({ graphId, nodeId, field, key }) => ({
    graphId,
    nodeId,
    field,
    key,
  }));
}

export interface CredentialsInputSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
  required: string[];
}

/**
 * The title pydantic gives the credentials model, e.g.
 * `CredentialsMetaInput[Literal[<ProviderName.OPENAI: 'openai'>], Literal['api_key']]`. Reproduced so that
 * our `credentials_input_schema` equals the one in AutoGPT's exports.
 */
function credentialsTitle(providers: readonly string[], types: readonly string[]): string {
  const providerList = providers.map((p) => `<ProviderName.${p.toUpperCase()}: '${p}'>`).join(', ');
  const typeList = types.map((t) => `'${t}'`).join(', ');
  return `CredentialsMetaInput[Literal[${providerList}], Literal[${typeList}]]`;
}

function choice(values: readonly string[], title: string): JsonSchema {
  return values.length === 1
    ? { const: values[0], title, type: 'string' }
    : { enum: [...values], title, type: 'string' };
}

function credentialsProperty(uses: readonly NodeCredentialsField[]): JsonSchema {
  const [first] = uses;
  const providers = first ? [...first.providers].sort() : [];
  const types = first ? [...first.types].sort() : [];
  const scopes = [...new Set(uses.flatMap((use) => use.scopes))];
  const values = [
    ...new Set(uses.flatMap((use) => (use.discriminatorValue === undefined ? [] : [use.discriminatorValue]))),
  ];
  const withDiscriminator = uses.find((use) => use.discriminator !== undefined);
  return {
    credentials_provider: providers,
    credentials_types: types,
    properties: {
      id: { title: 'Id', type: 'string' },
      title: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Title' },
      provider: choice(providers, 'Provider'),
      type: choice(types, 'Type'),
    },
    required: ['id', 'provider', 'type'],
    title: credentialsTitle(providers, types),
    type: 'object',
    ...(scopes.length > 0 ? { credentials_scopes: scopes } : {}),
    ...(withDiscriminator
      ? {
          discriminator: withDiscriminator.discriminator,
          discriminator_mapping: withDiscriminator.discriminatorMapping,
        }
      : {}),
    discriminator_values: values,
  };
}

/**
 * `credentials_input_schema` (§2.2): the credentials fields of all nodes, sub-graphs included, grouped by
 * (provider set, type set) after discriminators pick providers, one property per group keyed by
 * `credentialsInputKey`. Scopes and discriminator values are unioned. A key is required when some node needs
 * it (neither `credentials_optional` nor a field default).
 */
export function graphCredentialsInputSchema(
  graph: Graph & { sub_graphs?: Graph[] },
  registry: BlockRegistry,
): CredentialsInputSchema {
  const groups = new Map<string, NodeCredentialsField[]>();
  for (const use of nodeCredentialsFields(graph, registry)) {
    const group = groups.get(use.key);
    if (group) group.push(use);
    else groups.set(use.key, [use]);
  }
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, uses] of groups) {
    properties[key] = credentialsProperty(uses);
    if (uses.some((use) => use.needed)) required.push(key);
  }
  return { type: 'object', properties, required };
}
