import { randomUUID } from 'node:crypto';
import type { GraphIssue } from './issues';
import { cloneJson, isRecord } from './json';
import { findJsonError } from './json-position';
import type { Graph, GraphWithSubgraphs, Link, Node } from './model';
import { FieldReader } from './parse-reader';
import { upgradeLegacyPins } from './legacy';

export type ParseResult =
  { ok: true; graph: GraphWithSubgraphs; warnings: GraphIssue[] } | { ok: false; issues: GraphIssue[] };

/** Links are equal when they join the same pins of the same nodes (AutoGPT's `Link` equality, §2.1). */
export function linkKey(link: Pick<Link, 'source_id' | 'sink_id' | 'source_name' | 'sink_name'>): string {
  return JSON.stringify([link.source_id, link.sink_id, link.source_name, link.sink_name]);
}

function readLink(reader: FieldReader, raw: unknown, path: string): Link | undefined {
  if (!isRecord(raw)) {
    reader.problem(path, 'A link must be an object');
    return undefined;
  }
  const fields = reader.fields(raw, `${path}.`);
  const source_id = fields.requiredString('source_id');
  const sink_id = fields.requiredString('sink_id');
  const source_name = fields.requiredString('source_name');
  const sink_name = fields.requiredString('sink_name');
  const is_static = fields.boolean('is_static', false);
  let id = fields.string('id', '');
  if (id === '') {
    id = randomUUID();
    reader.warn({ field: `${path}.id`, message: `Link without an id; assigned ${id}`, code: 'generated_id' });
  }
  if (!source_id || !sink_id || !source_name || !sink_name) return undefined;
  return { id, source_id, sink_id, source_name, sink_name, is_static };
}

interface ReadNode {
  node: Node;
  /** The node's own `input_links` and `output_links` (current export format; 2024 templates have none). */
  links: { raw: unknown; path: string }[];
}

function readNode(reader: FieldReader, raw: unknown, path: string): ReadNode | undefined {
  if (!isRecord(raw)) {
    reader.problem(path, 'A node must be an object');
    return undefined;
  }
  const fields = reader.fields(raw, `${path}.`);
  const id = fields.requiredString('id');
  const block_id = fields.requiredString('block_id');
  const input_default = cloneJson(fields.object('input_default'));
  const metadata = cloneJson(fields.object('metadata'));
  const links = ['input_links', 'output_links'].flatMap((key) =>
    fields.list(key).map((link, i) => ({ raw: link, path: `${path}.${key}[${i}]` })),
  );
  if (!id || !block_id) return undefined;
  const node: Node = { id, block_id, input_default, metadata };
  // `webhook_id` belongs to stored nodes (NodeModel); it is kept so a stored graph survives a round trip.
  if (typeof raw.webhook_id === 'string') node.webhook_id = raw.webhook_id;
  return { node, links };
}

/**
 * One graph: its metadata with defaults (GraphBaseMeta, §2.1), its nodes, and its links as the union of the
 * top-level `links` and every node's `input_links`/`output_links`, de-duplicated by `linkKey` (first kept).
 */
function readGraph(reader: FieldReader, raw: unknown, path: string): Graph | undefined {
  reader.graphId = undefined;
  if (!isRecord(raw)) {
    reader.problem(path || '(root)', 'A graph must be a JSON object');
    return undefined;
  }
  const fields = reader.fields(raw, path);
  let id = fields.string('id', '');
  if (id === '') {
    id = randomUUID();
    reader.warn({ field: `${path}id`, message: `Graph without an id; assigned ${id}`, code: 'generated_id' });
  }
  reader.graphId = id;
  const graph: Graph = {
    id,
    version: fields.version('version', 1),
    is_active: fields.boolean('is_active', true),
    name: fields.string('name', ''),
    description: fields.string('description', ''),
    instructions: fields.nullableString('instructions'),
    recommended_schedule_cron: fields.nullableString('recommended_schedule_cron'),
    forked_from_id: fields.nullableString('forked_from_id'),
    forked_from_version: fields.version('forked_from_version', null),
    nodes: [],
    links: [],
  };
  const rawLinks = fields.list('links').map((link, i) => ({ raw: link, path: `${path}links[${i}]` }));
  const nodeIds = new Set<string>();
  fields.list('nodes').forEach((rawNode, i) => {
    const read = readNode(reader, rawNode, `${path}nodes[${i}]`);
    if (!read) return;
    if (nodeIds.has(read.node.id)) {
      reader.problem(`${path}nodes[${i}].id`, `Duplicate node id ${read.node.id}`, {
        node_id: read.node.id,
        code: 'duplicate_id',
      });
      return;
    }
    nodeIds.add(read.node.id);
    graph.nodes.push(read.node);
    rawLinks.push(...read.links);
  });
  const seen = new Set<string>();
  for (const { raw: rawLink, path: linkPath } of rawLinks) {
    const link = readLink(reader, rawLink, linkPath);
    if (!link || seen.has(linkKey(link))) continue;
    seen.add(linkKey(link));
    graph.links.push(link);
  }
  return graph;
}

/**
 * Reads a graph in AutoGPT's export format (§2.2), current or 2024 template: unknown and computed fields are
 * ignored, missing ones get their defaults, and structural problems come back as issues, never thrown.
 * A string is read as JSON text. The flat `sub_graphs` list is read the same way (the templates' old
 * `subgraphs` object is something else and is ignored).
 */
export function parseGraph(input: unknown): ParseResult {
  if (typeof input === 'string') return parseGraphJson(input);
  const reader = new FieldReader();
  const root = readGraph(reader, input, '');
  const sub_graphs: Graph[] = [];
  if (root && isRecord(input)) {
    const subGraphs = reader.fields(input, '').list('sub_graphs');
    subGraphs.forEach((raw, i) => {
      const sub = readGraph(reader, raw, `sub_graphs[${i}].`);
      if (sub) sub_graphs.push(sub);
    });
  }
  if (!root || reader.issues.length > 0) return { ok: false, issues: reader.issues };
  return {
    ok: true,
    graph: { ...upgradeLegacyPins(root), sub_graphs: sub_graphs.map(upgradeLegacyPins) },
    warnings: reader.warnings,
  };
}

/** `parseGraph` on JSON text; a syntax error is an issue that gives its position, line and column. */
export function parseGraphJson(text: string): ParseResult {
  // A byte-order mark is common in files saved by editors on Windows; JSON.parse rejects it.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (error) {
    const where = findJsonError(body) ?? { position: body.length, line: 1, column: 1 };
    const reason = error instanceof Error ? error.message : String(error);
    const at = `line ${where.line}, column ${where.column} (position ${where.position})`;
    return { ok: false, issues: [{ message: `Invalid JSON at ${at}: ${reason}`, code: 'malformed' }] };
  }
  return parseGraph(value);
}
