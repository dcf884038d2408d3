import { z } from 'zod';

/** A JSON Schema node as plain data. */
export type JsonSchema = { [key: string]: unknown };

/** UI hints a field may carry through `.meta({...})` (internals §1.5). */
export interface FieldHints {
  title?: string;
  description?: string;
  placeholder?: string;
  advanced?: boolean;
  secret?: boolean;
  hidden?: boolean;
  depends_on?: string[];
  format?: string;
}

const combinators = ['allOf', 'anyOf', 'oneOf'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `#/...` JSON pointers inside `root`, inlining every `$ref` (a cycle is cut to `{}`). */
function inlineRefs(node: unknown, root: JsonSchema, seen: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(item, root, seen));
  if (!isRecord(node)) return node;
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#')) {
    if (seen.includes(ref)) return {};
    const target = ref
      .slice(1)
      .split('/')
      .filter(Boolean)
      .reduce<unknown>((at, key) => (isRecord(at) ? at[decodeURIComponent(key)] : undefined), root);
    const { $ref: _ref, ...rest } = node;
    const resolved = inlineRefs(target ?? {}, root, [...seen, ref]);
    return { ...(isRecord(resolved) ? resolved : {}), ...(inlineRefs(rest, root, seen) as JsonSchema) };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inlineRefs(value, root, seen)]));
}

/** Drops every `$`-key and merges single-element combinators into their parent (internals §1.5 steps 3-4). */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!isRecord(node)) return node;
  let out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('$')) continue;
    out[key] = simplify(value);
  }
  for (const combinator of combinators) {
    const members = out[combinator];
    if (Array.isArray(members) && members.length === 1 && isRecord(members[0])) {
      const { [combinator]: _dropped, ...rest } = out;
      out = { ...(members[0] as JsonSchema), ...rest };
    }
  }
  // zod writes `propertyNames: {type: "string"}` for string-keyed records; pydantic never does.
  if (
    isRecord(out.propertyNames) &&
    Object.keys(out.propertyNames).length <= 1 &&
    out.propertyNames.type === 'string'
  ) {
    delete out.propertyNames;
  }
  return out;
}

/** "round_result" -> "Round Result", as pydantic titles fields. */
export function titleFromName(name: string): string {
  return name
    .split('_')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The JSON Schema of a zod schema, post-processed the way AutoGPT serves block schemas: refs inlined,
 * `$` keys dropped, single-element combinators collapsed.
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const raw = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    reused: 'inline',
    cycles: 'ref',
  }) as JsonSchema;
  return simplify(inlineRefs(raw, raw)) as JsonSchema;
}

/**
 * An input object schema as the UI receives it: each property gets a title and the `advanced` hint (false when
 * the field has no default; otherwise what the field says, default false), and the object is open to
 * dynamic pins.
 */
export function inputJsonSchema(schema: z.ZodObject): JsonSchema {
  const json = toJsonSchema(schema, 'input');
  const properties = isRecord(json.properties) ? json.properties : {};
  const required = new Set(Array.isArray(json.required) ? (json.required as string[]) : []);
  for (const [name, property] of Object.entries(properties)) {
    if (!isRecord(property)) continue;
    property.title ??= titleFromName(name);
    const hasDefault = 'default' in property;
    property.advanced = hasDefault && !required.has(name) ? property.advanced === true : false;
  }
  delete json.additionalProperties;
  return json;
}

/** The output schema: one property per pin. */
export function outputJsonSchema(outputs: Record<string, z.ZodType>): JsonSchema {
  const properties: JsonSchema = {};
  for (const [pin, schema] of Object.entries(outputs)) {
    const property = toJsonSchema(schema, 'output');
    property.title ??= titleFromName(pin);
    properties[pin] = property;
  }
  return {
    type: 'object',
    properties,
    required: Object.keys(outputs).filter((pin) => pin !== 'error'),
  };
}

function typesOf(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  for (const combinator of combinators) {
    const members = schema[combinator];
    if (Array.isArray(members)) return members.flatMap((m) => (isRecord(m) ? typesOf(m) : []));
  }
  return [];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Lenient conversion of one value to a property's declared type, as AutoGPT's executor does before
 * validation: "10" -> 10 for a number, JSON text -> list or object, scalars -> text for a string. A value
 * that can't be converted is returned unchanged, so validation names the field.
 */
export function coerceValue(property: JsonSchema, value: unknown): unknown {
  const types = typesOf(property);
  if (types.length === 0 || value === undefined) return value;
  const actual = jsonType(value);
  if (types.includes(actual) || (actual === 'integer' && types.includes('number'))) return value;
  for (const type of types) {
    if ((type === 'number' || type === 'integer') && typeof value === 'string' && value.trim() !== '') {
      const number = Number(value.trim());
      if (Number.isFinite(number) && (type === 'number' || Number.isInteger(number))) return number;
    }
    if ((type === 'number' || type === 'integer') && typeof value === 'boolean') return value ? 1 : 0;
    if (type === 'boolean' && typeof value === 'string') {
      const lowered = value.trim().toLowerCase();
      if (lowered === 'true') return true;
      if (lowered === 'false') return false;
    }
    if ((type === 'array' || type === 'object') && typeof value === 'string') {
      const parsed = tryParseJson(value);
      if (parsed !== undefined && jsonType(parsed) === type) return parsed;
    }
    if (type === 'string' && value !== null) {
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }
  return value;
}

/** Applies `coerceValue` to every top-level field the object schema declares. */
export function coerceInput(schema: JsonSchema, data: Record<string, unknown>): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const out: Record<string, unknown> = { ...data };
  for (const [name, value] of Object.entries(data)) {
    const property = properties[name];
    if (isRecord(property)) out[name] = coerceValue(property, value);
  }
  return out;
}
