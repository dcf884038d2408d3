import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage, unwrap, type Schemas } from '../../api/client';
import {
  Button,
  cx,
  DataTable,
  Dialog,
  EmptyState,
  ErrorNote,
  Field,
  formatTime,
  Input,
  Spinner,
  TextArea,
} from '../../components/ui';

type ApiKey = Schemas['APIKeyInfo'];
type Permission = ApiKey['scopes'][number];

/** Every permission a key can have, once; `satisfies` makes the compiler flag one added or removed. */
const PERMISSIONS = {
  IDENTITY: 'Read your account’s id, email and timezone',
  EXECUTE_GRAPH: 'Run agents',
  READ_GRAPH: 'Read agents and their runs’ results',
  WRITE_GRAPH: 'Create and change agents',
  EXECUTE_BLOCK: 'Run single blocks',
  READ_BLOCK: 'List the blocks',
  READ_STORE: 'Read the store',
  WRITE_LIBRARY: 'Add agents to the library',
  USE_TOOLS: 'Use tools',
  MANAGE_INTEGRATIONS: 'Add integration credentials',
  READ_INTEGRATIONS: 'List integration credentials',
  DELETE_INTEGRATIONS: 'Delete integration credentials',
} as const satisfies Record<Permission, string>;

const permissionNames = Object.keys(PERMISSIONS) as Permission[];

const statusStyles: Record<ApiKey['status'], string> = {
  ACTIVE: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200',
  SUSPENDED: 'bg-amber-100 text-amber-800 dark:bg-amber-900 dark:text-amber-200',
  REVOKED: 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};

function KeyStatus({ status }: { status: ApiKey['status'] }) {
  return (
    <span
      data-status={status}
      className={cx('inline-block rounded px-1.5 py-0.5 text-xs font-medium', statusStyles[status])}
    >
      {status.toLowerCase()}
    </span>
  );
}

/** `POST /api/api-keys`; the answer carries the plain key, which the server never gives again. */
function CreateKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (key: string) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<Permission>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const errorId = useId();
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/api-keys', {
          body: {
            name: name.trim(),
            // In the list's order, whatever the order of the clicks.
            permissions: permissionNames.filter((permission) => chosen.has(permission)),
            ...(description.trim() ? { description: description.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
      onCreated(created.plain_text_key);
    },
  });
  const problems = {
    name: name.trim() === '' ? 'Give the key a name.' : null,
    permissions: chosen.size === 0 ? 'Choose at least one permission.' : null,
  };
  const toggle = (permission: Permission, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(permission);
      else next.delete(permission);
      return next;
    });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (problems.name || problems.permissions) return;
    create.mutate();
  };
  const allChosen = chosen.size === permissionNames.length;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="create-api-key-form">
      <Field label="Name" error={submitted ? problems.name : null}>
        {(id) => (
          <Input
            id={id}
            value={name}
            maxLength={200}
            autoFocus
            aria-invalid={submitted && problems.name !== null}
            data-testid="api-key-name"
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <Field label="Description" hint="Optional: what uses this key.">
        {(id) => (
          <TextArea
            id={id}
            rows={2}
            maxLength={2000}
            className="font-sans text-sm"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </Field>
      <fieldset aria-describedby={submitted && problems.permissions ? errorId : undefined}>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Permissions</legend>
        <div className="mb-1 flex items-center justify-between gap-2">
          <p className="text-xs text-slate-500 dark:text-slate-400">What programs using this key may do.</p>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setChosen(allChosen ? new Set() : new Set(permissionNames))}
          >
            {allChosen ? 'Clear all' : 'Select all'}
          </Button>
        </div>
        <div className="grid gap-1 sm:grid-cols-2">
          {permissionNames.map((permission) => (
            <label
              key={permission}
              className="flex items-start gap-2 rounded-md p-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800"
            >
              <input
                type="checkbox"
                className="mt-0.5 accent-indigo-600"
                checked={chosen.has(permission)}
                data-permission={permission}
                onChange={(event) => toggle(permission, event.target.checked)}
              />
              <span>
                <span className="block font-mono text-xs">{permission}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {PERMISSIONS[permission]}
                </span>
              </span>
            </label>
          ))}
        </div>
        {submitted && problems.permissions && (
          <p id={errorId} role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
            {problems.permissions}
          </p>
        )}
      </fieldset>
      {create.isError && <ErrorNote error={errorMessage(create.error)} />}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          type="submit"
          variant="primary"
          disabled={create.isPending}
          data-testid="create-api-key-submit"
        >
          {create.isPending ? 'Creating…' : 'Create key'}
        </Button>
      </div>
    </form>
  );
}

/** Shows a new key once, with a way to copy it. */
function PlainKey({ plain, onDone }: { plain: string; onDone: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'select'>('idle');
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(plain);
      setCopy('copied');
    } catch {
      // No clipboard access (insecure context, permission refused): the text is selected for Ctrl+C.
      const input = box.current?.querySelector('input');
      input?.focus();
      input?.select();
      setCopy('select');
    }
  };
  return (
    <div className="flex flex-col gap-4">
      <p
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
      >
        Copy this key now and keep it somewhere safe: it will not be shown again.
      </p>
      <Field label="Your new API key">
        {(id) => (
          <div ref={box} className="flex gap-2">
            <Input
              id={id}
              readOnly
              value={plain}
              className="font-mono text-xs"
              data-testid="api-key-plain"
              onFocus={(event) => event.target.select()}
            />
            <Button variant="primary" onClick={() => void onCopy()} data-testid="api-key-copy">
              Copy
            </Button>
          </div>
        )}
      </Field>
      <p role="status" className="min-h-5 text-sm text-slate-600 dark:text-slate-400">
        {copy === 'copied' && 'Copied to the clipboard.'}
        {copy === 'select' &&
          'The clipboard is not available: the key is selected, press Ctrl+C (⌘C) to copy it.'}
      </p>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}

type KeyAction = { kind: 'revoke' | 'suspend'; key: ApiKey };

function ConfirmKeyAction({ action, onDone }: { action: KeyAction; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { kind, key } = action;
  const run = useMutation({
    mutationFn: () => {
      const params = { params: { path: { key_id: key.id } } };
      return unwrap(
        kind === 'revoke'
          ? api.DELETE('/api/api-keys/{key_id}', params)
          : api.POST('/api/api-keys/{key_id}/suspend', params),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
      onDone();
    },
  });
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        {kind === 'revoke' ? (
          <>
            Revoke <strong>{key.name}</strong>? Programs using it will be refused from now on. This cannot be
            undone.
          </>
        ) : (
          <>
            Suspend <strong>{key.name}</strong>? Programs using it will be refused while it is suspended; it
            cannot be reactivated from this page.
          </>
        )}
      </p>
      {run.isError && <ErrorNote error={errorMessage(run.error)} />}
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>Cancel</Button>
        <Button
          variant="danger"
          data-testid={`confirm-${kind}-api-key`}
          disabled={run.isPending}
          onClick={() => run.mutate()}
        >
          {run.isPending ? 'Working…' : kind === 'revoke' ? 'Revoke key' : 'Suspend key'}
        </Button>
      </div>
    </div>
  );
}

function KeyRow({ apiKey, onAction }: { apiKey: ApiKey; onAction: (action: KeyAction) => void }) {
  return (
    <tr data-testid="api-key-row" data-api-key-id={apiKey.id} className="align-top">
      <td className="px-3 py-2">
        <span className="font-medium">{apiKey.name}</span>
        {apiKey.description && (
          <p className="line-clamp-2 text-xs text-slate-500 dark:text-slate-400">{apiKey.description}</p>
        )}
      </td>
      <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">
        {apiKey.head}…{apiKey.tail}
      </td>
      <td className="px-3 py-2">
        <ul className="flex max-w-xs flex-wrap gap-1" aria-label={`Permissions of ${apiKey.name}`}>
          {apiKey.scopes.map((scope) => (
            <li
              key={scope}
              title={PERMISSIONS[scope]}
              className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700 dark:bg-slate-800 dark:text-slate-300"
            >
              {scope}
            </li>
          ))}
        </ul>
      </td>
      <td className="px-3 py-2">
        <KeyStatus status={apiKey.status} />
      </td>
      <td className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">
        {formatTime(apiKey.created_at)}
      </td>
      <td className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">
        {apiKey.last_used_at ? formatTime(apiKey.last_used_at) : 'Never'}
      </td>
      <td className="px-3 py-2">
        <div className="flex justify-end gap-1">
          {apiKey.status === 'ACTIVE' && (
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Suspend ${apiKey.name}`}
              onClick={() => onAction({ kind: 'suspend', key: apiKey })}
            >
              Suspend
            </Button>
          )}
          {apiKey.status !== 'REVOKED' && (
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Revoke ${apiKey.name}`}
              className="text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
              onClick={() => onAction({ kind: 'revoke', key: apiKey })}
            >
              Revoke
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}

/** `/settings/api-keys`: keys for the external API (`/external-api/v1`): list, create, suspend, revoke. */
export default function ApiKeys() {
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => unwrap(api.GET('/api/api-keys')) });
  const [creating, setCreating] = useState(false);
  const [plain, setPlain] = useState<string | null>(null);
  const [action, setAction] = useState<KeyAction | null>(null);

  let list;
  if (keys.isPending) list = <Spinner label="Loading your API keys" />;
  else if (keys.isError)
    list = <ErrorNote error={errorMessage(keys.error)} onRetry={() => void keys.refetch()} />;
  else if (keys.data.length === 0)
    list = (
      <EmptyState title="No API keys yet">
        Create a key to let a program run your agents through the external API.
      </EmptyState>
    );
  else
    list = (
      <DataTable
        caption="Your API keys"
        columns={[
          { label: 'Name' },
          { label: 'Key' },
          { label: 'Permissions' },
          { label: 'Status' },
          { label: 'Created' },
          { label: 'Last used' },
          { label: 'Actions', srOnly: true },
        ]}
      >
        {keys.data.map((apiKey) => (
          <KeyRow key={apiKey.id} apiKey={apiKey} onAction={setAction} />
        ))}
      </DataTable>
    );

  return (
    <section aria-labelledby="api-keys-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="api-keys-title" className="text-base font-semibold">
            API keys
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Programs use a key to call the external API (<code>/external-api/v1</code>) as you.
          </p>
        </div>
        <Button variant="primary" data-testid="create-api-key" onClick={() => setCreating(true)}>
          Create API key
        </Button>
      </div>
      {list}
      <Dialog open={creating} title="Create API key" onClose={() => setCreating(false)} wide>
        {creating && (
          <CreateKeyForm
            onCancel={() => setCreating(false)}
            onCreated={(key) => {
              setCreating(false);
              setPlain(key);
            }}
          />
        )}
      </Dialog>
      <Dialog open={plain !== null} title="Your new API key" onClose={() => setPlain(null)}>
        {plain !== null && <PlainKey plain={plain} onDone={() => setPlain(null)} />}
      </Dialog>
      <Dialog
        open={action !== null}
        title={action?.kind === 'suspend' ? 'Suspend API key' : 'Revoke API key'}
        onClose={() => setAction(null)}
      >
        {action && (
          <ConfirmKeyAction
            key={`${action.kind}-${action.key.id}`}
            action={action}
            onDone={() => setAction(null)}
          />
        )}
      </Dialog>
    </section>
  );
}
