import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap } from '../api/client';
import { live } from '../api/live';
import { isInProgress, mergeRunMeta, runMetaOfEvent, type RunMeta } from './run-model';

/** The run lists: all of the user's runs, or one agent's by page, kept current while runs progress. */

/** While a listed run is in progress, the list of all runs asks again this often. */
const POLL_MS = 5000;

/** `GET /api/executions`: the user's latest runs (the server sends at most 250), polled while one is going. */
export function useAllRuns(enabled: boolean) {
  return useQuery({
    queryKey: ['executions'],
    queryFn: () => unwrap(api.GET('/api/executions')),
    enabled,
    refetchInterval: (query) => (query.state.data?.some((run) => isInProgress(run.status)) ? POLL_MS : false),
  });
}

export interface GraphRunsPage {
  executions: RunMeta[];
  pagination: { total_items: number; total_pages: number; current_page: number; page_size: number };
}

/** `GET /api/graphs/{id}/executions?page&page_size`: one page of an agent's runs, newest first. */
export function useGraphRuns(graphId: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['graph-executions', graphId, { page, pageSize }],
    queryFn: (): Promise<GraphRunsPage> =>
      unwrap(
        api.GET('/api/graphs/{id}/executions', {
          params: { path: { id: graphId ?? '' }, query: { page, page_size: pageSize } },
        }),
      ),
    enabled: graphId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * Follows an agent's runs on the WebSocket: a run already listed is updated in place (in the agent's pages
 * and in the list of all runs); a run not listed yet (just started) makes the pages reload.
 */
export function useLiveGraphRuns(graphId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (graphId === undefined) return;
    return live.watchGraph(graphId, {
      graph(event) {
        const meta = runMetaOfEvent(event);
        let listed = false;
        queryClient.setQueriesData<GraphRunsPage>({ queryKey: ['graph-executions', graphId] }, (old) => {
          if (!old?.executions.some((run) => run.id === meta.id)) return old;
          listed = true;
          return {
            ...old,
            executions: old.executions.map((run) => (run.id === meta.id ? mergeRunMeta(run, meta) : run)),
          };
        });
        queryClient.setQueryData<RunMeta[]>(['executions'], (old) =>
          old?.map((run) => (run.id === meta.id ? mergeRunMeta(run, meta) : run)),
        );
        if (!listed) {
          void queryClient.invalidateQueries({ queryKey: ['graph-executions', graphId] });
          void queryClient.invalidateQueries({ queryKey: ['executions'] });
        }
      },
    });
  }, [graphId, queryClient]);
}

/** `DELETE /api/executions/{exec_id}` (a soft delete); the lists and the run's own entry follow. */
export function useDeleteRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (run: Pick<RunMeta, 'id' | 'graph_id'>) =>
      unwrap(api.DELETE('/api/executions/{exec_id}', { params: { path: { exec_id: run.id } } })),
    onSuccess: (_result, run) => {
      queryClient.removeQueries({ queryKey: ['execution', run.graph_id, run.id] });
      void queryClient.invalidateQueries({ queryKey: ['executions'] });
      void queryClient.invalidateQueries({ queryKey: ['graph-executions', run.graph_id] });
    },
  });
}
