import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { SchemaField } from '../components/SchemaField';
import { Button, Dialog, ErrorNote, Field, Spinner } from '../components/ui';
import { visibleFields, type FieldSpec } from '../editor/schema-form';
import { useCredentialOptions } from './queries';
import {
  buildRunRequest,
  isCredentialsChoice,
  loadRememberedRun,
  missingRequired,
  rememberRun,
  runCredentialFields,
  runInputFields,
  runRefusal,
  type CredentialsChoices,
  type RunValues,
} from './run-inputs';

export interface RunDialogProps {
  /** The graph version to run, as `GET /api/graphs/{id}` gives it: its input and credentials schemas. */
  graph: Schemas['Graph'];
  open: boolean;
  /** Cancel, Escape, the close button, and after a successful start. */
  onClose(): void;
  /** The server accepted the run (`POST /api/graphs/{id}/execute/{version}`); the dialog closes after it. */
  onStarted(run: Schemas['GraphExecutionMeta']): void;
}

/**
 * "Run agent": a form built from the graph's `input_schema` and `credentials_input_schema`, prefilled with
 * the graph's last inputs in this browser. Server refusals stay in the dialog, under the inputs they name.
 */
export function RunDialog({ graph, open, onClose, onStarted }: RunDialogProps) {
  const fields = useMemo(() => runInputFields(graph), [graph]);
  const wide = fields.some(
    (field) => field.kind !== 'text' && field.kind !== 'number' && field.kind !== 'boolean',
  );
  return (
    <Dialog open={open} title={`Run ${graph.name || 'agent'}`} onClose={onClose} wide={wide}>
      <RunForm graph={graph} fields={fields} onClose={onClose} onStarted={onStarted} />
    </Dialog>
  );
}

function RequiredMark() {
  return (
    <span aria-hidden className="ml-0.5 text-red-600 dark:text-red-400">
      *
    </span>
  );
}

function Description({ text }: { text: string | undefined }) {
  return text ? <span className="whitespace-pre-line">{text}</span> : undefined;
}

function RunForm({
  graph,
  fields,
  onClose,
  onStarted,
}: Omit<RunDialogProps, 'open'> & { fields: readonly FieldSpec[] }) {
  const credentialFields = useMemo(() => runCredentialFields(graph), [graph]);
  const [remembered] = useState(() => loadRememberedRun(graph.id, fields, credentialFields));
  const [values, setValues] = useState<RunValues>(remembered.values);
  const [credentials, setCredentials] = useState<CredentialsChoices>(remembered.credentials);
  const [showAdvanced, setShowAdvanced] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const credentialOptions = useCredentialOptions();
  const queryClient = useQueryClient();

  const start = useMutation({
    mutationFn: (body: ReturnType<typeof buildRunRequest>) =>
      unwrap(
        api.POST('/api/graphs/{id}/execute/{version}', {
          params: { path: { id: graph.id, version: graph.version } },
          body,
        }),
      ),
    onSuccess: (run, body) => {
      rememberRun(graph.id, body, fields);
      void queryClient.invalidateQueries({ queryKey: ['executions'] });
      void queryClient.invalidateQueries({ queryKey: ['graph-executions', graph.id] });
      onStarted(run);
      onClose();
    },
    onError: (error) => {
      const refusal = runRefusal(
        error,
        fields.map((field) => field.name),
      );
      setFormError(refusal.message);
      setFieldErrors(refusal.fields);
    },
  });

  const shown = visibleFields(fields, { showAdvanced, alwaysShow: Object.keys(fieldErrors) });
  const hasAdvanced = fields.some((field) => field.advanced);

  const setValue = (name: string, value: unknown) => {
    setValues((current) => ({ ...current, [name]: value }));
    setFieldErrors(({ [name]: _cleared, ...rest }) => rest);
  };
  const setCredential = (name: string, value: unknown) => {
    setCredentials(({ [name]: _previous, ...rest }) =>
      isCredentialsChoice(value) ? { ...rest, [name]: value } : rest,
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A control keeps text it cannot parse ("1.5" in a whole-number input) to itself and marks it invalid.
    if (event.currentTarget.querySelector('[aria-invalid="true"]')) {
      setFormError('Some values are not valid: correct the fields marked in red.');
      return;
    }
    const missing = missingRequired(fields, values);
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) {
      setFormError(null);
      return;
    }
    setFormError(null);
    start.mutate(buildRunRequest(fields, values, credentials));
  };

  return (
    <form data-testid="run-dialog" className="flex flex-col gap-4" noValidate onSubmit={submit}>
      {graph.instructions && (
        <p className="rounded-md bg-slate-100 p-3 text-sm whitespace-pre-line text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          {graph.instructions}
        </p>
      )}
      {fields.length === 0 && credentialFields.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          This agent needs nothing to start. Press Run.
        </p>
      )}
      {shown.map((field) => (
        <Field
          key={field.name}
          label={
            <>
              {field.title}
              {field.required && <RequiredMark />}
            </>
          }
          hint={<Description text={field.description} />}
          error={fieldErrors[field.name]}
        >
          {(id) => (
            <SchemaField
              spec={field}
              value={values[field.name]}
              onChange={(value) => setValue(field.name, value)}
              id={id}
            />
          )}
        </Field>
      ))}
      {hasAdvanced && (
        <label className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
          <input
            type="checkbox"
            checked={showAdvanced}
            onChange={(event) => setShowAdvanced(event.target.checked)}
          />
          Show advanced options
        </label>
      )}
      {credentialFields.length > 0 && (
        <fieldset className="flex flex-col gap-3 border-t border-slate-200 pt-3 dark:border-slate-700">
          <legend className="pr-2 text-sm font-semibold">Credentials</legend>
          {credentialOptions.isLoading ? (
            <Spinner label="Loading credentials" />
          ) : (
            credentialFields.map((field) => (
              <Field key={field.name} label={field.title}>
                {(id) => (
                  <SchemaField
                    spec={field}
                    value={credentials[field.name]}
                    onChange={(value) => setCredential(field.name, value)}
                    id={id}
                    credentials={credentialOptions.options}
                  />
                )}
              </Field>
            ))
          )}
        </fieldset>
      )}
      {formError && <ErrorNote error={formError} />}
      <div className="flex justify-end gap-2 border-t border-slate-200 pt-3 dark:border-slate-700">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" data-testid="run-dialog-submit" disabled={start.isPending}>
          {start.isPending ? 'Starting…' : 'Run'}
        </Button>
      </div>
    </form>
  );
}
