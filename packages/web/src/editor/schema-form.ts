import {
  isCredentialsSchema,
  isRecord,
  propertiesOf,
  requiredOf,
  stringList,
  titleFromName,
  typesOf,
  unionMembers,
  unwrapNullable,
} from './json-schema';
import type { BlockLike, JsonSchema } from './types';

/**
 * Block input schema -> form-field descriptors (internals §1.4-1.5). Framework-free: the React node form
 * renders one widget per `FieldSpec.kind`.
 */

export type FieldKind =
  | 'text'
  | 'long-text'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'date'
  | 'time'
  | 'datetime'
  /** An object with fixed properties, a union of containers, or an object of unknown shape: edited as JSON. */
  | 'json'
  | 'list'
  /** A dict (`additionalProperties`): each key is also a dynamic input pin `name_#_key`. */
  | 'key-value'
  | 'credentials'
  | 'file'
  /** No type at all (AgentInputBlock.value, StoreValueBlock.data) or a union the form cannot narrow. */
  | 'any';

export interface FieldOption {
  value: unknown;
  label: string;
}

export interface CredentialsSpec {
  providers: string[];
  /** `api_key`, `oauth2`, `user_password`, `host_scoped`. */
  types: string[];
  scopes?: string[];
  /** The field whose value picks the provider (an LLM block's `model`). */
  discriminator?: string;
  /** Discriminator value -> provider. */
  discriminatorMapping?: Record<string, string>;
}

export interface FieldSpec {
  name: string;
  title: string;
  description?: string;
  kind: FieldKind;
  /** Listed in the schema's `required`. */
  required: boolean;
  /** The schema accepts null (`Optional[X]`). */
  nullable: boolean;
  /** Shown only with "advanced" on. A required field is never advanced. */
  advanced: boolean;
  hidden: boolean;
  defaultValue?: unknown;
  placeholder?: string;
  options?: FieldOption[];
  /** Free-text suggestions from the schema's `examples` (e.g. model names); the value is not limited to them. */
  suggestions?: string[];
  secret?: boolean;
  /** Inclusive bounds for number and integer fields. */
  min?: number;
  max?: number;
  /** True when `min` comes from `exclusiveMinimum` on a number field (the value must be greater). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  minLength?: number;
  maxLength?: number;
  /** `list`: the schema of one item. */
  itemSchema?: JsonSchema;
  /** `key-value`: the schema of one value. */
  valueSchema?: JsonSchema;
  credentials?: CredentialsSpec;
  /** Whether an input pin for this field accepts links (credentials never do). */
  connectable: boolean;
  /** The property schema with its "or null" part removed. */
  schema: JsonSchema;
}

/**
 * Long-text rule, decided here: a plain string field (no enum) is multi-line when its `format` is
 * `long-text`, `textarea` or `multiline`, or, when it has no format, when its name is one of
 * `LONG_TEXT_WORDS` or ends with `_` + one of them (`sys_prompt`, `negative_prompt`). `format: short-text`
 * always stays single-line.
 */
export const LONG_TEXT_WORDS = [
  'prompt',
  'text',
  'template',
  'code',
  'body',
  'content',
  'contents',
  'message',
  'comment',
] as const;
const LONG_TEXT_FORMATS = new Set(['long-text', 'textarea', 'multiline']);

function isLongTextName(name: string): boolean {
  const lowered = name.toLowerCase();
  return LONG_TEXT_WORDS.some((word) => lowered === word || lowered.endsWith(`_${word}`));
}

/** zod writes ±Number.MAX_SAFE_INTEGER as an integer's bounds; they mean "no bound" to a person. */
const meaningfulBound = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER;

function enumOptions(schema: JsonSchema): FieldOption[] | undefined {
  if (Array.isArray(schema.enum)) {
    return schema.enum
      .filter((value) => value !== null)
      .map((value: unknown) => ({ value, label: String(value) }));
  }
  const members = unionMembers(schema);
  if (members && members.length > 0 && members.every((member) => 'const' in member)) {
    return members
      .filter((member) => member.const !== null)
      .map((member) => ({
        value: member.const,
        label: typeof member.title === 'string' ? member.title : String(member.const),
      }));
  }
  if ('const' in schema && schema.const !== null && schema.const !== undefined) {
    return [{ value: schema.const, label: String(schema.const) }];
  }
  return undefined;
}

function stringKind(name: string, schema: JsonSchema): FieldKind {
  switch (schema.format) {
    case 'file':
      return 'file';
    case 'date':
      return 'date';
    case 'time':
      return 'time';
    case 'date-time':
      return 'datetime';
    case 'short-text':
      return 'text';
    default:
      if (typeof schema.format === 'string' && LONG_TEXT_FORMATS.has(schema.format)) return 'long-text';
      return schema.format === undefined && isLongTextName(name) ? 'long-text' : 'text';
  }
}

function isDictSchema(schema: JsonSchema): boolean {
  const additional = schema.additionalProperties;
  const hasProperties = isRecord(schema.properties) && Object.keys(schema.properties).length > 0;
  return !hasProperties && (additional === true || isRecord(additional));
}

/** The form kind of one (already unwrapped) property schema. */
export function fieldKindOf(name: string, schema: JsonSchema): FieldKind {
  if (isCredentialsSchema(schema, name)) return 'credentials';
  if (enumOptions(schema)) return 'enum';
  if (schema.format === 'file') return 'file';
  const types = typesOf(schema);
  if (types.length > 1) {
    // A value of several types: text when text is one of them (the engine turns scalars into text),
    // JSON when all are containers, otherwise anything.
    if (types.includes('string')) return 'text';
    return types.every((t) => t === 'object' || t === 'array') ? 'json' : 'any';
  }
  switch (types[0] ?? '') {
    case 'string':
      return stringKind(name, schema);
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'list';
    case 'object':
      return isDictSchema(schema) ? 'key-value' : 'json';
    default:
      break;
  }
  const members = unionMembers(schema);
  if (members && members.length > 0) {
    const kinds = members.map((member) => fieldKindOf(name, unwrapNullable(member).schema));
    if (kinds.every((kind) => kind === 'json' || kind === 'list' || kind === 'key-value')) return 'json';
    const first = kinds[0];
    if (first !== undefined && kinds.every((kind) => kind === first)) return first;
  }
  return 'any';
}

function credentialsSpec(schema: JsonSchema): CredentialsSpec {
  const spec: CredentialsSpec = {
    providers: stringList(schema.credentials_provider),
    types: stringList(schema.credentials_types),
  };
  const scopes = stringList(schema.credentials_scopes);
  if (scopes.length > 0) spec.scopes = scopes;
  if (typeof schema.discriminator === 'string') spec.discriminator = schema.discriminator;
  if (isRecord(schema.discriminator_mapping)) {
    spec.discriminatorMapping = Object.fromEntries(
      Object.entries(schema.discriminator_mapping).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  }
  return spec;
}

function addBounds(spec: FieldSpec, schema: JsonSchema): void {
  const integer = spec.kind === 'integer';
  if (meaningfulBound(schema.minimum)) spec.min = schema.minimum;
  if (meaningfulBound(schema.maximum)) spec.max = schema.maximum;
  if (meaningfulBound(schema.exclusiveMinimum)) {
    spec.min = integer ? Math.floor(schema.exclusiveMinimum) + 1 : schema.exclusiveMinimum;
    if (!integer) spec.minExclusive = true;
  }
  if (meaningfulBound(schema.exclusiveMaximum)) {
    spec.max = integer ? Math.ceil(schema.exclusiveMaximum) - 1 : schema.exclusiveMaximum;
    if (!integer) spec.maxExclusive = true;
  }
}

/** The field descriptor of one input property. */
export function fieldSpec(name: string, property: JsonSchema, required: boolean): FieldSpec {
  const { schema, nullable } = unwrapNullable(property);
  const kind = fieldKindOf(name, schema);
  const spec: FieldSpec = {
    name,
    title: typeof schema.title === 'string' && schema.title !== '' ? schema.title : titleFromName(name),
    kind,
    required,
    nullable,
    advanced: schema.advanced === true && !required,
    hidden: schema.hidden === true,
    connectable: kind !== 'credentials',
    schema,
  };
  if (typeof schema.description === 'string' && schema.description !== '') {
    spec.description = schema.description;
  }
  if ('default' in schema) spec.defaultValue = schema.default;
  if (typeof schema.placeholder === 'string') spec.placeholder = schema.placeholder;
  if (schema.secret === true) spec.secret = true;
  const options = kind === 'enum' ? enumOptions(schema) : undefined;
  if (options) spec.options = options;
  const suggestions = stringList(schema.examples);
  if (kind !== 'enum' && suggestions.length > 0) spec.suggestions = suggestions;
  if (kind === 'number' || kind === 'integer') addBounds(spec, schema);
  if (typeof schema.minLength === 'number') spec.minLength = schema.minLength;
  if (typeof schema.maxLength === 'number') spec.maxLength = schema.maxLength;
  if (kind === 'list') spec.itemSchema = isRecord(schema.items) ? schema.items : {};
  if (kind === 'key-value') {
    spec.valueSchema = isRecord(schema.additionalProperties) ? schema.additionalProperties : {};
  }
  if (kind === 'credentials') spec.credentials = credentialsSpec(schema);
  return spec;
}

/** One descriptor per input property of the block, in schema order. */
export function fieldsForBlock(block: Pick<BlockLike, 'inputSchema'>): FieldSpec[] {
  return fieldsForSchema(block.inputSchema);
}

/** One descriptor per property of an object schema (an Agent node's child `input_schema`, for instance). */
export function fieldsForSchema(schema: JsonSchema): FieldSpec[] {
  const required = new Set(requiredOf(schema));
  return propertiesOf(schema).map(([name, property]) => fieldSpec(name, property, required.has(name)));
}

export interface VisibleFieldsOptions {
  showAdvanced: boolean;
  /** Fields shown even when advanced (for example, fields with an issue). */
  alwaysShow?: Iterable<string>;
}

/** The fields a node form shows: never hidden ones; advanced ones only when asked (or listed in `alwaysShow`). */
export function visibleFields(fields: readonly FieldSpec[], options: VisibleFieldsOptions): FieldSpec[] {
  const always = new Set(options.alwaysShow ?? []);
  return fields.filter(
    (field) => !field.hidden && (options.showAdvanced || !field.advanced || always.has(field.name)),
  );
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; message: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d)(\.\d+)?)?$/;

function isValidDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseNumber(spec: FieldSpec, raw: unknown): ParseResult {
  const number = typeof raw === 'number' ? raw : Number(String(raw).trim());
  const label = spec.title;
  if (typeof raw === 'boolean' || !Number.isFinite(number)) {
    return { ok: false, message: `${label} must be a number` };
  }
  if (spec.kind === 'integer' && !Number.isInteger(number)) {
    return { ok: false, message: `${label} must be a whole number` };
  }
  if (spec.min !== undefined && (spec.minExclusive ? number <= spec.min : number < spec.min)) {
    return {
      ok: false,
      message: `${label} must be ${spec.minExclusive ? 'greater than' : 'at least'} ${spec.min}`,
    };
  }
  if (spec.max !== undefined && (spec.maxExclusive ? number >= spec.max : number > spec.max)) {
    return {
      ok: false,
      message: `${label} must be ${spec.maxExclusive ? 'less than' : 'at most'} ${spec.max}`,
    };
  }
  return { ok: true, value: number };
}

function jsonKindOf(value: unknown): 'object' | 'list' | 'other' {
  if (Array.isArray(value)) return 'list';
  return isRecord(value) ? 'object' : 'other';
}

function parseJson(spec: FieldSpec, raw: unknown): ParseResult {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `${spec.title} is not valid JSON: ${reason}` };
    }
  }
  const kind = jsonKindOf(value);
  if (spec.kind === 'list' && kind !== 'list') {
    return { ok: false, message: `${spec.title} must be a JSON list, e.g. ["a", "b"]` };
  }
  if (spec.kind === 'key-value' && kind !== 'object') {
    return { ok: false, message: `${spec.title} must be a JSON object, e.g. {"key": "value"}` };
  }
  if (spec.kind === 'json') {
    const types = typesOf(spec.schema);
    const wanted = types.length > 0 ? types : ['object', 'array'];
    const fits =
      (kind === 'object' && wanted.includes('object')) || (kind === 'list' && wanted.includes('array'));
    if (!fits && !unionMembers(spec.schema)) {
      const shape = wanted.includes('object') ? 'a JSON object' : 'a JSON list';
      return { ok: false, message: `${spec.title} must be ${shape}` };
    }
  }
  return { ok: true, value };
}

function parseText(spec: FieldSpec, raw: unknown): ParseResult {
  const text = typeof raw === 'string' ? raw : formatFieldValue(spec, raw);
  if (spec.minLength !== undefined && text.length < spec.minLength) {
    return { ok: false, message: `${spec.title} must be at least ${spec.minLength} characters` };
  }
  if (spec.maxLength !== undefined && text.length > spec.maxLength) {
    return { ok: false, message: `${spec.title} must be at most ${spec.maxLength} characters` };
  }
  return { ok: true, value: text };
}

function parseEnum(spec: FieldSpec, raw: unknown): ParseResult {
  const options = spec.options ?? [];
  const option = options.find(
    (candidate) => candidate.value === raw || String(candidate.value) === String(raw),
  );
  if (option) return { ok: true, value: option.value };
  const shown = options.map((candidate) => candidate.label).join(', ');
  return { ok: false, message: `${spec.title} must be one of: ${shown}` };
}

function parseBoolean(spec: FieldSpec, raw: unknown): ParseResult {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const text = String(raw).trim().toLowerCase();
  if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
  return { ok: false, message: `${spec.title} must be true or false` };
}

function parseTemporal(spec: FieldSpec, text: string): ParseResult {
  if (spec.kind === 'date' && !isValidDate(text)) {
    return { ok: false, message: `${spec.title} must be a date like 2024-12-31` };
  }
  if (spec.kind === 'time' && !TIME.test(text)) {
    return { ok: false, message: `${spec.title} must be a time like 13:45 or 13:45:30` };
  }
  if (spec.kind === 'datetime') {
    const datePart = text.slice(0, 10);
    if (!isValidDate(datePart) || text[10] !== 'T' || Number.isNaN(Date.parse(text))) {
      return { ok: false, message: `${spec.title} must be a date and time like 2024-12-31T13:45` };
    }
  }
  return { ok: true, value: text };
}

/**
 * Turns what the user typed into the value to store in `input_default`.
 * - Blank input (empty or spaces only) of a number, integer, JSON, list, key-value, date/time or enum field
 *   gives `{ok: true, value: undefined}`: "unset"; `setInput` then removes the key. Text keeps '' as typed.
 * - number/integer: a finite number within the schema's bounds; integer must be whole.
 * - json/list/key-value: JSON text of the right shape (an already-parsed value is checked the same way).
 * - date (YYYY-MM-DD), time (HH:MM[:SS]), datetime (ISO 8601 with a `T`): kept as the trimmed text.
 * - boolean: a boolean or the text "true"/"false". enum: one of the option values (given or as text).
 * - text, long-text, file: the text as typed. any: text stays text (the engine converts on run).
 * - credentials: passed through; the credentials picker builds the value.
 * A failure's message names the field by its title: "A must be a number".
 */
export function parseFieldValue(spec: FieldSpec, raw: unknown): ParseResult {
  const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  const unset: ParseResult = { ok: true, value: undefined };
  switch (spec.kind) {
    case 'text':
    case 'long-text':
    case 'file':
      return raw === undefined || raw === null ? unset : parseText(spec, raw);
    case 'any':
    case 'credentials':
      return { ok: true, value: raw ?? undefined };
    case 'boolean':
      return blank ? unset : parseBoolean(spec, raw);
    case 'number':
    case 'integer':
      return blank ? unset : parseNumber(spec, raw);
    case 'json':
    case 'list':
    case 'key-value':
      return blank ? unset : parseJson(spec, raw);
    case 'enum':
      return blank ? unset : parseEnum(spec, raw);
    case 'date':
    case 'time':
    case 'datetime':
      return blank ? unset : parseTemporal(spec, String(raw).trim());
  }
}

/** The text an input box shows for a stored value: the inverse of `parseFieldValue` ('' for unset). */
export function formatFieldValue(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  switch (spec.kind) {
    case 'json':
    case 'list':
    case 'key-value':
    case 'any':
    case 'credentials':
    case 'text':
    case 'long-text':
    case 'file':
      return typeof value === 'object' ? JSON.stringify(value, null, 2) : String(value);
    case 'number':
    case 'integer':
    case 'boolean':
    case 'enum':
    case 'date':
    case 'time':
    case 'datetime':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
