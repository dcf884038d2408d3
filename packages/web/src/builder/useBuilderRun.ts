import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { live } from '../api/live';
import {
  applyGraphEvent,
  applyNodeEvent,
  createRunState,
  isFinalStatus,
  type RunState,
} from '../editor/run-state';

export type NodeExecution = Schemas['NodeExecutionResult'];
export type RunDetails = Schemas['GraphExecution'];

/** The run the builder shows, folded from its stored node results and live events. */
export interface BuilderRun {
  execId: string;
  state: RunState;
  /** Every node execution as last received, by node execution id (for the inspector). */
  executions: Readonly<Record<string, NodeExecution>>;
  /** The run's record (inputs, version, stats), once loaded. */
  details: RunDetails | undefined;
  loading: boolean;
  error: unknown;
}

interface Folded {
  execId: string;
  state: RunState;
  executions: Record<string, NodeExecution>;
}

function foldNodes(folded: Folded, list: readonly NodeExecution[]): Folded {
  let { state } = folded;
  const executions = { ...folded.executions };
  for (const execution of list) {
    const next = applyNodeEvent(state, execution);
    if (next === state) continue;
    state = next;
    executions[execution.node_exec_id] = execution;
  }
  return { ...folded, state, executions };
}

const POLL_MS = 4000;

/**
 * Follows one run of the graph: its node results (`GET …/executions/{exec_id}`, polled slowly while it is
 * not finished, in case the live socket drops) and the live events of `live.watchExecution`.
 */
export function useBuilderRun(
  graphId: string | undefined,
  execId: string | undefined,
): BuilderRun | undefined {
  const [folded, setFolded] = useState<Folded | undefined>(undefined);
  const current = folded && folded.execId === execId ? folded : undefined;
  const empty = useMemo(() => createRunState(execId), [execId]);
  const finished = isFinalStatus(current?.state.status);

  const details = useQuery({
    queryKey: ['execution', graphId, execId],
    queryFn: () =>
      unwrap(
        api.GET('/api/graphs/{id}/executions/{exec_id}', {
          params: { path: { id: graphId ?? '', exec_id: execId ?? '' } },
        }),
      ),
    enabled: graphId !== undefined && execId !== undefined,
    refetchInterval: finished ? false : POLL_MS,
  });

  useEffect(() => {
    if (!execId) return;
    setFolded((old) =>
      old?.execId === execId ? old : { execId, state: createRunState(execId), executions: {} },
    );
    return live.watchExecution(execId, {
      node: (event) => setFolded((old) => (old?.execId === execId ? foldNodes(old, [event]) : old)),
      graph: (event) =>
        setFolded((old) =>
          old?.execId === execId ? { ...old, state: applyGraphEvent(old.state, event) } : old,
        ),
    });
  }, [execId]);

  const data = details.data;
  useEffect(() => {
    if (!data || !execId || data.id !== execId) return;
    setFolded((old) => {
      const base = old?.execId === execId ? old : { execId, state: createRunState(execId), executions: {} };
      const withNodes = foldNodes(base, data.node_executions ?? []);
      return { ...withNodes, state: applyGraphEvent(withNodes.state, data) };
    });
  }, [data, execId]);

  if (!execId) return undefined;
  return {
    execId,
    state: current?.state ?? empty,
    executions: current?.executions ?? {},
    details: data,
    loading: details.isLoading,
    error: details.error,
  };
}
