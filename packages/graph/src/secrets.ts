import { isRecord, propertiesOf, setOwn, type JsonObject } from './json';

/** Key fragments that mark a value as secret on export (internals §2.2), matched on the lower-cased key. */
export const sensitiveKeyParts = ['credentials', 'api_key', 'password', 'token', 'secret'] as const;

export function isSensitiveKey(key: string): boolean {
  const lowered = key.toLowerCase();
  return sensitiveKeyParts.some((part) => lowered.includes(part));
}

/**
 * The member of a nullable or union schema that describes `kind` values: a pydantic `Optional[Model]`
 * becomes `anyOf: [{…object…}, {type: null}]`, whose `properties` sit one level down.
 */
function schemaFor(schema: unknown, kind: 'properties' | 'items'): unknown {
  if (!isRecord(schema) || kind in schema) return schema;
  for (const combinator of ['anyOf', 'oneOf', 'allOf']) {
    const members = schema[combinator];
    const member = Array.isArray(members) ? members.find((m) => isRecord(m) && kind in m) : undefined;
    if (member !== undefined) return member;
  }
  return schema;
}

function stripValue(value: unknown, schema: unknown): unknown {
  if (isRecord(value)) return stripSecrets(value, schemaFor(schema, 'properties'));
  if (Array.isArray(value)) {
    // Lists of objects are searched too: a secret inside `headers: [{token: …}]` must not leak either.
    const list = schemaFor(schema, 'items');
    const items = isRecord(list) ? list.items : undefined;
    return value.map((item) => stripValue(item, items));
  }
  return value;
}

/**
 * A copy of a node's `input_default` without secrets, as AutoGPT's export does (§2.2): a key goes when its
 * property schema says `secret: true` or its lower-cased name contains one of `sensitiveKeyParts`, at any
 * depth. Boolean values stay (v2026), so flags such as an input node's `secret: true` survive.
 * `schema` is the block's input schema; without it (unknown block) only the name rule applies.
 */
export function stripSecrets(inputDefault: JsonObject, schema?: unknown): JsonObject {
  const properties = propertiesOf(schema);
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(inputDefault)) {
    const property = Object.hasOwn(properties, key) ? properties[key] : undefined;
    const secret = property?.secret === true || isSensitiveKey(key);
    if (secret && typeof value !== 'boolean') continue;
    setOwn(kept, key, stripValue(value, property));
  }
  return kept;
}
