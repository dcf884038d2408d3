import type { BlockLike, BlockSource, JsonSchema } from './types';

/** Small helpers for reading JSON Schema nodes as plain data, shared by the editor modules. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Defines an own property, so a user-chosen key such as `__proto__` stays a plain key. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

export function getOwn(target: unknown, key: string): unknown {
  return isRecord(target) && Object.hasOwn(target, key) ? target[key] : undefined;
}

/** `schema.properties` in schema order (object members only). */
export function propertiesOf(schema: unknown): [string, JsonSchema][] {
  const properties = getOwn(schema, 'properties');
  if (!isRecord(properties)) return [];
  return Object.entries(properties).filter((entry): entry is [string, JsonSchema] => isRecord(entry[1]));
}

export function propertyOf(schema: unknown, name: string): JsonSchema | undefined {
  const property = getOwn(getOwn(schema, 'properties'), name);
  return isRecord(property) ? property : undefined;
}

export function requiredOf(schema: unknown): string[] {
  const required = getOwn(schema, 'required');
  return Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [];
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** "round_result" -> "Round Result", as pydantic titles fields. */
export function titleFromName(name: string): string {
  return name
    .split('_')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

const isNullSchema = (member: unknown) => isRecord(member) && member.type === 'null' && !('const' in member);

/**
 * A property schema without its "or null" part, and whether it had one:
 * - `anyOf`/`oneOf: [X, {type: 'null'}]` (pydantic `Optional[X]`) becomes X merged under the outer keys
 *   (title, description, default and hints stay);
 * - `type: ['string', 'null']` becomes `type: 'string'` (several non-null types stay a list).
 * Applied repeatedly, so `anyOf: [{anyOf: [A, B]}, null]` ends as `{anyOf: [A, B]}`.
 */
export function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  let current = schema;
  let nullable = false;
  for (let depth = 0; depth < 4; depth++) {
    const type = current.type;
    if (Array.isArray(type) && type.includes('null')) {
      const rest = type.filter((t) => t !== 'null');
      nullable = true;
      current = { ...current, type: rest.length === 1 ? rest[0] : rest };
      continue;
    }
    const combinator = (['anyOf', 'oneOf'] as const).find((key) => Array.isArray(current[key]));
    const members = combinator ? (current[combinator] as unknown[]) : undefined;
    if (!combinator || !members || !members.some(isNullSchema)) break;
    nullable = true;
    const others = members.filter((member) => !isNullSchema(member));
    const { [combinator]: _dropped, ...outer } = current;
    const only = others.length === 1 ? others[0] : undefined;
    if (isRecord(only)) current = { ...only, ...outer };
    else current = others.length === 0 ? outer : { ...outer, [combinator]: others };
  }
  return { schema: current, nullable };
}

/** The declared non-null JSON types of a schema (`type` string or list), without looking into unions. */
export function typesOf(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return schema.type === 'null' ? [] : [schema.type];
  if (Array.isArray(schema.type)) return stringList(schema.type).filter((t) => t !== 'null');
  return [];
}

/** The members of an `anyOf`/`oneOf` union (after `unwrapNullable`), or undefined. */
export function unionMembers(schema: JsonSchema): JsonSchema[] | undefined {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members)) return members.filter(isRecord);
  }
  return undefined;
}

/** A credentials field is named `credentials` or `*_credentials` (internals §1.4). */
export function isCredentialsFieldName(name: string): boolean {
  return name === 'credentials' || name.endsWith('_credentials');
}

/** A credentials input: the schema carries `credentials_provider` (or the field follows the name rule). */
export function isCredentialsSchema(schema: JsonSchema, name?: string): boolean {
  if ('credentials_provider' in schema || 'credentials_types' in schema) return true;
  return name !== undefined && isCredentialsFieldName(name) && typesOf(schema).includes('object');
}

export function lookupBlock(blocks: BlockSource, id: string): BlockLike | undefined {
  if (blocks instanceof Map) return blocks.get(id);
  return (blocks as readonly BlockLike[]).find((block) => block.id === id);
}

/** A deep copy of JSON data (plain objects and arrays); other values are shared. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item)) as T;
  if (isRecord(value) && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(copy, key, cloneJson(item));
    return copy as T;
  }
  return value;
}
