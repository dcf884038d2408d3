import { Suspense } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { session } from '../api/session';
import { Button, ErrorBoundary, Spinner, cx } from '../components/ui';
import { useServerConfig, useSession } from './auth';
import { useTheme } from './theme';

const links = [
  { to: '/library', label: 'Library' },
  { to: '/build', label: 'Builder' },
  { to: '/runs', label: 'Runs' },
  { to: '/settings', label: 'Settings' },
];

/** The frame of every signed-in page: navigation, theme switch, account, and the page itself. */
export function Layout() {
  const [theme, setTheme] = useTheme();
  const config = useServerConfig();
  const current = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const fullBleed = location.pathname.startsWith('/build');
  return (
    <div className="flex h-full flex-col">
      <header className="flex shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <NavLink to="/library" className="flex items-center gap-2 font-semibold" aria-label="Blockloom home">
          <span
            aria-hidden
            className="grid h-6 w-6 place-items-center rounded bg-indigo-600 text-xs text-white"
          >
            B
          </span>
          <span className="hidden sm:inline">Blockloom</span>
        </NavLink>
        <nav aria-label="Main" className="flex gap-1">
          {links.map((link) => (
            <NavLink
              key={link.to}
              to={link.to}
              className={({ isActive }) =>
                cx(
                  'rounded-md px-2.5 py-1 text-sm',
                  isActive
                    ? 'bg-slate-200 font-medium dark:bg-slate-800'
                    : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                )
              }
            >
              {link.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <Button
            variant="ghost"
            size="sm"
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          >
            {theme === 'dark' ? '☀' : '☾'}
          </Button>
          {config.data?.auth_mode === 'local' && current && (
            <>
              <span className="hidden text-sm text-slate-500 md:inline" data-testid="user-email">
                {current.user.email}
              </span>
              <Button
                size="sm"
                onClick={() => {
                  void session.signOut().then(() => navigate('/login'));
                }}
              >
                Sign out
              </Button>
            </>
          )}
        </div>
      </header>
      <main className={cx('min-h-0 flex-1', fullBleed ? 'overflow-hidden' : 'overflow-auto')}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Spinner />}>
            {fullBleed ? (
              <Outlet />
            ) : (
              <div className="mx-auto max-w-6xl p-4 md:p-6">
                <Outlet />
              </div>
            )}
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
