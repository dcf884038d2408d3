/** Narrowing helpers for JSON-shaped data (the graph format is plain JSON, internals §2.2). */

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of arrays and plain objects; other values (primitives, class instances) are shared. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item)) as T;
  if (isRecord(value) && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: JsonObject = {};
    for (const [key, item] of Object.entries(value)) setOwn(copy, key, cloneJson(item));
    return copy as T;
  }
  return value;
}

/**
 * Defines an own, enumerable property. Keys come from user data (pin names, input fields), so a key such as
 * `__proto__` must become a plain property instead of replacing the object's prototype.
 */
export function setOwn(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The value of an own property, or undefined: inherited members such as `toString` never count. */
export function getOwn(target: JsonObject, key: string): unknown {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}

/** `schema.properties` of a JSON Schema object, or an empty object. */
export function propertiesOf(schema: unknown): Record<string, JsonObject> {
  if (!isRecord(schema) || !isRecord(schema.properties)) return {};
  const properties: Record<string, JsonObject> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    if (isRecord(property)) properties[name] = property;
  }
  return properties;
}

/** `schema.required` of a JSON Schema object (strings only), or an empty list. */
export function requiredOf(schema: unknown): string[] {
  if (!isRecord(schema) || !Array.isArray(schema.required)) return [];
  return schema.required.filter((name): name is string => typeof name === 'string');
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
