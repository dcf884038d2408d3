import { getOwn, isRecord, lookupBlock } from './json-schema';
import { basePinName, findPin, pinLabel, TOOL_PIN_PREFIX } from './pins';
import { fieldsForBlock, fieldsForSchema, type FieldSpec } from './schema-form';
import type { BlockSource, EditorGraph, EditorNode } from './types';

/**
 * Graph problems shown in the builder: the server's validation issues and the ones the editor can find by
 * itself, grouped by node so each node can show its own.
 */

export interface Issue {
  /** The node the issue is about, or null for the graph as a whole. */
  node_id: string | null;
  /** The input field or pin, or null for the node as a whole. */
  field: string | null;
  message: string;
  /** Set for issues about one link. */
  link_id?: string | null;
}

/** The server's issue shape (`{node_id, field, message}`); other fields (`code`, `graph_id`) are ignored. */
export interface ServerIssueLike {
  node_id?: string | null;
  field?: string | null;
  message: string;
  link_id?: string | null;
}

export interface IssueMap {
  byNode: Map<string, Issue[]>;
  general: Issue[];
}

/**
 * Groups issues by node. An issue without a node, or (when `nodeIds` is given) about a node the graph does
 * not have, is general.
 */
export function groupIssues(
  issues: Iterable<ServerIssueLike>,
  options: { nodeIds?: Iterable<string> } = {},
): IssueMap {
  const known = options.nodeIds ? new Set(options.nodeIds) : undefined;
  const map: IssueMap = { byNode: new Map(), general: [] };
  for (const raw of issues) {
    const issue: Issue = { node_id: raw.node_id ?? null, field: raw.field ?? null, message: raw.message };
    if (raw.link_id) issue.link_id = raw.link_id;
    const nodeId = issue.node_id;
    if (nodeId === null || (known && !known.has(nodeId))) {
      map.general.push(issue);
      continue;
    }
    const list = map.byNode.get(nodeId) ?? [];
    list.push(issue);
    map.byNode.set(nodeId, list);
  }
  return map;
}

/** AutoGPT's 400 `validation_error` detail `node_errors: {node_id: {field: message}}` as issues. */
export function issuesFromNodeErrors(nodeErrors: unknown): Issue[] {
  if (!isRecord(nodeErrors)) return [];
  return Object.entries(nodeErrors).flatMap(([nodeId, fields]) =>
    isRecord(fields)
      ? Object.entries(fields).map(([field, message]) => ({
          node_id: nodeId,
          field,
          message: typeof message === 'string' ? message : JSON.stringify(message),
        }))
      : [],
  );
}

/** The issues of one field of one node. */
export function fieldIssues(map: IssueMap, nodeId: string, field: string): Issue[] {
  return (map.byNode.get(nodeId) ?? []).filter((issue) => issue.field === field);
}

/** Non-null and, for text, not blank. */
function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

function requiredIssues(node: EditorNode, fields: FieldSpec[], provided: Set<string>): Issue[] {
  return fields
    .filter((field) => field.required && field.kind !== 'credentials' && !field.hidden)
    .filter((field) => !provided.has(field.name))
    .filter((field) => field.defaultValue === undefined || field.defaultValue === null)
    .map((field) => ({
      node_id: node.id,
      field: field.name,
      message: `${field.title} is required: type a value or connect a link`,
    }));
}

/**
 * What the editor can check without the server:
 * - a node whose block is not installed: "Block <id> is not installed";
 * - a required input with no value, no schema default and no incoming link: "A is required: type a value or
 *   connect a link" (blank text counts as no value; credentials fields are skipped, the platform may fill
 *   them; an Agent node's required inputs are its child graph's, with values under `inputs`);
 * - a link from or to a node that is gone, or to a pin the block does not have (tool pins exempt).
 * Note blocks are never checked.
 */
export function localIssues(graph: Pick<EditorGraph, 'nodes' | 'links'>, blocks: BlockSource): Issue[] {
  const issues: Issue[] = [];
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  for (const node of graph.nodes) {
    const block = lookupBlock(blocks, node.blockId);
    if (!block) {
      issues.push({ node_id: node.id, field: null, message: `Block ${node.blockId} is not installed` });
      continue;
    }
    if (block.uiType === 'Note') continue;
    const isAgent = block.uiType === 'Agent';
    const values = isAgent ? getOwn(node.inputs, 'inputs') : node.inputs;
    const provided = new Set<string>();
    for (const [key, value] of Object.entries(isRecord(values) ? values : {})) {
      if (isFilled(value)) provided.add(basePinName(key));
    }
    for (const link of graph.links) {
      if (link.target === node.id && nodes.has(link.source)) provided.add(basePinName(link.targetPin));
    }
    const schema = getOwn(node.inputs, 'input_schema');
    const fields = isAgent ? fieldsForSchema(isRecord(schema) ? schema : {}) : fieldsForBlock(block);
    issues.push(...requiredIssues(node, fields, provided));
  }
  for (const link of graph.links) {
    const ends = [
      { node: nodes.get(link.source), side: 'output', pin: link.sourcePin },
      { node: nodes.get(link.target), side: 'input', pin: link.targetPin },
    ] as const;
    for (const end of ends) {
      if (!end.node) {
        issues.push({
          node_id: null,
          field: null,
          link_id: link.id,
          message: `A link ${end.side === 'output' ? 'comes from' : 'goes to'} a node that no longer exists: remove it`,
        });
        continue;
      }
      const block = lookupBlock(blocks, end.node.blockId);
      if (!block || (end.side === 'input' && end.pin.startsWith(TOOL_PIN_PREFIX))) continue;
      if (!findPin(block, end.node, { side: end.side, pin: end.pin })) {
        const what = end.side === 'output' ? 'Output' : 'Input';
        issues.push({
          node_id: end.node.id,
          field: end.pin,
          link_id: link.id,
          message: `${what} "${pinLabel(end.pin)}" does not exist on ${block.name}: remove the link`,
        });
      }
    }
  }
  return issues;
}
