import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap } from '../api/client';
import { live, type GraphExecutionEvent, type NodeExecutionEvent } from '../api/live';
import {
  foldNodeExecution,
  isActiveStatus,
  mergeRun,
  type NodeExecution,
  type RunDetails,
  type RunMeta,
} from './run-model';

/** One run with its node executions: loaded once, then kept current from WebSocket events while it runs. */

/** A safety net under the live events (a lost socket, events sent before the subscription). */
const ACTIVE_REFETCH_MS = 10_000;

const runKey = (graphId: string, execId: string) => ['execution', graphId, execId] as const;

function withoutEventType<T extends { event_type?: string }>(event: T): Omit<T, 'event_type'> {
  const { event_type: _type, ...rest } = event;
  return rest;
}

/**
 * `GET /api/graphs/{id}/executions/{exec_id}` under `['execution', graphId, execId]`. A refetch is merged
 * into what live events already told (`mergeRun`), so an answer older than an event cannot undo it.
 */
export function useRun(graphId: string, execId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: runKey(graphId, execId),
    queryFn: (): Promise<RunDetails> =>
      unwrap(
        api.GET('/api/graphs/{id}/executions/{exec_id}', {
          params: { path: { id: graphId, exec_id: execId } },
        }),
      ),
    structuralSharing: (old: unknown, fresh: unknown) =>
      old ? mergeRun(old as RunDetails, fresh as RunDetails) : (fresh as RunDetails),
    refetchInterval: (current) =>
      current.state.data && isActiveStatus(current.state.data.status) ? ACTIVE_REFETCH_MS : false,
  });

  const active = query.data !== undefined && isActiveStatus(query.data.status);
  useEffect(() => {
    if (!active) return;
    const key = runKey(graphId, execId);
    const catchUp = () => void queryClient.invalidateQueries({ queryKey: key });
    const stopWatching = live.watchExecution(execId, {
      node(event: NodeExecutionEvent) {
        const node: NodeExecution = withoutEventType(event);
        queryClient.setQueryData<RunDetails>(key, (old) =>
          old ? { ...old, node_executions: foldNodeExecution(old.node_executions ?? [], node) } : old,
        );
      },
      graph(event: GraphExecutionEvent) {
        // The event is the whole GraphExecution (with `outputs`), as the engine publishes it.
        const run: RunMeta & Partial<RunDetails> = withoutEventType(event);
        queryClient.setQueryData<RunDetails>(key, (old) => (old ? mergeRun(old, run) : old));
        if (!isActiveStatus(event.status)) catchUp();
      },
    });
    // What happened between the first answer and the subscription, and while the socket was down.
    const stopStatus = live.onStatus((connected) => connected && catchUp());
    if (live.connected) catchUp();
    return () => {
      stopWatching();
      stopStatus();
    };
  }, [active, graphId, execId, queryClient]);

  return query;
}

function useInvalidateRunLists() {
  const queryClient = useQueryClient();
  return (graphId: string) => {
    void queryClient.invalidateQueries({ queryKey: ['executions'] });
    void queryClient.invalidateQueries({ queryKey: ['graph-executions', graphId] });
  };
}

/** `POST /api/graphs/{id}/executions/{exec_id}/stop`: the server waits for the run to stop. */
export function useStopRun(graphId: string, execId: string) {
  const queryClient = useQueryClient();
  const invalidateLists = useInvalidateRunLists();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/graphs/{id}/executions/{exec_id}/stop', {
          params: { path: { id: graphId, exec_id: execId } },
        }),
      ),
    onSuccess: (run) => {
      const key = runKey(graphId, execId);
      if (run) queryClient.setQueryData<RunDetails>(key, (old) => (old ? mergeRun(old, run) : old));
      void queryClient.invalidateQueries({ queryKey: key });
      invalidateLists(graphId);
    },
  });
}

/** Starts the same graph version again with the run's inputs and credentials; resolves to the new run. */
export function useRunAgain() {
  const invalidateLists = useInvalidateRunLists();
  return useMutation({
    mutationFn: (run: RunMeta) =>
      unwrap(
        api.POST('/api/graphs/{id}/execute/{version}', {
          params: { path: { id: run.graph_id, version: run.graph_version } },
          body: { inputs: run.inputs, credentials_inputs: run.credential_inputs },
        }),
      ),
    onSuccess: (run) => invalidateLists(run.graph_id),
  });
}
