import { api, unwrap, type Schemas } from '../../api/client';

/** What the library does with agents through the REST API, and the summaries it shows. */

export type GraphMeta = Schemas['GraphMeta'];
export type GraphExecutionMeta = Schemas['GraphExecutionMeta'];

/** `GET /api/executions` serves at most this many runs, newest first (the server's list limit). */
export const EXECUTIONS_LIST_LIMIT = 250;

export interface RunSummary {
  /** Runs of the agent among the ones the server listed. */
  count: number;
  /** The newest of them. */
  last: GraphExecutionMeta;
}

/** Runs grouped by agent, from one `GET /api/executions` (which lists the newest first). */
export function summariseRuns(executions: readonly GraphExecutionMeta[]): Map<string, RunSummary> {
  const byGraph = new Map<string, RunSummary>();
  for (const execution of executions) {
    const seen = byGraph.get(execution.graph_id);
    if (seen) seen.count += 1;
    else byGraph.set(execution.graph_id, { count: 1, last: execution });
  }
  return byGraph;
}

/** Case-insensitive match of every word of the query against the agent's name and description. */
export function matchesSearch(graph: Pick<GraphMeta, 'name' | 'description'>, query: string): boolean {
  const text = `${graph.name}\n${graph.description}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

export function builderPath(graphId: string): string {
  return `/build?flowID=${encodeURIComponent(graphId)}`;
}

export function runsPath(graphId: string): string {
  return `/runs?graphID=${encodeURIComponent(graphId)}`;
}

/** A file name for an agent: its name without the characters file systems refuse, plus `.json`. */
export function exportFileName(name: string): string {
  const safe = name
    .replace(/[<>:"/\\|?*\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 120);
  return `${safe || 'agent'}.json`;
}

/** Saves a value as a JSON file through a temporary Blob link. */
export function downloadJson(value: unknown, fileName: string): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function exportGraph(id: string) {
  return unwrap(api.GET('/api/graphs/{id}', { params: { path: { id }, query: { for_export: 'true' } } }));
}

/** Renaming saves a new version of the whole graph with the new name (graphs are never edited in place). */
export async function renameAgent(id: string, name: string) {
  const graph = await unwrap(api.GET('/api/graphs/{id}', { params: { path: { id } } }));
  return unwrap(api.PUT('/api/graphs/{id}', { params: { path: { id } }, body: { ...graph, name } }));
}

/** A copy is the exported graph imported again under a new name: new ids, no credentials. */
export async function duplicateAgent(id: string, name: string) {
  const graph = await exportGraph(id);
  return unwrap(
    api.POST('/api/graphs', { body: { graph: { ...graph, name: `${name} (copy)` }, source: 'builder' } }),
  );
}

export async function exportAgent(id: string, name: string): Promise<void> {
  downloadJson(await exportGraph(id), exportFileName(name));
}

export function deleteAgent(id: string) {
  return unwrap(api.DELETE('/api/graphs/{id}', { params: { path: { id } } }));
}

/** A new, empty agent (the server accepts a graph without nodes). */
export function createEmptyAgent() {
  return unwrap(
    api.POST('/api/graphs', {
      body: {
        graph: { name: 'Untitled agent', description: '', nodes: [], links: [] },
        source: 'builder',
      },
    }),
  );
}

export function importAgent(graph: Record<string, unknown>) {
  return unwrap(api.POST('/api/graphs', { body: { graph, source: 'upload' } }));
}
