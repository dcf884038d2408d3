import {
  isCredentialsSchema,
  isRecord,
  lookupBlock,
  propertiesOf,
  propertyOf,
  requiredOf,
  titleFromName,
  typesOf,
  unionMembers,
  unwrapNullable,
} from './json-schema';
import type { BlockLike, BlockSource, EditorGraph, EditorLink, EditorNode, JsonSchema } from './types';

/**
 * Pins (a node's connectable inputs and outputs), their types, and the connection rules the builder
 * enforces while the user drags a link.
 */

/** Dynamic pin delimiters (internals §3.6), exact. */
export const LIST_SPLIT = '_$_';
export const DICT_SPLIT = '_#_';
export const OBJC_SPLIT = '_@_';
/** Tool pins of SmartDecisionMaker-style blocks (`tools_^_{node}_~_{field}`) all count as `tools`. */
export const TOOL_PIN_PREFIX = 'tools_^_';
export const TOOLS_PIN = 'tools';

export type PinType =
  'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'any' | 'credentials';
export type DynamicPinKind = 'dict' | 'list' | 'object';

export interface DynamicPinRef {
  base: string;
  kind: DynamicPinKind | null;
  /** What follows the first delimiter (`NAME` in `values_#_NAME`, `a_$_1` in `r_#_a_$_1`); null for a plain pin. */
  key: string | null;
}

export interface Pin {
  name: string;
  title: string;
  type: PinType;
  /** The pin's value schema ("or null" removed). */
  schema: JsonSchema;
  /** Inputs: listed in the schema's `required` (for Agent nodes: the child's required inputs). */
  required: boolean;
  advanced: boolean;
  hidden: boolean;
  /** Set for dynamic pins (`values_#_NAME`, `items_$_0`, `obj_@_attr`). */
  dynamic?: { base: string; kind: DynamicPinKind; key: string };
}

const DELIMITER = /_\$_|_#_|_@_/;
const KIND_OF: Record<string, DynamicPinKind> = {
  [LIST_SPLIT]: 'list',
  [DICT_SPLIT]: 'dict',
  [OBJC_SPLIT]: 'object',
};
const SPLIT_OF: Record<DynamicPinKind, string> = { list: LIST_SPLIT, dict: DICT_SPLIT, object: OBJC_SPLIT };

/** Splits a pin name at its first delimiter. A tool pin is `tools`; an empty base or key is no split. */
export function splitDynamicPin(pin: string): DynamicPinRef {
  if (pin.startsWith(TOOL_PIN_PREFIX)) return { base: TOOLS_PIN, kind: null, key: null };
  const match = DELIMITER.exec(pin);
  if (!match || match.index === 0) return { base: pin, kind: null, key: null };
  const key = pin.slice(match.index + match[0].length);
  if (key === '') return { base: pin, kind: null, key: null };
  return { base: pin.slice(0, match.index), kind: KIND_OF[match[0]] ?? null, key };
}

/** The field a pin name feeds or reads (AutoGPT's "sanitized" name, internals §2.4). */
export function basePinName(pin: string): string {
  return splitDynamicPin(pin).base;
}

export function dynamicPinName(base: string, kind: DynamicPinKind, key: string | number): string {
  return `${base}${SPLIT_OF[kind]}${key}`;
}

/** `values` + `NAME` -> `values_#_NAME`. */
export function dictPinName(field: string, key: string): string {
  return dynamicPinName(field, 'dict', key);
}

/** `items` + 2 -> `items_$_2`. */
export function listPinName(field: string, index: number): string {
  return dynamicPinName(field, 'list', index);
}

/** A short label for messages: `values_#_NAME` -> `values.NAME`, `items_$_0` -> `items[0]`. */
export function pinLabel(pin: string): string {
  if (pin.startsWith(TOOL_PIN_PREFIX)) return pin;
  const [base, ...rest] = pin.split(/(_\$_|_#_|_@_)/);
  let label = base ?? pin;
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const key = rest[i + 1] ?? '';
    label += rest[i] === LIST_SPLIT ? `[${key}]` : `.${key}`;
  }
  return label;
}

/** The connection type of a value schema. Unions of different types and untyped schemas are `any`. */
export function pinTypeOf(schema: JsonSchema, name?: string): PinType {
  const { schema: inner } = unwrapNullable(schema);
  if (isCredentialsSchema(inner, name)) return 'credentials';
  const types = typesOf(inner);
  if (types.length === 1) {
    const [type] = types;
    if (
      type === 'string' ||
      type === 'number' ||
      type === 'integer' ||
      type === 'boolean' ||
      type === 'object' ||
      type === 'array'
    ) {
      return type;
    }
    return 'any';
  }
  if (types.length > 1) return 'any';
  if (Array.isArray(inner.enum) && inner.enum.length > 0) {
    const kinds = new Set(inner.enum.map((value) => typeof value));
    if (kinds.size === 1 && kinds.has('string')) return 'string';
    if (kinds.size === 1 && kinds.has('number')) return 'number';
    return 'any';
  }
  const members = unionMembers(inner);
  if (members && members.length > 0) {
    const memberTypes = new Set(
      members.map((member) => ('const' in member ? constType(member.const) : pinTypeOf(member))),
    );
    const [only] = memberTypes;
    return memberTypes.size === 1 && only !== undefined ? only : 'any';
  }
  return 'any';
}

function constType(value: unknown): PinType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return 'any';
}

/** The schema one step into `schema`: a dict value or object property, or a list item (`{}` when unknown). */
function stepSchema(schema: JsonSchema, kind: DynamicPinKind, key: string): JsonSchema {
  const { schema: inner } = unwrapNullable(schema);
  if (kind === 'list') return isRecord(inner.items) ? inner.items : {};
  const property = propertyOf(inner, key);
  if (property) return property;
  return isRecord(inner.additionalProperties) ? inner.additionalProperties : {};
}

/** The schema addressed by a whole dynamic path under a base schema (`a_$_1_#_b`). */
function pathSchema(base: JsonSchema, path: string): JsonSchema {
  let schema = base;
  let rest = path;
  for (let depth = 0; depth < 16 && rest !== ''; depth++) {
    const match = DELIMITER.exec(rest);
    const kind = match ? KIND_OF[match[0]] : undefined;
    if (!match || match.index !== 0 || !kind) break;
    const after = rest.slice(match[0].length);
    const next = DELIMITER.exec(after);
    const key = next ? after.slice(0, next.index) : after;
    schema = stepSchema(schema, kind, key);
    rest = next ? after.slice(next.index) : '';
  }
  return schema;
}

type NodeLike = Pick<EditorNode, 'id' | 'inputs'>;

function childSchema(node: NodeLike | undefined, key: 'input_schema' | 'output_schema'): JsonSchema {
  const schema = node?.inputs[key];
  return isRecord(schema) ? schema : {};
}

function basePin(name: string, property: JsonSchema, required: boolean): Pin {
  const { schema } = unwrapNullable(property);
  return {
    name,
    title: typeof schema.title === 'string' && schema.title !== '' ? schema.title : titleFromName(name),
    type: pinTypeOf(schema, name),
    schema,
    required,
    advanced: schema.advanced === true && !required,
    hidden: schema.hidden === true,
  };
}

function dynamicPin(base: Pin, name: string): Pin {
  const ref = splitDynamicPin(name);
  // A legacy tool pin (`tools_^_{node}_~_{field}`) is the `tools` pin under another name.
  if (!ref.kind || ref.key === null) return { ...base, name, title: name };
  const schema = pathSchema(base.schema, name.slice(ref.base.length));
  return {
    name,
    title: ref.kind === 'list' ? `${base.title} [${ref.key}]` : ref.key,
    type: pinTypeOf(schema),
    schema,
    required: false,
    advanced: false,
    hidden: false,
    dynamic: { base: ref.base, kind: ref.kind, key: ref.key },
  };
}

/** Whether a base field is a dict whose keys are pins (`additionalProperties`, no fixed properties). */
function isDictField(schema: JsonSchema): boolean {
  const hasProperties = isRecord(schema.properties) && Object.keys(schema.properties).length > 0;
  return (
    !hasProperties &&
    typesOf(schema).includes('object') &&
    (schema.additionalProperties === true || isRecord(schema.additionalProperties))
  );
}

/** The declared (non-dynamic) pins of one side of a node, in schema order. */
function declaredPins(block: BlockLike, node: NodeLike | undefined, side: 'input' | 'output'): Pin[] {
  const isAgent = block.uiType === 'Agent';
  if (side === 'input') {
    const schema = isAgent ? childSchema(node, 'input_schema') : block.inputSchema;
    const required = new Set(requiredOf(schema));
    if (isAgent) {
      // A child input with a value under `inputs` is provided (internals §3.10).
      const given = node?.inputs.inputs;
      for (const name of isRecord(given) ? Object.keys(given) : []) required.delete(name);
    }
    return propertiesOf(schema).map(([name, property]) => basePin(name, property, required.has(name)));
  }
  const schemas = isAgent ? [childSchema(node, 'output_schema'), block.outputSchema] : [block.outputSchema];
  const pins = new Map<string, Pin>();
  for (const schema of schemas) {
    for (const [name, property] of propertiesOf(schema)) {
      if (!pins.has(name)) pins.set(name, basePin(name, property, false));
    }
  }
  return [...pins.values()];
}

const listIndex = (name: string) => Number.parseInt(splitDynamicPin(name).key ?? '', 10) || 0;

/** Declared pins followed, each, by its dynamic pins, in the order the names were found. */
function withDynamicPins(declared: Pin[], names: readonly string[]): Pin[] {
  const byBase = new Map<string, string[]>();
  for (const name of names) {
    const { base, kind } = splitDynamicPin(name);
    if (name === base || (kind === null && !name.startsWith(TOOL_PIN_PREFIX))) continue;
    const list = byBase.get(base) ?? [];
    if (!list.includes(name)) list.push(name);
    byBase.set(base, list);
  }
  return declared.flatMap((pin) => {
    const dynamic = byBase.get(pin.name) ?? [];
    const ordered = dynamic.every((name) => splitDynamicPin(name).kind === 'list')
      ? [...dynamic].sort((a, b) => listIndex(a) - listIndex(b))
      : dynamic;
    return [pin, ...ordered.map((name) => dynamicPin(pin, name))];
  });
}

/**
 * A node's input pins: the block's input fields in schema order (an Agent node's are its child graph's
 * inputs, `inputs.input_schema`), each followed by the dynamic pins that exist on this node:
 * the keys of a key-value field's dict value (`values: {NAME: …}` -> `values_#_NAME`), flattened keys
 * already in the node's inputs (`values_#_NAME`), and the sink pins of links into the node.
 * Credentials fields are pins of type `credentials` (never connectable).
 */
export function inputPins(block: BlockLike, node: NodeLike, links: readonly EditorLink[] = []): Pin[] {
  const declared = declaredPins(block, node, 'input');
  const names: string[] = [];
  for (const pin of declared) {
    const value = node.inputs[pin.name];
    if (isDictField(pin.schema) && isRecord(value)) {
      names.push(...Object.keys(value).map((key) => dictPinName(pin.name, key)));
    }
  }
  names.push(...Object.keys(node.inputs));
  names.push(...links.filter((link) => link.target === node.id).map((link) => link.targetPin));
  return withDynamicPins(declared, names);
}

/**
 * A node's output pins: the block's output schema (plus, for an Agent node, the child graph's outputs,
 * `inputs.output_schema`), each followed by the sub-value pins (`result_#_key`) that links out of the node use.
 */
export function outputPins(block: BlockLike, node?: NodeLike, links: readonly EditorLink[] = []): Pin[] {
  const declared = declaredPins(block, node, 'output');
  const names = node ? links.filter((link) => link.source === node.id).map((link) => link.sourcePin) : [];
  return withDynamicPins(declared, names);
}

/** The pin a name denotes on a node, or undefined when its base is not a pin of that side. */
export function findPin(
  block: BlockLike,
  node: NodeLike,
  query: { side: 'input' | 'output'; pin: string; links?: readonly EditorLink[] },
): Pin | undefined {
  const pins =
    query.side === 'input' ? inputPins(block, node, query.links) : outputPins(block, node, query.links);
  const exact = pins.find((pin) => pin.name === query.pin);
  if (exact) return exact;
  const ref = splitDynamicPin(query.pin);
  const base = pins.find((pin) => pin.name === ref.base);
  if (!base) return undefined;
  return ref.kind || query.pin.startsWith(TOOL_PIN_PREFIX) ? dynamicPin(base, query.pin) : undefined;
}

export type ConnectResult = { ok: true } | { ok: false; reason: string };

const NOUNS: Record<PinType, string> = {
  string: 'text',
  number: 'number',
  integer: 'whole number',
  boolean: 'true/false',
  object: 'object',
  array: 'list',
  any: 'value',
  credentials: 'credentials',
};
const withArticle = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/**
 * Which source type may feed which sink type. This mirrors the engine's lenient coercion before input
 * validation (`coerceValue` in packages/sdk/src/schema.ts), so the builder never refuses a link the engine
 * would run:
 * - `any` on either side connects (the value's real type is known only at run time);
 * - a text sink takes everything (scalars become text, objects and lists become JSON text);
 * - number <-> integer connect (a whole number is an integer; 2.5 into an integer fails at run time);
 * - a boolean feeds number and integer inputs (true -> 1, false -> 0);
 * - text feeds every type: "10" becomes 10, "true"/"false" a boolean, JSON text a list or object; text that
 *   does not convert fails at run time, not here;
 * - refused: number/integer -> boolean, object <-> list, and object or list -> number/integer/boolean, which
 *   the engine never converts;
 * - credentials are chosen in the node form and never connect.
 * `labels` name the pins in the reason: "Cannot connect a list (items) to a number input (a)".
 */
export function canConnect(
  sourceType: PinType,
  sinkType: PinType,
  labels: { source?: string; sink?: string } = {},
): ConnectResult {
  const sinkLabel = labels.sink ? ` (${labels.sink})` : '';
  const sourceLabel = labels.source ? ` (${labels.source})` : '';
  if (sinkType === 'credentials' || sourceType === 'credentials') {
    return {
      ok: false,
      reason: `Credentials${sinkLabel} cannot be linked: choose them in the node's settings`,
    };
  }
  if (sourceType === 'any' || sinkType === 'any' || sourceType === sinkType) return { ok: true };
  if (sinkType === 'string' || sourceType === 'string') return { ok: true };
  const numeric = (type: PinType) => type === 'number' || type === 'integer';
  if (numeric(sinkType) && (numeric(sourceType) || sourceType === 'boolean')) return { ok: true };
  return {
    ok: false,
    reason: `Cannot connect ${withArticle(NOUNS[sourceType])}${sourceLabel} to ${withArticle(NOUNS[sinkType])} input${sinkLabel}`,
  };
}

export interface Connection {
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle: string;
}

/**
 * Checks a link the user is about to make, in this order: both nodes exist and their blocks are installed;
 * the output and input pins exist (a new dynamic pin such as `values_#_NEW` exists when its base does);
 * the link is not a duplicate; the input has no link yet (AutoGPT feeds an input from one link only);
 * the pin types connect (`canConnect`). A link from a node to itself is allowed (loops such as a
 * conversation fed back into the same LLM block).
 */
export function validateConnection(
  graph: Pick<EditorGraph, 'nodes' | 'links'>,
  blocks: BlockSource,
  connection: Connection,
): ConnectResult {
  const { source, sourceHandle, target, targetHandle } = connection;
  const sourceNode = graph.nodes.find((node) => node.id === source);
  const targetNode = graph.nodes.find((node) => node.id === target);
  if (!sourceNode || !targetNode) return { ok: false, reason: 'The node no longer exists' };
  const sourceBlock = lookupBlock(blocks, sourceNode.blockId);
  if (!sourceBlock) return { ok: false, reason: `Block ${sourceNode.blockId} is not installed` };
  const targetBlock = lookupBlock(blocks, targetNode.blockId);
  if (!targetBlock) return { ok: false, reason: `Block ${targetNode.blockId} is not installed` };
  const links = graph.links;
  const out = findPin(sourceBlock, sourceNode, { side: 'output', pin: sourceHandle, links });
  if (!out) return { ok: false, reason: `${sourceBlock.name} has no output "${pinLabel(sourceHandle)}"` };
  const into = findPin(targetBlock, targetNode, { side: 'input', pin: targetHandle, links });
  if (!into) return { ok: false, reason: `${targetBlock.name} has no input "${pinLabel(targetHandle)}"` };
  const labels = { source: pinLabel(sourceHandle), sink: pinLabel(targetHandle) };
  if (into.type === 'credentials') return canConnect(out.type, into.type, labels);
  const incoming = links.filter((link) => link.target === target && link.targetPin === targetHandle);
  if (incoming.some((link) => link.source === source && link.sourcePin === sourceHandle)) {
    return { ok: false, reason: 'These pins are already connected' };
  }
  if (incoming.length > 0) {
    return { ok: false, reason: `${labels.sink} already has a link; remove it first` };
  }
  return canConnect(out.type, into.type, labels);
}
