import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage, unwrap } from '../api/client';
import { ErrorNote, Spinner } from '../components/ui';

/**
 * Where an OAuth provider sends the user back (`/auth/integrations/oauth_callback?code&state`): the code is
 * exchanged for credentials by the server. The provider was remembered when the login started.
 */
export default function OAuthCallback() {
  const [params] = useSearchParams();
  const code = params.get('code');
  const state = params.get('state');
  const provider = sessionStorage.getItem('blockloom.oauth.provider');
  const exchange = useQuery({
    queryKey: ['oauth-callback', code, state],
    enabled: Boolean(code && state && provider),
    retry: false,
    queryFn: () =>
      unwrap(
        api.POST('/api/integrations/{provider}/callback', {
          params: { path: { provider: provider! } },
          body: { code: code!, state_token: state! },
        }),
      ),
  });
  if (!code || !state || !provider)
    return (
      <ErrorNote
        error={params.get('error_description') ?? 'The sign-in with the provider did not complete.'}
      />
    );
  if (exchange.isPending) return <Spinner label="Connecting your account" />;
  if (exchange.isError) return <ErrorNote error={errorMessage(exchange.error)} />;
  return (
    <div className="flex flex-col gap-2">
      <p role="status">
        Connected {exchange.data.provider}
        {exchange.data.username ? ` as ${exchange.data.username}` : ''}.
      </p>
      <Link className="text-indigo-600 hover:underline" to="/settings/credentials">
        Back to your credentials
      </Link>
    </div>
  );
}
