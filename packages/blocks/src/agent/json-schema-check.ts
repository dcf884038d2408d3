import type { JsonSchema } from '@blockloom/sdk';
import { isRecord, pyEquals } from '../shared/python';

/**
 * A small JSON Schema check for a sub-agent's inputs against the child graph's input schema: `type`, `enum`,
 * `const`, `anyOf`/`oneOf`/`allOf`, and `items`/`properties`/`required` inside. Formats, patterns and
 * numeric ranges are not checked; graph input schemas rarely carry them and the child's own input blocks
 * validate again.
 */

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return isRecord(value) ? 'object' : typeof value;
}

function hasType(value: unknown, type: unknown): boolean {
  const actual = jsonTypeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return typeof type !== 'string' || actual === type;
}

function declaredTypes(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return [];
}

function members(schema: JsonSchema, key: 'anyOf' | 'oneOf' | 'allOf'): JsonSchema[] {
  const list = schema[key];
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

function nestedProblem(value: unknown, schema: JsonSchema, path: string): string | undefined {
  if (Array.isArray(value) && isRecord(schema.items)) {
    const items = schema.items;
    for (const [index, item] of value.entries()) {
      const problem = schemaProblem(item, items, `${path}[${index}]`);
      if (problem) return problem;
    }
  }
  if (isRecord(value)) {
    const required = Array.isArray(schema.required) ? schema.required : [];
    const absent = required.find((key) => typeof key === 'string' && !(key in value));
    if (absent !== undefined) return `${path}.${String(absent)} is required`;
    const properties = isRecord(schema.properties) ? schema.properties : {};
    for (const [key, property] of Object.entries(properties)) {
      if (!isRecord(property) || !(key in value)) continue;
      const problem = schemaProblem(value[key], property, `${path}.${key}`);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The first way `value` breaks `schema`, as a message naming `path`; undefined when it conforms. */
export function schemaProblem(value: unknown, schema: JsonSchema, path: string): string | undefined {
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => pyEquals(option, value))) {
    return `${path} must be one of ${JSON.stringify(schema.enum)}`;
  }
  if ('const' in schema && !pyEquals(schema.const, value))
    return `${path} must be ${JSON.stringify(schema.const)}`;
  const types = declaredTypes(schema);
  if (types.length > 0 && !types.some((type) => hasType(value, type))) {
    return `${path} must be of type ${types.join(' or ')}, got ${jsonTypeOf(value)}`;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = members(schema, key);
    if (options.length > 0 && options.every((option) => schemaProblem(value, option, path) !== undefined)) {
      const allowed = options.flatMap(declaredTypes);
      const detail = allowed.length > 0 ? `of type ${allowed.join(' or ')}` : 'one of the allowed shapes';
      return `${path} must be ${detail}, got ${jsonTypeOf(value)}`;
    }
  }
  for (const part of members(schema, 'allOf')) {
    const problem = schemaProblem(value, part, path);
    if (problem) return problem;
  }
  return nestedProblem(value, schema, path);
}
