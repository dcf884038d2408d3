import {
  cloneJson,
  isCredentialsFieldName,
  isCredentialsSchema,
  isRecord,
  propertiesOf,
  setOwn,
  unwrapNullable,
} from './json-schema';
import { DICT_SPLIT, dictPinName } from './pins';
import type {
  ApiGraphLike,
  ApiLinkLike,
  ApiNodeLike,
  BlockLike,
  EditorGraph,
  EditorLink,
  EditorNode,
  Position,
} from './types';

export type { EditorGraph, EditorLink, EditorNode, Position } from './types';

/**
 * The editor graph as data, and pure edit operations on it. Every operation returns a new graph (unchanged
 * nodes and links are shared) or, when it has nothing to do or its arguments are invalid, the same graph
 * object: `next === graph` means "no change", so the caller pushes no history entry.
 */

/** Graph fields sent back unchanged on save; everything else top-level is computed or owned by the server. */
const KEPT_GRAPH_FIELDS = [
  'is_active',
  'instructions',
  'recommended_schedule_cron',
  'forked_from_id',
  'forked_from_version',
  'sub_graphs',
] as const;

/** The only keys a credentials value may carry in a saved graph (`CredentialsMetaInput`, internals §1.4). */
const CREDENTIALS_META_KEYS = ['id', 'title', 'provider', 'type'] as const;

export function emptyGraph(name = 'Untitled agent'): EditorGraph {
  return { name, description: '', nodes: [], links: [] };
}

function readPosition(value: unknown): Position {
  const x = isRecord(value) ? value.x : undefined;
  const y = isRecord(value) ? value.y : undefined;
  return {
    x: typeof x === 'number' && Number.isFinite(x) ? x : 0,
    y: typeof y === 'number' && Number.isFinite(y) ? y : 0,
  };
}

const linkKey = (link: Pick<EditorLink, 'source' | 'sourcePin' | 'target' | 'targetPin'>) =>
  JSON.stringify([link.source, link.sourcePin, link.target, link.targetPin]);

function fromApiLink(link: ApiLinkLike): EditorLink {
  const edge = {
    source: link.source_id,
    sourcePin: link.source_name,
    target: link.sink_id,
    targetPin: link.sink_name,
  };
  const id = typeof link.id === 'string' && link.id !== '' ? link.id : linkKey(edge);
  return { id, ...edge, isStatic: link.is_static === true };
}

function fromApiNode(node: ApiNodeLike): EditorNode {
  const { position, ...metadata } = isRecord(node.metadata) ? node.metadata : {};
  return {
    id: node.id,
    blockId: node.block_id,
    position: readPosition(position),
    inputs: cloneJson(isRecord(node.input_default) ? node.input_default : {}),
    metadata: cloneJson(metadata),
  };
}

/**
 * The editor graph of an API graph or exported agent file (internals §2.1-2.2). Links are the union of the
 * top-level `links` and every node's `input_links`/`output_links`, de-duplicated by their ends (AutoGPT's
 * link equality); a link without an id gets a stable one from its ends. A node without a position is put
 * at (0, 0) (see `needsLayout`). `metadata` other than `position` is kept as it is.
 */
export function fromApiGraph(graph: ApiGraphLike): EditorGraph {
  const nodes = (graph.nodes ?? []).map(fromApiNode);
  const rawLinks = [
    ...(graph.links ?? []),
    ...(graph.nodes ?? []).flatMap((node) => [...(node.input_links ?? []), ...(node.output_links ?? [])]),
  ];
  const seen = new Set<string>();
  const links: EditorLink[] = [];
  for (const raw of rawLinks) {
    const link = fromApiLink(raw);
    const key = linkKey(link);
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(link);
  }
  const result: EditorGraph = {
    name: typeof graph.name === 'string' ? graph.name : '',
    description: typeof graph.description === 'string' ? graph.description : '',
    nodes,
    links,
  };
  if (typeof graph.id === 'string' && graph.id !== '') result.id = graph.id;
  if (typeof graph.version === 'number') result.version = graph.version;
  const extra: Record<string, unknown> = {};
  for (const key of KEPT_GRAPH_FIELDS) {
    if (key in graph && graph[key] !== undefined) extra[key] = cloneJson(graph[key]);
  }
  if (Object.keys(extra).length > 0) result.extra = extra;
  return result;
}

export interface ApiLinkBody {
  id: string;
  source_id: string;
  sink_id: string;
  source_name: string;
  sink_name: string;
  is_static: boolean;
}

export interface ApiNodeBody {
  id: string;
  block_id: string;
  input_default: Record<string, unknown>;
  metadata: Record<string, unknown>;
  input_links: ApiLinkBody[];
  output_links: ApiLinkBody[];
}

/** The `graph` of `POST /api/graphs {graph}` and the body of `PUT /api/graphs/{id}`. */
export interface ApiGraphBody {
  id?: string;
  version?: number;
  name: string;
  description: string;
  nodes: ApiNodeBody[];
  links: ApiLinkBody[];
  [key: string]: unknown;
}

function credentialsMeta(value: Record<string, unknown>): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const key of CREDENTIALS_META_KEYS) if (value[key] !== undefined) meta[key] = value[key];
  return meta;
}

/**
 * A copy of node inputs safe to send: any credentials value (key `credentials` or `*_credentials`, at any
 * depth) keeps only `{id, title, provider, type}`, so a token, key or password that reached the editor's
 * state is never sent back.
 */
export function withoutCredentialSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutCredentialSecrets(item)) as T;
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const safe =
      isCredentialsFieldName(key) && isRecord(item) ? credentialsMeta(item) : withoutCredentialSecrets(item);
    setOwn(copy, key, safe);
  }
  return copy as T;
}

function toApiLink(link: EditorLink): ApiLinkBody {
  return {
    id: link.id,
    source_id: link.source,
    sink_id: link.target,
    source_name: link.sourcePin,
    sink_name: link.targetPin,
    is_static: link.isStatic,
  };
}

/**
 * The API body for saving (internals §2.2 import, §2.3 versions): nodes with `input_default` (credentials
 * reduced to their meta), `metadata` with `position`, and `input_links`/`output_links` derived from the
 * links; the top-level `links`; kept graph fields (`instructions`, `sub_graphs`, …). The server assigns
 * fresh node and link ids on save.
 */
export function toApiGraph(graph: EditorGraph): ApiGraphBody {
  const links = graph.links.map(toApiLink);
  const body: ApiGraphBody = {
    ...(graph.id !== undefined ? { id: graph.id } : {}),
    ...(graph.version !== undefined ? { version: graph.version } : {}),
    name: graph.name,
    description: graph.description,
    ...cloneJson(graph.extra ?? {}),
    nodes: graph.nodes.map((node) => ({
      id: node.id,
      block_id: node.blockId,
      input_default: withoutCredentialSecrets(cloneJson(node.inputs)),
      metadata: { ...cloneJson(node.metadata), position: { x: node.position.x, y: node.position.y } },
      input_links: links.filter((link) => link.sink_id === node.id),
      output_links: links.filter((link) => link.source_id === node.id),
    })),
    links,
  };
  return body;
}

function updateNode(
  graph: EditorGraph,
  nodeId: string,
  change: (node: EditorNode) => EditorNode,
): EditorGraph {
  let changed = false;
  const nodes = graph.nodes.map((node) => {
    if (node.id !== nodeId) return node;
    const next = change(node);
    changed ||= next !== node;
    return next;
  });
  return changed ? { ...graph, nodes } : graph;
}

/**
 * A new node's inputs: every schema default that is not null (a copy), as AutoGPT's builder pre-fills
 * them; credentials are left for the user to choose.
 */
export function defaultInputs(block: Pick<BlockLike, 'inputSchema'>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [name, property] of propertiesOf(block.inputSchema)) {
    const { schema } = unwrapNullable(property);
    if (isCredentialsSchema(schema, name)) continue;
    if (schema.default !== undefined && schema.default !== null)
      setOwn(inputs, name, cloneJson(schema.default));
  }
  return inputs;
}

// eslint-disable-next-line max-params -- the builder's contract: (graph, block, position, newId)
export function addNode(
  graph: EditorGraph,
  block: Pick<BlockLike, 'id' | 'inputSchema'>,
  position: Position,
  newId: string,
): EditorGraph {
  const node: EditorNode = {
    id: newId,
    blockId: block.id,
    position: { x: position.x, y: position.y },
    inputs: defaultInputs(block),
    metadata: {},
  };
  return { ...graph, nodes: [...graph.nodes, node] };
}

/** Sets the positions of the listed nodes; other nodes are shared unchanged. */
export function moveNodes(graph: EditorGraph, positions: Readonly<Record<string, Position>>): EditorGraph {
  let changed = false;
  const nodes = graph.nodes.map((node) => {
    const position = Object.hasOwn(positions, node.id) ? positions[node.id] : undefined;
    if (!position || (position.x === node.position.x && position.y === node.position.y)) return node;
    changed = true;
    return { ...node, position: { x: position.x, y: position.y } };
  });
  return changed ? { ...graph, nodes } : graph;
}

/** Sets one constant input; `undefined` removes the key. */
// eslint-disable-next-line max-params -- the builder's contract: (graph, nodeId, field, value)
export function setInput(graph: EditorGraph, nodeId: string, field: string, value: unknown): EditorGraph {
  return updateNode(graph, nodeId, (node) => {
    if (value === undefined) {
      if (!Object.hasOwn(node.inputs, field)) return node;
      const { [field]: _removed, ...inputs } = node.inputs;
      return { ...node, inputs };
    }
    if (Object.hasOwn(node.inputs, field) && node.inputs[field] === value) return node;
    const inputs = { ...node.inputs };
    setOwn(inputs, field, value);
    return { ...node, inputs };
  });
}

/**
 * Merges `patch` into a node's `metadata` (`customized_name`, `credentials_optional`, …); a key set to
 * `undefined` is removed. `position` is not metadata here: use `moveNodes`.
 */
export function setNodeMetadata(
  graph: EditorGraph,
  nodeId: string,
  patch: Readonly<Record<string, unknown>>,
): EditorGraph {
  return updateNode(graph, nodeId, (node) => {
    const metadata = { ...node.metadata };
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'position') continue;
      if (value === undefined) delete metadata[key];
      else setOwn(metadata, key, value);
    }
    return { ...node, metadata };
  });
}

/** Removes nodes and every link touching them. */
export function removeNodes(graph: EditorGraph, ids: Iterable<string>): EditorGraph {
  const gone = new Set(ids);
  if (!graph.nodes.some((node) => gone.has(node.id))) return graph;
  return {
    ...graph,
    nodes: graph.nodes.filter((node) => !gone.has(node.id)),
    links: graph.links.filter((link) => !gone.has(link.source) && !gone.has(link.target)),
  };
}

/** Adds a link as given (validate it first with `validateConnection`). */
export function connect(graph: EditorGraph, link: EditorLink): EditorGraph {
  return { ...graph, links: [...graph.links, { ...link }] };
}

export function disconnect(graph: EditorGraph, linkIds: Iterable<string>): EditorGraph {
  const gone = new Set(linkIds);
  const links = graph.links.filter((link) => !gone.has(link.id));
  return links.length === graph.links.length ? graph : { ...graph, links };
}

/** A link from a block with `staticOutput` is static: its last value is reused by every later run of the sink. */
export function staticLinkFor(block: Pick<BlockLike, 'staticOutput'> | undefined, _pin?: string): boolean {
  return block?.staticOutput === true;
}

const PIN_DELIMITERS = ['_$_', '_#_', '_@_'] as const;

/**
 * Why a dict key cannot be used, or undefined when it can: it must be non-empty and must not contain a
 * pin delimiter (`_#_`, `_$_`, `_@_`), which would make `values_#_KEY` address something else.
 */
export function dictKeyProblem(key: string): string | undefined {
  if (key.trim() === '') return 'Enter a key';
  if (PIN_DELIMITERS.some((delimiter) => key.includes(delimiter)))
    return 'A key cannot contain _#_, _$_ or _@_';
  return undefined;
}

/** Whether `pin` is `prefix` itself or `prefix` followed by a deeper path (`values_#_a_$_0`). */
const addresses = (pin: string, prefix: string) =>
  pin === prefix || PIN_DELIMITERS.some((delimiter) => pin.startsWith(prefix + delimiter));

function dictOf(node: EditorNode, field: string): Record<string, unknown> {
  const value = node.inputs[field];
  return isRecord(value) ? value : {};
}

/** Whether key `key` of dict field `field` exists on the node: in the dict, as a flattened input or a linked pin. */
function hasKey(graph: EditorGraph, node: EditorNode, entry: { field: string; key: string }): boolean {
  const { field, key } = entry;
  const pin = dictPinName(field, key);
  return (
    Object.hasOwn(dictOf(node, field), key) ||
    Object.keys(node.inputs).some((name) => addresses(name, pin)) ||
    graph.links.some((link) => link.target === node.id && addresses(link.targetPin, pin))
  );
}

/** One key of a key-value field on a node. */
export interface KeyValueRef {
  nodeId: string;
  field: string;
  key: string;
}

/**
 * Adds key `key` with `value` (default '') to the key-value field `field` (`values: {key: value}`; its pin is
 * `values_#_key`). No change when the key is invalid (`dictKeyProblem`) or already exists on the node.
 */
export function addKeyValue(graph: EditorGraph, entry: KeyValueRef & { value?: unknown }): EditorGraph {
  const { nodeId, field, key } = entry;
  const node = graph.nodes.find((each) => each.id === nodeId);
  if (!node || dictKeyProblem(key) !== undefined || hasKey(graph, node, { field, key })) return graph;
  return setKeyValue(graph, { nodeId, field, key, value: entry.value ?? '' });
}

/** Sets the value of key `key` of the key-value field `field`, adding the key if needed. */
export function setKeyValue(graph: EditorGraph, entry: KeyValueRef & { value: unknown }): EditorGraph {
  const { nodeId, field, key, value } = entry;
  if (dictKeyProblem(key) !== undefined) return graph;
  return updateNode(graph, nodeId, (node) => {
    const dict = { ...dictOf(node, field) };
    setOwn(dict, key, value);
    const inputs = { ...node.inputs };
    setOwn(inputs, field, dict);
    return { ...node, inputs };
  });
}

function renameInObject(
  object: Record<string, unknown>,
  rename: (key: string) => string,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) setOwn(copy, rename(key), value);
  return copy;
}

/**
 * Renames key `from` of the key-value field `field` to `to`, keeping its place: in the dict value, in
 * flattened inputs (`values_#_from`) and in the sink pins of links into the node (`values_#_from` ->
 * `values_#_to`, deeper paths too). No change when `to` is invalid or already used on the node.
 */
export function renameKey(
  graph: EditorGraph,
  rename: { nodeId: string; field: string; from: string; to: string },
): EditorGraph {
  const { nodeId, field, from, to } = rename;
  const node = graph.nodes.find((each) => each.id === nodeId);
  if (!node || from === to || dictKeyProblem(to) !== undefined || hasKey(graph, node, { field, key: to }))
    return graph;
  const oldPin = dictPinName(field, from);
  const newPin = dictPinName(field, to);
  const renamePin = (pin: string) => (addresses(pin, oldPin) ? newPin + pin.slice(oldPin.length) : pin);
  const nextNode = (() => {
    const inputs = renameInObject(node.inputs, renamePin);
    const dict = node.inputs[field];
    if (isRecord(dict) && Object.hasOwn(dict, from)) {
      setOwn(
        inputs,
        field,
        renameInObject(dict, (key) => (key === from ? to : key)),
      );
    }
    return { ...node, inputs };
  })();
  const links = graph.links.map((link) =>
    link.target === nodeId && addresses(link.targetPin, oldPin)
      ? { ...link, targetPin: renamePin(link.targetPin) }
      : link,
  );
  return { ...graph, nodes: graph.nodes.map((each) => (each.id === nodeId ? nextNode : each)), links };
}

/**
 * Removes key `key` of the key-value field `field`: from the dict value and flattened inputs, and the
 * links into its pin (a link to a pin that no longer exists would fail validation).
 */
export function removeKeyValue(graph: EditorGraph, entry: KeyValueRef): EditorGraph {
  const { nodeId, field, key } = entry;
  const node = graph.nodes.find((each) => each.id === nodeId);
  if (!node || !hasKey(graph, node, { field, key })) return graph;
  const pin = dictPinName(field, key);
  const inputs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.inputs)) {
    if (!addresses(name, pin)) setOwn(inputs, name, value);
  }
  const dict = node.inputs[field];
  if (isRecord(dict) && Object.hasOwn(dict, key)) {
    const { [key]: _removed, ...rest } = dict;
    setOwn(inputs, field, rest);
  }
  return {
    ...graph,
    nodes: graph.nodes.map((each) => (each.id === nodeId ? { ...node, inputs } : each)),
    links: graph.links.filter((link) => !(link.target === nodeId && addresses(link.targetPin, pin))),
  };
}

/** The keys of a key-value field on a node, in order: dict keys, then keys that exist only as pins. */
export function keysOf(graph: EditorGraph, nodeId: string, field: string): string[] {
  const node = graph.nodes.find((each) => each.id === nodeId);
  if (!node) return [];
  const keys = Object.keys(dictOf(node, field));
  const prefix = field + DICT_SPLIT;
  const pinKeys = [
    ...Object.keys(node.inputs),
    ...graph.links.filter((link) => link.target === nodeId).map((link) => link.targetPin),
  ]
    .filter((pin) => pin.startsWith(prefix))
    .map((pin) => pin.slice(prefix.length).split(/_\$_|_#_|_@_/)[0] ?? '')
    .filter((key) => key !== '');
  for (const key of pinKeys) if (!keys.includes(key)) keys.push(key);
  return keys;
}

export interface Clipboard {
  nodes: EditorNode[];
  /** Links whose both ends are among the copied nodes. */
  links: EditorLink[];
}

/** The selected nodes (deep copies, in graph order) and the links among them. */
export function copySelection(graph: EditorGraph, nodeIds: Iterable<string>): Clipboard {
  const ids = new Set(nodeIds);
  return {
    nodes: graph.nodes.filter((node) => ids.has(node.id)).map((node) => cloneJson(node)),
    links: graph.links
      .filter((link) => ids.has(link.source) && ids.has(link.target))
      .map((link) => ({ ...link })),
  };
}

export interface PasteOptions {
  /** Added to every pasted position; default (40, 40). */
  offset?: Position;
  /** A fresh id, called once per pasted node and link. */
  newId: () => string;
}

/** Adds the clipboard's nodes and links with fresh ids (links remapped to the new nodes), positions offset. */
export function paste(
  graph: EditorGraph,
  clipboard: Clipboard,
  options: PasteOptions,
): { graph: EditorGraph; newNodeIds: string[] } {
  const offset = options.offset ?? { x: 40, y: 40 };
  const ids = new Map<string, string>();
  const nodes = clipboard.nodes.map((node) => {
    const id = options.newId();
    ids.set(node.id, id);
    return {
      ...cloneJson(node),
      id,
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    };
  });
  const links: EditorLink[] = [];
  for (const link of clipboard.links) {
    const source = ids.get(link.source);
    const target = ids.get(link.target);
    if (source && target) links.push({ ...link, id: options.newId(), source, target });
  }
  return {
    graph: { ...graph, nodes: [...graph.nodes, ...nodes], links: [...graph.links, ...links] },
    newNodeIds: nodes.map((node) => node.id),
  };
}
