import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { Button, Dialog, ErrorNote, Field, Input } from '../../components/ui';
import { deleteAgent, renameAgent, type GraphMeta } from './agents';

/** Renames an agent: saves a new version of it under the new name. */
export function RenameDialog({ agent, onClose }: { agent: GraphMeta | null; onClose: () => void }) {
  return (
    <Dialog open={agent !== null} title="Rename agent" onClose={onClose}>
      {agent && <RenameForm key={agent.id} agent={agent} onDone={onClose} />}
    </Dialog>
  );
}

function RenameForm({ agent, onDone }: { agent: GraphMeta; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(agent.name);
  const [touched, setTouched] = useState(false);
  const rename = useMutation({
    mutationFn: (newName: string) => renameAgent(agent.id, newName),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['graphs'] }),
        queryClient.invalidateQueries({ queryKey: ['graph', agent.id] }),
      ]);
      onDone();
    },
  });
  const trimmed = name.trim();
  const problem = trimmed === '' ? 'Give the agent a name.' : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    if (trimmed === agent.name) onDone();
    else rename.mutate(trimmed);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <Field label="Name" error={touched ? problem : null} hint="Saved as a new version of the agent.">
        {(id) => (
          <Input
            id={id}
            value={name}
            maxLength={500}
            autoFocus
            aria-invalid={touched && problem !== null}
            data-testid="rename-input"
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      {rename.isError && <ErrorNote error={errorMessage(rename.error)} />}
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={rename.isPending}>
          {rename.isPending ? 'Saving…' : 'Rename'}
        </Button>
      </div>
    </form>
  );
}

/** Asks before deleting an agent with every version of it. */
export function DeleteDialog({ agent, onClose }: { agent: GraphMeta | null; onClose: () => void }) {
  return (
    <Dialog open={agent !== null} title="Delete agent" onClose={onClose}>
      {agent && <DeleteConfirm key={agent.id} agent={agent} onDone={onClose} />}
    </Dialog>
  );
}

function DeleteConfirm({ agent, onDone }: { agent: GraphMeta; onDone: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteAgent(agent.id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ['graph', agent.id] });
      await queryClient.invalidateQueries({ queryKey: ['graphs'] });
      onDone();
    },
  });
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        Delete <strong>{agent.name}</strong> and all its versions? Its past runs stay in the run history. This
        cannot be undone.
      </p>
      {remove.isError && <ErrorNote error={errorMessage(remove.error)} />}
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>Cancel</Button>
        <Button
          variant="danger"
          data-testid="confirm-delete"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          {remove.isPending ? 'Deleting…' : 'Delete agent'}
        </Button>
      </div>
    </div>
  );
}
