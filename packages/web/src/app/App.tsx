import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from '../api/client';
import { ErrorBoundary, Spinner } from '../components/ui';
import { RequireAuth } from './auth';
import { Layout } from './Layout';

// Every page is its own chunk: the builder (React Flow) loads only when it is opened.
const SignIn = lazy(() => import('../pages/SignIn'));
const Library = lazy(() => import('../pages/Library'));
const Builder = lazy(() => import('../builder/BuilderPage'));
const Runs = lazy(() => import('../pages/Runs'));
const Run = lazy(() => import('../pages/Run'));
const Settings = lazy(() => import('../pages/settings/Settings'));
const OAuthCallback = lazy(() => import('../pages/OAuthCallback'));
const NotFound = lazy(() => import('../pages/NotFound'));

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // A client error (4xx) will not change by asking again.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

const router = createBrowserRouter([
  { path: '/login', element: <SignIn mode="login" /> },
  { path: '/signup', element: <SignIn mode="signup" /> },
  {
    element: (
      <RequireAuth>
        <Layout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/library" replace /> },
      { path: 'library', element: <Library /> },
      { path: 'build', element: <Builder /> },
      { path: 'runs', element: <Runs /> },
      { path: 'runs/:graphId/:execId', element: <Run /> },
      { path: 'settings/*', element: <Settings /> },
      { path: 'auth/integrations/oauth_callback', element: <OAuthCallback /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary>
        <Suspense fallback={<Spinner />}>
          <RouterProvider router={router} />
        </Suspense>
      </ErrorBoundary>
    </QueryClientProvider>
  );
}
