import type { BlockRegistry } from '@blockloom/sdk';
import { parseGraph, validateGraph, type GraphWithSubgraphs } from '@blockloom/graph';
import { ApiError } from './errors';

/**
 * Reads a graph body in AutoGPT's format. A malformed graph (wrong types, missing fields) is a request
 * validation failure, 422 like any other; semantic problems come later from validation, as 400.
 */
export function readGraphBody(raw: unknown): GraphWithSubgraphs {
  const parsed = parseGraph(raw);
  if (parsed.ok) return parsed.graph;
  const detail = parsed.issues.map((issue) => ({
    loc: ['body', 'graph', ...(issue.field ? issue.field.split('.') : [])],
    msg: issue.message,
    type: issue.code ?? 'malformed',
  }));
  throw new ApiError('VALIDATION', 'The graph is malformed', { detail });
}

/** A problem as @blockloom/graph (GraphIssue) or the engine (ValidationIssue) reports it. */
export interface IssueLike {
  graph_id?: string;
  node_id?: string;
  link_id?: string;
  field?: string;
  message: string;
  code?: string;
}

/** The wire shape of an issue (`GraphIssue` in /openapi.json): every key present, null when not known. */
export interface IssueView {
  node_id: string | null;
  field: string | null;
  message: string;
  link_id: string | null;
  graph_id: string | null;
  code: string | null;
}

export const toIssueView = (issue: IssueLike): IssueView => ({
  node_id: issue.node_id ?? null,
  field: issue.field ?? null,
  message: issue.message,
  link_id: issue.link_id ?? null,
  graph_id: issue.graph_id ?? null,
  code: issue.code ?? null,
});

const nodePath = /^(?:sub_graphs\[(\d+)\]\.)?nodes\[(\d+)\]/;

function item(value: unknown, key: string, index: number): unknown {
  const list = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : null;
  return Array.isArray(list) ? (list as unknown[])[index] : undefined;
}

/** The id the client gave the node that a parse issue's JSON path (`nodes[2].block_id`) points into. */
function nodeIdAt(raw: unknown, field: string | undefined): string | undefined {
  const match = field === undefined ? null : nodePath.exec(field);
  if (!match) return undefined;
  const graph = match[1] === undefined ? raw : item(raw, 'sub_graphs', Number(match[1]));
  const node = item(graph, 'nodes', Number(match[2]));
  const id = typeof node === 'object' && node !== null ? (node as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Every problem that would stop the graph from being saved (`POST /api/graphs`: the graph and its
 * sub-graphs), or with `forRun` the graph checks a run makes before it looks at the run's inputs (every
 * node's required inputs, `depends_on`). A malformed graph's issues are its parse issues, placed on the node
 * their JSON path points into. Node ids are the ones the client sent.
 */
export function graphIssues(
  raw: unknown,
  registry: BlockRegistry,
  options: { forRun: boolean },
): IssueView[] {
  const parsed = parseGraph(raw);
  if (!parsed.ok) {
    return parsed.issues.map((issue) =>
      toIssueView({ ...issue, node_id: issue.node_id ?? nodeIdAt(raw, issue.field) }),
    );
  }
  const issues = options.forRun
    ? // As the engine's prepareRun: a run checks its own graph; a sub-graph is checked when it runs.
      validateGraph({ ...parsed.graph, sub_graphs: [] }, registry, { forRun: true })
    : validateGraph(parsed.graph, registry, { forRun: false });
  return issues.map(toIssueView);
}
