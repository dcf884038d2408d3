/**
 * Why the server refused an uploaded agent, grouped by the node of the uploaded file each problem is about.
 *
 * The server answers a refused import in one of two shapes:
 * - 400, `detail: {type: 'validation_error', message, issues: [{node_id, field, message, …}]}` when the graph
 *   is well-formed but not valid (unknown block, missing input…); node ids are the ones of the file.
 * - 422, `detail: [{loc: ['body', 'graph', 'nodes[2]', 'block_id'], msg, type}]` when it is malformed.
 */

export interface ImportIssue {
  field: string | null;
  message: string;
}

export interface ImportIssueGroup {
  /** Unique within the list: the node id, its path in the file, or '' for the agent as a whole. */
  key: string;
  /** The node's customized name, its block's name, or a description of the place. */
  label: string;
  nodeId: string | null;
  blockId: string | null;
  issues: ImportIssue[];
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Every node of the file: the agent's own and those of its bundled sub-graphs (either spelling). */
function uploadedNodes(graph: JsonObject): JsonObject[] {
  const subGraphs = [graph.sub_graphs, graph.subgraphs].flatMap((list) => (Array.isArray(list) ? list : []));
  return [graph, ...subGraphs.filter(isObject)].flatMap((each) =>
    Array.isArray(each.nodes) ? each.nodes.filter(isObject) : [],
  );
}

/** `AITextGeneratorBlock` → `AI Text Generator`, as builders show block names. */
export function readableBlockName(name: string): string {
  return name
    .replace(/Block$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim();
}

function nodeLabel(node: JsonObject, blockNames: ReadonlyMap<string, string>, place: string): string {
  const metadata = isObject(node.metadata) ? node.metadata : {};
  const blockId = text(node.block_id);
  const blockName = blockId ? blockNames.get(blockId) : undefined;
  return (
    text(metadata.customized_name) ??
    (blockName ? readableBlockName(blockName) : null) ??
    (blockId ? 'Unknown block' : null) ??
    (text(node.id) ? `Node ${text(node.id)}` : place)
  );
}

class Groups {
  private readonly byKey = new Map<string, ImportIssueGroup>();

  constructor(private readonly blockNames: ReadonlyMap<string, string>) {}

  /** `place` names a node that has neither block nor id, by its position in the file. */
  add(key: string, issue: ImportIssue, where: { node?: JsonObject; place?: string }): void {
    const { node, place = 'A node' } = where;
    let group = this.byKey.get(key);
    if (!group) {
      group = {
        key,
        label: node ? nodeLabel(node, this.blockNames, place) : 'The agent',
        nodeId: text(node?.id),
        blockId: text(node?.block_id),
        issues: [],
      };
      this.byKey.set(key, group);
    }
    group.issues.push(issue);
  }

  /** The agent-wide group first, then the nodes in the order they were met. */
  list(): ImportIssueGroup[] {
    const groups = [...this.byKey.values()];
    return [...groups.filter((group) => group.key === ''), ...groups.filter((group) => group.key !== '')];
  }
}

function fromValidationIssues(
  issues: unknown[],
  graph: JsonObject,
  blockNames: ReadonlyMap<string, string>,
): ImportIssueGroup[] {
  const nodes = new Map(uploadedNodes(graph).map((node) => [text(node.id) ?? '', node]));
  const groups = new Groups(blockNames);
  for (const issue of issues.filter(isObject)) {
    const nodeId = text(issue.node_id);
    const message = text(issue.message) ?? 'Invalid';
    const node = nodeId ? nodes.get(nodeId) : undefined;
    // A node the file does not have (should not happen) still gets its own group, named by its id.
    const key = nodeId ?? '';
    groups.add(
      key,
      { field: text(issue.field), message },
      { node: node ?? (nodeId ? { id: nodeId } : undefined) },
    );
  }
  return groups.list();
}

/** `nodes[2]` → ['nodes', 2]; `name` → ['name']. */
function pathSteps(segment: string): (string | number)[] {
  const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(segment);
  if (!match) return [segment];
  const indexes = [...(match[2] ?? '').matchAll(/\[(\d+)\]/g)].map((index) => Number(index[1]));
  return [...(match[1] ? [match[1]] : []), ...indexes];
}

function fromMalformed(
  entries: unknown[],
  graph: JsonObject,
  blockNames: ReadonlyMap<string, string>,
): ImportIssueGroup[] {
  const groups = new Groups(blockNames);
  for (const entry of entries.filter(isObject)) {
    const loc = Array.isArray(entry.loc) ? entry.loc.map(String) : [];
    // `loc` starts with the request part: body → graph → the place in the uploaded agent.
    const steps = loc.slice(loc[0] === 'body' && loc[1] === 'graph' ? 2 : 0).flatMap(pathSteps);
    let current: unknown = graph;
    let node: JsonObject | undefined;
    let nodeKey = '';
    let place = 'A node';
    let fieldFrom = 0;
    steps.forEach((step, index) => {
      current = isObject(current) || Array.isArray(current) ? (current as JsonObject)[step] : undefined;
      if (typeof step === 'number' && steps[index - 1] === 'nodes' && isObject(current)) {
        node = current;
        nodeKey = steps.slice(0, index + 1).join('.');
        place = `Node ${step + 1} of the file`;
        fieldFrom = index + 1;
      }
    });
    const field = steps.slice(fieldFrom).join('.') || null;
    groups.add(nodeKey, { field, message: text(entry.msg) ?? 'Invalid' }, { node, place });
  }
  return groups.list();
}

/**
 * The issues of a refused import, grouped per node of the uploaded agent; null when the error detail has
 * neither shape (then the error's message is all there is to show).
 */
export function groupImportIssues(
  detail: unknown,
  graph: JsonObject,
  blockNames: ReadonlyMap<string, string>,
): ImportIssueGroup[] | null {
  if (isObject(detail) && Array.isArray(detail.issues) && detail.issues.length > 0)
    return fromValidationIssues(detail.issues, graph, blockNames);
  if (Array.isArray(detail) && detail.length > 0) return fromMalformed(detail, graph, blockNames);
  return null;
}
