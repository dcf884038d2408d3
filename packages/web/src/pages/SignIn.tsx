import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage, unwrap } from '../api/client';
import { session } from '../api/session';
import { useServerConfig, useSession } from '../app/auth';
import { Button, ErrorNote, Field, Input, Spinner } from '../components/ui';

/** Sign in and sign up for BLOCKLOOM_AUTH=local; other modes go straight into the app. */
export default function SignIn({ mode }: { mode: 'login' | 'signup' }) {
  const config = useServerConfig();
  const current = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/library';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useMutation({
    mutationFn: async () => {
      const body = { email, password };
      const result =
        mode === 'login'
          ? await unwrap(api.POST('/api/auth/login', { body }))
          : await unwrap(api.POST('/api/auth/signup', { body }));
      session.signedIn(result);
    },
    onSuccess: () => navigate(next, { replace: true }),
  });

  if (config.isPending) return <Spinner label="Connecting" />;
  if (config.data && config.data.auth_mode !== 'local') return <Navigate to="/library" replace />;
  if (current) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const title = mode === 'login' ? 'Sign in to Blockloom' : 'Create your Blockloom account';
  return (
    <div className="grid min-h-full place-items-center p-4">
      <form
        onSubmit={onSubmit}
        aria-label={title}
        className="flex w-full max-w-sm flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h1 className="text-lg font-semibold">{title}</h1>
        {config.isError && <ErrorNote error={errorMessage(config.error)} />}
        <Field label="Email">
          {(id) => (
            <Input
              id={id}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Password" hint={mode === 'signup' ? 'At least 8 characters.' : undefined}>
          {(id) => (
            <Input
              id={id}
              type="password"
              autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
              required
              minLength={mode === 'signup' ? 8 : undefined}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        {submit.isError && <ErrorNote error={errorMessage(submit.error)} />}
        <Button type="submit" variant="primary" disabled={submit.isPending}>
          {mode === 'login' ? 'Sign in' : 'Create account'}
        </Button>
        <p className="text-center text-sm text-slate-500">
          {mode === 'login' ? (
            <>
              New here?{' '}
              <Link
                className="text-indigo-600 hover:underline"
                to={`/signup?next=${encodeURIComponent(next)}`}
              >
                Create an account
              </Link>
            </>
          ) : (
            <>
              Have an account?{' '}
              <Link
                className="text-indigo-600 hover:underline"
                to={`/login?next=${encodeURIComponent(next)}`}
              >
                Sign in
              </Link>
            </>
          )}
        </p>
      </form>
    </div>
  );
}
