import { parseGraph, type GraphWithSubgraphs } from '@blockloom/graph';
import { ApiError } from '../errors';

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
