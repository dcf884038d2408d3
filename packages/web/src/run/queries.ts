import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import type { CredentialOption } from '../components/SchemaField';

/**
 * The reads the run pages and the run dialog share, under the app's query keys, so the builder and the
 * library hit the same cache entries.
 */

export type Block = Schemas['Block'];
export type GraphMeta = Schemas['GraphMeta'];

/** `GET /api/blocks`: blocks do not change while the server runs. */
export function useBlocks() {
  return useQuery({
    queryKey: ['blocks'],
    queryFn: () => unwrap(api.GET('/api/blocks')),
    staleTime: Infinity,
  });
}

/** Block names by block id (empty until the blocks are loaded). */
export function useBlockNames(): ReadonlyMap<string, string> {
  const { data } = useBlocks();
  return useMemo(() => new Map((data ?? []).map((block) => [block.id, block.name])), [data]);
}

/** `GET /api/graphs`: the user's agents (their active versions). */
export function useGraphList() {
  return useQuery({ queryKey: ['graphs'], queryFn: () => unwrap(api.GET('/api/graphs')) });
}

/** `GET /api/graphs/{id}?version=`: one version of a graph with its nodes and input schemas. */
export function useGraph(graphId: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: ['graph', graphId, version],
    queryFn: () =>
      unwrap(
        api.GET('/api/graphs/{id}', {
          params: { path: { id: graphId ?? '' }, query: version === undefined ? {} : { version } },
        }),
      ),
    enabled: graphId !== undefined,
  });
}

/**
 * The credentials a credentials field can pick: the user's own (`GET /api/integrations/credentials`) and the
 * ones the server's environment provides (`GET /api/integrations/platform-credentials`), marked `platform`.
 * A failure of either list leaves it out rather than blocking a run: the server fills platform defaults.
 */
export function useCredentialOptions(): { options: CredentialOption[]; isLoading: boolean } {
  const own = useQuery({
    queryKey: ['credentials'],
    queryFn: () => unwrap(api.GET('/api/integrations/credentials')),
  });
  const platform = useQuery({
    queryKey: ['platform-credentials'],
    queryFn: () => unwrap(api.GET('/api/integrations/platform-credentials')),
    staleTime: 5 * 60_000,
  });
  const options: CredentialOption[] = [
    ...(own.data ?? []).map(({ id, provider, type, title }) => ({ id, provider, type, title })),
    ...(platform.data ?? []).map(({ id, provider, type, title }) => ({
      id,
      provider,
      type,
      title,
      platform: true,
    })),
  ];
  return { options, isLoading: own.isLoading || platform.isLoading };
}

/** The current time, refreshed every `intervalMs` while `ticking` (live durations of running runs). */
export function useNow(ticking: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [ticking, intervalMs]);
  return now;
}
