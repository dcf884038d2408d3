/**
 * Engine errors: a stable code from a closed set, mapped to HTTP statuses in one table by the server. A
 * user's mistake (a graph that does not validate, an unknown id) is data for the caller, never a crash.
 */
export const engineErrorCodes = ['GRAPH_VALIDATION', 'NOT_FOUND', 'STOP_TIMEOUT', 'CONFLICT'] as const;
export type EngineErrorCode = (typeof engineErrorCodes)[number];

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EngineError';
  }
}

/** One problem with a graph or its run request: which node, which field, what is wrong. */
export interface ValidationIssue {
  graph_id?: string;
  node_id?: string;
  field?: string;
  message: string;
  code?: string;
}

/** The graph or the run request did not validate; `issues` lists every problem found. */
export class GraphValidationError extends EngineError {
  constructor(
    message: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super('GRAPH_VALIDATION', message);
    this.name = 'GraphValidationError';
  }

  /** AutoGPT's `node_errors` shape: `{node_id: {field: message}}`. */
  nodeErrors(): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const issue of this.issues) {
      const node = (out[issue.node_id ?? ''] ??= {});
      node[issue.field ?? ''] = issue.message;
    }
    return out;
  }
}
