import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, errorMessage, unwrap, type Schemas } from '../api/client';
import { session } from '../api/session';
import { ErrorNote, Spinner } from '../components/ui';

export type AuthMode = Schemas['PublicConfig']['auth_mode'];

/** How this server signs users in (`/api/config`): local accounts, an outside JWT issuer, or none. */
export function useServerConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: () => unwrap(api.GET('/api/config')),
    staleTime: Infinity,
  });
}

export function useSession() {
  return useSyncExternalStore(session.subscribe, session.snapshot);
}

/** Renders its children for a signed-in user; sends others to /login (local accounts only). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const config = useServerConfig();
  const current = useSession();
  const location = useLocation();
  if (config.isPending) return <Spinner label="Connecting" />;
  if (config.isError)
    return <ErrorNote error={errorMessage(config.error)} onRetry={() => void config.refetch()} />;
  if (config.data.auth_mode === 'local' && !current) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return children;
}
