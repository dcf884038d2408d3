import { coerceValue, type JsonSchema } from '@blockloom/sdk';
import { isRecord } from '../shared/python';
import { schemaProblem } from './json-schema-check';

/**
 * The sub-agent's input and output schemas, which the builder copies into the AgentExecutor node's constant
 * inputs (`input_schema`, `output_schema`; internals §3.10). Every reader tolerates a missing schema.
 */
function schemaAt(inputDefault: Record<string, unknown>, key: 'input_schema' | 'output_schema'): JsonSchema {
  const schema = inputDefault[key];
  return isRecord(schema) ? schema : {};
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  return Object.fromEntries(
    Object.entries(properties).filter((entry): entry is [string, JsonSchema] => isRecord(entry[1])),
  );
}

/** The child's input names: the pins links into the node may use. */
export function childInputNames(inputDefault: Record<string, unknown>): string[] {
  return Object.keys(propertiesOf(schemaAt(inputDefault, 'input_schema')));
}

/** The child's output names: the pins the node may yield and links out of it may use. */
export function childOutputNames(inputDefault: Record<string, unknown>): string[] {
  return Object.keys(propertiesOf(schemaAt(inputDefault, 'output_schema')));
}

/** Required child inputs that `data` lacks (absent or null). */
export function missingChildInputs(
  data: Record<string, unknown>,
  inputDefault: Record<string, unknown>,
): string[] {
  const required = schemaAt(inputDefault, 'input_schema').required;
  if (!Array.isArray(required)) return [];
  return required.filter(
    (name): name is string => typeof name === 'string' && (data[name] === null || data[name] === undefined),
  );
}

/** Child inputs converted leniently to their declared types ("3" -> 3), as every other block's input is. */
export function coerceChildInputs(
  data: Record<string, unknown>,
  inputDefault: Record<string, unknown>,
): Record<string, unknown> {
  const properties = propertiesOf(schemaAt(inputDefault, 'input_schema'));
  return Object.fromEntries(
    Object.entries(data).map(([name, value]) => {
      const property = properties[name];
      return [name, property && value !== null ? coerceValue(property, value) : value];
    }),
  );
}

/** The first child input that breaks the child's input schema, as a message; undefined when all conform. */
export function childInputMismatch(
  data: Record<string, unknown>,
  inputDefault: Record<string, unknown>,
): string | undefined {
  const coerced = coerceChildInputs(data, inputDefault);
  for (const [name, property] of Object.entries(propertiesOf(schemaAt(inputDefault, 'input_schema')))) {
    if (!(name in coerced)) continue;
    const problem = schemaProblem(coerced[name], property, `'${name}'`);
    if (problem) return `Sub-agent input ${problem}`;
  }
  return undefined;
}
