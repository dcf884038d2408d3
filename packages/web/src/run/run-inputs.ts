import { ApiError, errorMessage, type Schemas } from '../api/client';
import { isRecord, titleFromName } from '../editor/json-schema';
import { fieldsForSchema, type FieldSpec } from '../editor/schema-form';

/**
 * The run dialog's logic, framework-free: the fields of a graph's `input_schema` and
 * `credentials_input_schema`, the inputs remembered per graph, the request body, and the server's refusal
 * turned into a sentence and errors per field.
 */

export type Graph = Schemas['Graph'];
export type RunValues = Record<string, unknown>;

/** The credentials value a run sends per credentials field (`credentials_inputs`, internals §5). */
export interface CredentialsChoice {
  id: string;
  provider: string;
  type: 'api_key' | 'oauth2' | 'user_password' | 'host_scoped';
  title?: string | null;
}
export type CredentialsChoices = Record<string, CredentialsChoice>;

/** The inputs a person fills in to run the graph, in schema order; hidden ones are left out. */
export function runInputFields(graph: Pick<Graph, 'input_schema'>): FieldSpec[] {
  return fieldsForSchema(graph.input_schema).filter((field) => !field.hidden);
}

/** Makes a credentials title readable: the schema's is pydantic's class name (`CredentialsMetaInput[…]`). */
function credentialsTitle(name: string, schemaTitle: string): string {
  if (schemaTitle !== '' && !schemaTitle.startsWith('CredentialsMetaInput')) return schemaTitle;
  return titleFromName(name).replace(/\bApi\b/g, 'API');
}

/** The credentials the graph's nodes need, one field per provider (`credentials_input_schema`). */
export function runCredentialFields(graph: Pick<Graph, 'credentials_input_schema'>): FieldSpec[] {
  return fieldsForSchema(graph.credentials_input_schema).map((field) => ({
    ...field,
    kind: 'credentials',
    title: credentialsTitle(field.name, typeof field.schema.title === 'string' ? field.schema.title : ''),
  }));
}

const INPUTS_KEY = 'blockloom.run-inputs.';
const CREDENTIALS_KEY = 'blockloom.run-credentials.';

function readRecord(key: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function writeRecord(key: string, value: Record<string, unknown>): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the dialog simply starts empty next time.
  }
}

const credentialsTypes: readonly unknown[] = [
  'api_key',
  'oauth2',
  'user_password',
  'host_scoped',
] satisfies readonly CredentialsChoice['type'][];

/** Whether a value (a credentials picker's, or one read back from storage) is a credentials choice. */
export const isCredentialsChoice = (value: unknown): value is CredentialsChoice =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.provider === 'string' &&
  credentialsTypes.includes(value.type);

/** The inputs and credentials of the graph's last run from this browser, limited to the fields it has now. */
export function loadRememberedRun(
  graphId: string,
  fields: readonly FieldSpec[],
  credentialFields: readonly FieldSpec[],
): { values: RunValues; credentials: CredentialsChoices } {
  const storedValues = readRecord(INPUTS_KEY + graphId);
  const storedCredentials = readRecord(CREDENTIALS_KEY + graphId);
  const values: RunValues = {};
  for (const field of fields) {
    if (!field.secret && Object.hasOwn(storedValues, field.name))
      values[field.name] = storedValues[field.name];
  }
  const credentials: CredentialsChoices = {};
  for (const field of credentialFields) {
    const choice = storedCredentials[field.name];
    if (isCredentialsChoice(choice)) credentials[field.name] = choice;
  }
  return { values, credentials };
}

/** Remembers a run's inputs for the next one; secret inputs are never written to the browser's storage. */
export function rememberRun(
  graphId: string,
  request: { inputs: RunValues; credentials_inputs: CredentialsChoices },
  fields: readonly FieldSpec[],
): void {
  const secret = new Set(fields.filter((field) => field.secret).map((field) => field.name));
  writeRecord(
    INPUTS_KEY + graphId,
    Object.fromEntries(Object.entries(request.inputs).filter(([name]) => !secret.has(name))),
  );
  writeRecord(CREDENTIALS_KEY + graphId, request.credentials_inputs);
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The request body of `POST /api/graphs/{id}/execute/{version}`: unset inputs are left out (the graph's
 * defaults apply), and so are credentials left on "platform default" (the server picks them).
 */
export function buildRunRequest(
  fields: readonly FieldSpec[],
  values: RunValues,
  credentials: CredentialsChoices,
): { inputs: RunValues; credentials_inputs: CredentialsChoices } {
  const inputs: RunValues = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value !== undefined) inputs[field.name] = value;
  }
  return { inputs, credentials_inputs: { ...credentials } };
}

/** "X is required" for each required input without a value or a default, by field name. */
export function missingRequired(fields: readonly FieldSpec[], values: RunValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (field.required && isBlank(values[field.name]) && isBlank(field.defaultValue)) {
      errors[field.name] = `${field.title} is required`;
    }
  }
  return errors;
}

export interface RunRefusal {
  /** The sentence to show above the form. */
  message: string;
  /** Errors the server tied to one of the inputs, by input name. */
  fields: Record<string, string>;
}

interface IssueLike {
  field?: unknown;
  message?: unknown;
}

function issuesOf(detail: unknown): IssueLike[] {
  if (isRecord(detail) && Array.isArray(detail.issues)) return detail.issues.filter(isRecord);
  return [];
}

/** A request validation failure (422): pydantic's `[{loc, msg}]`. */
function validationMessages(detail: unknown): string[] {
  if (!Array.isArray(detail)) return [];
  return detail.filter(isRecord).map((item) => {
    const where = Array.isArray(item.loc) ? item.loc.filter((part) => part !== 'body').join('.') : '';
    const text = typeof item.msg === 'string' ? item.msg : 'Invalid value';
    return where ? `${where}: ${text}` : text;
  });
}

/**
 * A user-facing sentence for an API error: `errorMessage`, except that a request validation failure (422)
 * lists pydantic's `[{loc, msg}]` items, which the client leaves in `detail`.
 */
export function describeApiError(error: unknown): string {
  const messages = error instanceof ApiError ? validationMessages(error.detail) : [];
  if (messages.length > 0) return `Invalid request: ${messages.join('; ')}`;
  return errorMessage(error);
}

/**
 * Why the server refused to start the run: a graph validation error lists its issues and places those about
 * an input under that input.
 */
export function runRefusal(error: unknown, inputNames: readonly string[]): RunRefusal {
  const issues = error instanceof ApiError ? issuesOf(error.detail) : [];
  if (issues.length === 0) return { message: describeApiError(error), fields: {} };
  const fields: Record<string, string> = {};
  const texts = new Set<string>();
  for (const issue of issues) {
    const text = typeof issue.message === 'string' ? issue.message : 'Invalid graph';
    texts.add(text);
    if (typeof issue.field === 'string' && inputNames.includes(issue.field)) fields[issue.field] ??= text;
  }
  return { message: `The agent cannot run: ${[...texts].join('; ')}.`, fields };
}
