import { isRecord } from '../editor/json-schema';
import { addKeyValue, removeKeyValue, renameKey, setKeyValue, type EditorGraph } from '../editor/model';

/** A key-value field's new dict, as its editor reports it, against the keys the node showed. */
export interface KeyValuesChange {
  nodeId: string;
  field: string;
  /** The keys the editor showed, in order (dict keys, then keys that exist only as linked pins). */
  keys: readonly string[];
  /** The whole dict after the edit: one key renamed in place, added, removed, or a value changed. */
  next: Readonly<Record<string, unknown>>;
}

/**
 * The edit a key-value field made, as the editor's key operations, so pins and links follow the keys:
 * - same keys but one differs at its place: `renameKey` (links into `field_#_old` move to `field_#_new`);
 * - one more key: `addKeyValue`; one fewer: `removeKeyValue` (and the links into its pin);
 * - same keys: `setKeyValue` for each value that changed (a key only linked has no value to set).
 * `coalesceKey` groups successive edits of one key name, or of the field's values, into one undo step.
 */
export function applyKeyValues(
  graph: EditorGraph,
  change: KeyValuesChange,
): { graph: EditorGraph; coalesceKey?: string } {
  const { nodeId, field, keys, next } = change;
  const ref = { nodeId, field };
  const nextKeys = Object.keys(next);
  if (nextKeys.length === keys.length) {
    const renamed = keys.findIndex((key, index) => nextKeys[index] !== key);
    const from = keys[renamed];
    const to = nextKeys[renamed];
    if (from !== undefined && to !== undefined) {
      return {
        graph: renameKey(graph, { ...ref, from, to }),
        coalesceKey: `rename:${nodeId}:${field}:${renamed}`,
      };
    }
    const dict = graph.nodes.find((node) => node.id === nodeId)?.inputs[field];
    const old = isRecord(dict) ? dict : {};
    let result = graph;
    for (const key of nextKeys) {
      if (next[key] !== undefined && next[key] !== old[key])
        result = setKeyValue(result, { ...ref, key, value: next[key] });
    }
    return { graph: result, coalesceKey: `input:${nodeId}:${field}` };
  }
  if (nextKeys.length > keys.length) {
    const added = nextKeys.find((key) => !keys.includes(key));
    return {
      graph: added === undefined ? graph : addKeyValue(graph, { ...ref, key: added, value: next[added] }),
    };
  }
  const removed = keys.find((key) => !nextKeys.includes(key));
  return { graph: removed === undefined ? graph : removeKeyValue(graph, { ...ref, key: removed }) };
}
