import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, errorMessage, unwrap, type Schemas } from '../../api/client';
import {
  Button,
  DataTable,
  Dialog,
  EmptyState,
  ErrorNote,
  Field,
  Input,
  Select,
  Spinner,
} from '../../components/ui';

type Credential = Schemas['CredentialsMetaResponse'];

/** The OAuth2 providers the server knows; each works once its client id and secret are configured. */
const OAUTH_PROVIDERS = [
  { id: 'github', label: 'GitHub' },
  { id: 'google', label: 'Google' },
] as const;
type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];

const credentialTypeLabels: Record<Credential['type'], string> = {
  api_key: 'API key',
  oauth2: 'OAuth',
  user_password: 'Username and password',
  host_scoped: 'Host headers',
};

/** Provider names as the server accepts them in a path. */
const PROVIDER_NAME = /^[A-Za-z0-9_-]{1,64}$/;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * The providers an API key can be stored for: every provider a block's credentials field names
 * (`credentials_provider`) when that field accepts API keys (`credentials_types`), sorted.
 */
function apiKeyProviders(blocks: readonly Pick<Schemas['Block'], 'inputSchema'>[]): string[] {
  const providers = new Set<string>();
  for (const block of blocks) {
    const properties = block.inputSchema.properties;
    if (typeof properties !== 'object' || properties === null) continue;
    for (const property of Object.values(properties as Record<string, unknown>)) {
      if (typeof property !== 'object' || property === null) continue;
      const field = property as Record<string, unknown>;
      const types = strings(field.credentials_types);
      if (types.length > 0 && !types.includes('api_key')) continue;
      for (const provider of strings(field.credentials_provider)) providers.add(provider);
    }
  }
  return [...providers].sort((a, b) => a.localeCompare(b));
}

/** The end of a `yyyy-mm-dd` day in local time, in seconds since the epoch. */
function endOfDay(date: string): number {
  return Math.floor(new Date(`${date}T23:59:59`).getTime() / 1000);
}

function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const OTHER = 'other';

/** Stores an API key for a provider (`POST /api/integrations/{provider}/credentials`). */
function AddApiKeyForm({ onCancel, onSaved }: { onCancel: () => void; onSaved: (title: string) => void }) {
  const queryClient = useQueryClient();
  const providers = useQuery({
    queryKey: ['blocks'],
    queryFn: () => unwrap(api.GET('/api/blocks')),
    staleTime: Infinity,
    select: apiKeyProviders,
  });
  const [choice, setChoice] = useState('');
  const [other, setOther] = useState('');
  const [title, setTitle] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [expiry, setExpiry] = useState('');
  const [submitted, setSubmitted] = useState(false);
  // Typed in when the user picks "Other…", or when the list of providers could not be loaded.
  const typed = choice === OTHER || providers.isError;
  const provider = typed ? other.trim() : choice;
  const today = localDate(new Date());
  const problems = {
    provider:
      provider === ''
        ? typed
          ? 'Type the provider’s name.'
          : 'Choose a provider.'
        : PROVIDER_NAME.test(provider)
          ? null
          : 'Use letters, digits, “_” and “-” only (at most 64).',
    apiKey: apiKey.trim() === '' ? 'Paste the API key.' : null,
    expiry: expiry !== '' && expiry < today ? 'Choose today or a later date.' : null,
  };
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/integrations/{provider}/credentials', {
          params: { path: { provider } },
          body: {
            type: 'api_key',
            provider,
            title: title.trim() || null,
            api_key: apiKey.trim(),
            expires_at: expiry ? endOfDay(expiry) : null,
          },
        }),
      ),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['credentials'] });
      onSaved(saved.title ?? provider);
    },
  });
  const shown = (problem: string | null) => (submitted ? problem : null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(problems).some(Boolean)) return;
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="add-credential-form">
      {!typed && (
        <Field label="Provider" error={shown(problems.provider)}>
          {(id) => (
            <Select
              id={id}
              value={choice}
              disabled={providers.isPending}
              aria-invalid={Boolean(shown(problems.provider))}
              data-testid="credential-provider"
              onChange={(event) => setChoice(event.target.value)}
            >
              <option value="">{providers.isPending ? 'Loading providers…' : 'Choose a provider'}</option>
              {providers.data?.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
              <option value={OTHER}>Other…</option>
            </Select>
          )}
        </Field>
      )}
      {typed && (
        <Field
          label="Provider name"
          hint={
            providers.isError
              ? 'The list of providers could not be loaded; type the provider’s name as blocks spell it.'
              : 'As blocks spell it, e.g. openai.'
          }
          error={shown(problems.provider)}
        >
          {(id) => (
            <div className="flex gap-2">
              <Input
                id={id}
                value={other}
                autoFocus
                aria-invalid={Boolean(shown(problems.provider))}
                data-testid="credential-provider-other"
                onChange={(event) => setOther(event.target.value)}
              />
              {!providers.isError && (
                <Button size="sm" variant="ghost" onClick={() => setChoice('')}>
                  Back to the list
                </Button>
              )}
            </div>
          )}
        </Field>
      )}
      <Field label="Title" hint="Optional: how this key is named when you pick credentials for an agent.">
        {(id) => (
          <Input
            id={id}
            value={title}
            maxLength={200}
            data-testid="credential-title"
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <Field label="API key" hint="Stored encrypted; it is never shown again." error={shown(problems.apiKey)}>
        {(id) => (
          <Input
            id={id}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={apiKey}
            maxLength={8192}
            aria-invalid={Boolean(shown(problems.apiKey))}
            data-testid="credential-api-key"
            onChange={(event) => setApiKey(event.target.value)}
          />
        )}
      </Field>
      <Field label="Expires on" hint="Optional." error={shown(problems.expiry)}>
        {(id) => (
          <Input
            id={id}
            type="date"
            min={today}
            value={expiry}
            aria-invalid={Boolean(shown(problems.expiry))}
            onChange={(event) => setExpiry(event.target.value)}
          />
        )}
      </Field>
      {save.isError && <ErrorNote error={errorMessage(save.error)} />}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={save.isPending} data-testid="save-credential">
          {save.isPending ? 'Saving…' : 'Save API key'}
        </Button>
      </div>
    </form>
  );
}

const sectionTitle = 'text-base font-semibold';

function details(credential: Credential): string {
  const parts = [
    credential.username && `as ${credential.username}`,
    credential.host && `for ${credential.host}`,
    credential.scopes && credential.scopes.length > 0 && `scopes: ${credential.scopes.join(', ')}`,
  ];
  return parts.filter(Boolean).join(' · ') || '—';
}

/** The server's own reason when it gives one as text (its `message` only names the route). */
function reasonOf(error: unknown): string {
  return error instanceof ApiError && typeof error.detail === 'string' && error.detail !== ''
    ? error.detail
    : errorMessage(error);
}

/** Starts the OAuth2 flow: the callback page reads the provider back from sessionStorage. */
function ConnectButtons() {
  const [unavailable, setUnavailable] = useState<Partial<Record<OAuthProvider['id'], string>>>({});
  const connect = useMutation({
    mutationFn: (provider: OAuthProvider) =>
      unwrap(api.GET('/api/integrations/{provider}/login', { params: { path: { provider: provider.id } } })),
    onSuccess: ({ login_url }, provider) => {
      sessionStorage.setItem('blockloom.oauth.provider', provider.id);
      location.href = login_url;
    },
    onError: (error, provider) => {
      // Not configured on this server: the button is replaced by the reason, for this visit.
      if (error instanceof ApiError && (error.status === 501 || error.status === 404))
        setUnavailable((current) => ({ ...current, [provider.id]: reasonOf(error) }));
    },
  });
  const failed =
    connect.isError &&
    !(connect.error instanceof ApiError && [404, 501].includes(connect.error.status)) &&
    connect.variables;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {OAUTH_PROVIDERS.filter((provider) => !unavailable[provider.id]).map((provider) => (
          <Button
            key={provider.id}
            data-testid={`connect-${provider.id}`}
            disabled={connect.isPending}
            onClick={() => connect.mutate(provider)}
          >
            {connect.isPending && connect.variables.id === provider.id
              ? `Connecting ${provider.label}…`
              : `Connect ${provider.label}`}
          </Button>
        ))}
      </div>
      <div role="status" className="flex flex-col gap-1 text-sm text-slate-600 dark:text-slate-400">
        {OAUTH_PROVIDERS.map(
          (provider) =>
            unavailable[provider.id] && (
              <p key={provider.id} data-testid={`oauth-unavailable-${provider.id}`}>
                {provider.label} cannot be connected on this server: {unavailable[provider.id]}
              </p>
            ),
        )}
      </div>
      {failed && <ErrorNote error={`Could not connect ${failed.label}: ${errorMessage(connect.error)}`} />}
    </div>
  );
}

/** Deletes after a confirmation; when graphs use the credentials, the server asks again. */
function DeleteCredential({
  credential,
  onDone,
}: {
  credential: Credential;
  onDone: (notice: string) => void;
}) {
  const queryClient = useQueryClient();
  const name = credential.title ?? credential.provider;
  const remove = useMutation({
    mutationFn: (force: boolean) =>
      unwrap(
        api.DELETE('/api/integrations/{provider}/credentials/{cred_id}', {
          params: {
            path: { provider: credential.provider, cred_id: credential.id },
            query: force ? { force: 'true' } : {},
          },
        }),
      ),
    onSuccess: async (result) => {
      if (!result.deleted) return;
      await queryClient.invalidateQueries({ queryKey: ['credentials'] });
      onDone(
        result.revoked === false
          ? `Deleted “${name}”. The provider did not confirm that the token is revoked: revoke it in your ${credential.provider} account settings.`
          : `Deleted “${name}”.`,
      );
    },
  });
  const confirmation = remove.data && !remove.data.deleted ? remove.data.message : null;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        Delete <strong>{name}</strong> ({credential.provider}, {credentialTypeLabels[credential.type]})?
        Agents that use them will need other credentials to run.
      </p>
      {confirmation && (
        <p
          role="alert"
          data-testid="credential-delete-confirmation"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          {confirmation}
        </p>
      )}
      {remove.isError && <ErrorNote error={errorMessage(remove.error)} />}
      <div className="flex justify-end gap-2">
        <Button onClick={() => onDone('')}>Cancel</Button>
        <Button
          variant="danger"
          data-testid="confirm-delete-credential"
          disabled={remove.isPending}
          onClick={() => remove.mutate(confirmation !== null)}
        >
          {remove.isPending ? 'Deleting…' : confirmation ? 'Delete anyway' : 'Delete'}
        </Button>
      </div>
    </div>
  );
}

function PlatformCredentials() {
  const platform = useQuery({
    queryKey: ['platform-credentials'],
    queryFn: () => unwrap(api.GET('/api/integrations/platform-credentials')),
  });
  return (
    <section aria-labelledby="platform-credentials" className="flex flex-col gap-2">
      <h2 id="platform-credentials" className={sectionTitle}>
        Provided by the server
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Keys set in the server’s environment. A node whose credentials are left empty uses the first one of
        its provider. They cannot be viewed or deleted here.
      </p>
      {platform.isPending ? (
        <Spinner label="Loading the server’s credentials" />
      ) : platform.isError ? (
        <ErrorNote error={errorMessage(platform.error)} onRetry={() => void platform.refetch()} />
      ) : platform.data.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">This server provides no credentials.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {platform.data.map((credential) => (
            <li
              key={credential.id}
              data-testid="platform-credential"
              className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
            >
              <span className="font-medium">{credential.title ?? credential.provider}</span>
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {credential.provider} · {credentialTypeLabels[credential.type]}
              </span>
              <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-700 dark:text-slate-200">
                from the server
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/settings/credentials`: the user's integration credentials (metadata only), add, connect, delete. */
export default function Credentials() {
  const credentials = useQuery({
    queryKey: ['credentials'],
    queryFn: () => unwrap(api.GET('/api/integrations/credentials')),
  });
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Credential | null>(null);
  const [notice, setNotice] = useState('');

  let list;
  if (credentials.isPending) list = <Spinner label="Loading your credentials" />;
  else if (credentials.isError)
    list = <ErrorNote error={errorMessage(credentials.error)} onRetry={() => void credentials.refetch()} />;
  else if (credentials.data.length === 0)
    list = (
      <EmptyState title="No credentials yet">
        Add an API key or connect an account: agents use them to reach other services.
      </EmptyState>
    );
  else
    list = (
      <DataTable
        caption="Your credentials"
        columns={[
          { label: 'Name' },
          { label: 'Provider' },
          { label: 'Type' },
          { label: 'Details' },
          { label: 'Actions', srOnly: true },
        ]}
      >
        {credentials.data.map((credential) => (
          <tr key={credential.id} data-testid="credential-row" data-credential-id={credential.id}>
            <td className="px-3 py-2 font-medium">{credential.title ?? credential.provider}</td>
            <td className="px-3 py-2 font-mono text-xs">{credential.provider}</td>
            <td className="px-3 py-2">{credentialTypeLabels[credential.type]}</td>
            <td className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">{details(credential)}</td>
            <td className="px-3 py-2 text-right">
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Delete ${credential.title ?? credential.provider}`}
                className="text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
                onClick={() => {
                  setNotice('');
                  setDeleting(credential);
                }}
              >
                Delete
              </Button>
            </td>
          </tr>
        ))}
      </DataTable>
    );

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="your-credentials" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="your-credentials" className={sectionTitle}>
            Your credentials
          </h2>
          <Button
            variant="primary"
            data-testid="add-credential"
            onClick={() => {
              setNotice('');
              setAdding(true);
            }}
          >
            Add API key
          </Button>
        </div>
        {notice && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {notice}
          </p>
        )}
        {list}
      </section>
      <section aria-labelledby="connect-accounts" className="flex flex-col gap-2">
        <h2 id="connect-accounts" className={sectionTitle}>
          Connect an account
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Sign in with a provider to let your agents act for you there.
        </p>
        <ConnectButtons />
      </section>
      <PlatformCredentials />
      <Dialog open={adding} title="Add API key" onClose={() => setAdding(false)}>
        {adding && (
          <AddApiKeyForm
            onCancel={() => setAdding(false)}
            onSaved={(title) => {
              setAdding(false);
              setNotice(`Saved “${title}”.`);
            }}
          />
        )}
      </Dialog>
      <Dialog open={deleting !== null} title="Delete credentials" onClose={() => setDeleting(null)}>
        {deleting && (
          <DeleteCredential
            key={deleting.id}
            credential={deleting}
            onDone={(message) => {
              setDeleting(null);
              setNotice(message);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
