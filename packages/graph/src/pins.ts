import { getOwn, isRecord, setOwn, type JsonObject } from './json';

/**
 * Dynamic pin naming (internals §3.6, must match exactly per §10.3). A pin name such as `values_#_TOPIC` or
 * `result_#_a_$_1` addresses a part of a value: on a link's source it selects a sub-value of an output, on
 * its sink it fills a part of an input.
 */

/** List index: `items_$_3`. */
export const LIST_SPLIT = '_$_';
/** Dict key: `values_#_NAME`. */
export const DICT_SPLIT = '_#_';
/** Object attribute: `obj_@_attr`. */
export const OBJC_SPLIT = '_@_';

/** Tool pins emitted by SmartDecisionMaker-style blocks: `tools_^_{sinkNodeId}_~_{field}`. */
export const TOOL_PIN_PREFIX = 'tools_^_';
export const TOOL_PIN_SEPARATOR = '_~_';
/** The source pin name links from a tool-calling block use; every tool pin sanitises to it. */
export const TOOLS_PIN = 'tools';

export const pinDelimiters = [LIST_SPLIT, DICT_SPLIT, OBJC_SPLIT] as const;
export type PinDelimiter = (typeof pinDelimiters)[number];

/** One step of a pin path: a delimiter and the identifier that follows it. */
export interface PinPathStep {
  delimiter: PinDelimiter;
  key: string;
}

const DELIMITER = /_\$_|_#_|_@_/;
const DELIMITERS = /_\$_|_#_|_@_/g;
/** List indexes are non-negative decimal integers; see `parseListIndex`. */
const LIST_INDEX = /^\d+$/;
/**
 * Merging pads a list with nulls up to the index, so an index is capped: a pin named `items_$_999999999`
 * would otherwise allocate a billion-element list in the engine. AutoGPT has no cap.
 */
export const MAX_LIST_INDEX = 100_000;

/** The base field a pin name feeds: cut at the first delimiter; every tool pin counts as `tools` (§2.4). */
export function sanitizePinName(name: string): string {
  if (name.startsWith(TOOL_PIN_PREFIX)) return TOOLS_PIN;
  const match = DELIMITER.exec(name);
  return match ? name.slice(0, match.index) : name;
}

/** The name a tool-calling block gives the value meant for `field` of node `sinkNodeId`. */
export function toolPinName(sinkNodeId: string, field: string): string {
  return `${TOOL_PIN_PREFIX}${sinkNodeId}${TOOL_PIN_SEPARATOR}${field}`;
}

/** The target of a tool pin name, or undefined when the name is not one. */
export function parseToolPinName(name: string): { sinkNodeId: string; field: string } | undefined {
  if (!name.startsWith(TOOL_PIN_PREFIX)) return undefined;
  const rest = name.slice(TOOL_PIN_PREFIX.length);
  const at = rest.indexOf(TOOL_PIN_SEPARATOR);
  if (at <= 0 || at + TOOL_PIN_SEPARATOR.length >= rest.length) return undefined;
  return { sinkNodeId: rest.slice(0, at), field: rest.slice(at + TOOL_PIN_SEPARATOR.length) };
}

/**
 * Tokenises the part of a pin name after its base into `(delimiter, identifier)` steps: each chunk starts
 * with a delimiter and runs to the next one. Undefined when `path` does not start with a delimiter or an
 * identifier is empty (both are invalid, §3.6).
 */
export function parsePinPath(path: string): PinPathStep[] | undefined {
  const steps: PinPathStep[] = [];
  const matcher = new RegExp(DELIMITERS);
  let match = matcher.exec(path);
  if (!match || match.index !== 0) return undefined;
  while (match) {
    const start = match.index + match[0].length;
    const next = matcher.exec(path);
    const key = path.slice(start, next ? next.index : path.length);
    if (key === '') return undefined;
    steps.push({ delimiter: match[0] as PinDelimiter, key });
    match = next;
  }
  return steps;
}

/** Splits a dynamic pin name into its base and steps; undefined for a plain name or a malformed path. */
export function splitPinName(name: string): { base: string; steps: PinPathStep[] } | undefined {
  const match = DELIMITER.exec(name);
  if (!match || match.index === 0) return undefined;
  const steps = parsePinPath(name.slice(match.index));
  return steps ? { base: name.slice(0, match.index), steps } : undefined;
}

/**
 * A list index, or undefined. Decision: only non-negative decimal integers count. AutoGPT parses with
 * Python's `int()`, which also takes `-1`; a negative index is treated as out of range here, so
 * `_$_-1` never silently reads the last element.
 */
export function parseListIndex(key: string): number | undefined {
  return LIST_INDEX.test(key) ? Number(key) : undefined;
}

export type OutputSelection = { hit: true; value: unknown } | { hit: false };
const MISS: OutputSelection = { hit: false };

/** One step of a selector walk: list index (in range), dict key or attribute (own properties only). */
function readStep(current: unknown, step: PinPathStep): OutputSelection {
  if (step.delimiter === LIST_SPLIT) {
    const index = parseListIndex(step.key);
    if (!Array.isArray(current) || index === undefined || index >= current.length) return MISS;
    return { hit: true, value: current[index] };
  }
  // `_#_` and `_@_` read the same thing from JSON data: a plain object has no attributes besides its keys.
  if (!isRecord(current) || !Object.hasOwn(current, step.key)) return MISS;
  return { hit: true, value: current[step.key] };
}

/**
 * The value a link with source pin `selector` takes from an output (AutoGPT's `parse_execution_output`):
 * 1. a tool pin `tools_^_{node}_~_{field}` goes only to the link whose source is `tools` and whose sink
 *    node and pin are the ones named (a legacy link naming the full tool pin matches it exactly);
 * 2. a selector equal to the output name takes the whole value, null included;
 * 3. otherwise the selector must be the output name followed by a valid path, walked step by step. A step
 *    that fails, or a walk that ends on null, is a miss: the original returns None for both and the executor
 *    skips the link, so only an exact-name null passes (§10.4).
 */
export function parseExecutionOutput(
  output: { name: string; value: unknown },
  selector: string,
  sink?: { nodeId: string; pin: string },
): OutputSelection {
  if (selector === output.name) return { hit: true, value: output.value };
  const tool = parseToolPinName(output.name);
  if (tool) {
    const routed = selector === TOOLS_PIN && sink?.nodeId === tool.sinkNodeId && sink.pin === tool.field;
    return routed ? { hit: true, value: output.value } : MISS;
  }
  if (!selector.startsWith(output.name)) return MISS;
  const steps = parsePinPath(selector.slice(output.name.length));
  if (!steps) return MISS;
  let current: OutputSelection = { hit: true, value: output.value };
  for (const step of steps) {
    current = readStep(current.value, step);
    if (!current.hit) return MISS;
  }
  return current.value === null || current.value === undefined ? MISS : current;
}

/** State of one merge: the containers it created itself, which it may therefore write to. */
interface MergeState {
  key: string;
  value: unknown;
  owned: WeakSet<object>;
}

function ownedList(container: unknown, state: MergeState): unknown[] {
  if (Array.isArray(container) && state.owned.has(container)) return container;
  const list: unknown[] = Array.isArray(container) ? [...container] : [];
  state.owned.add(list);
  return list;
}

function ownedObject(container: unknown, state: MergeState): JsonObject {
  if (isRecord(container) && state.owned.has(container)) return container;
  const object: JsonObject = isRecord(container) ? { ...container } : {};
  state.owned.add(object);
  return object;
}

/**
 * Writes the state's value at `steps` inside `container` and returns the new container. Containers that
 * came from the input are copied before the first write; a value of the wrong kind on the path (a string
 * where a list is needed) is replaced by a fresh container.
 */
function assignPath(container: unknown, steps: readonly PinPathStep[], state: MergeState): unknown {
  const [step, ...rest] = steps;
  if (!step) return state.value;
  if (step.delimiter === LIST_SPLIT) {
    const index = parseListIndex(step.key);
    if (index === undefined) throw new Error(`Invalid list index "${step.key}" in input pin "${state.key}"`);
    if (index > MAX_LIST_INDEX) {
      throw new Error(
        `List index ${index} in input pin "${state.key}" exceeds the limit of ${MAX_LIST_INDEX}`,
      );
    }
    const list = ownedList(container, state);
    while (list.length <= index) list.push(null);
    list[index] = assignPath(list[index], rest, state);
    return list;
  }
  const object = ownedObject(container, state);
  setOwn(object, step.key, assignPath(getOwn(object, step.key), rest, state));
  return object;
}

/**
 * Folds dynamic input pins into their base fields (AutoGPT's `merge_execution_input`, §3.6):
 * 1. keys are visited in insertion order; a plain or malformed key is copied as it is, so a plain `values`
 *    seen before `values_#_x` is the container they merge into, and one seen after replaces it;
 * 2. a dynamic key writes its value along its path under the base field: a list index pads with null up
 *    to the index, a dict key or an attribute creates an object;
 * 3. the merged fields are written over the input and the flattened keys stay.
 * Pure: input containers are copied, never changed. A list index that is not a non-negative integer throws
 * an Error naming the key, as the original raises ValueError.
 */
export function mergeExecutionInput(data: Record<string, unknown>): Record<string, unknown> {
  const merged: JsonObject = {};
  const owned = new WeakSet<object>();
  for (const [key, value] of Object.entries(data)) {
    const path = splitPinName(key);
    if (!path) {
      setOwn(merged, key, value);
      continue;
    }
    setOwn(merged, path.base, assignPath(getOwn(merged, path.base), path.steps, { key, value, owned }));
  }
  return { ...data, ...merged };
}
