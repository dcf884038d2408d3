import { Button, Dialog, ErrorNote, formatTime } from '../components/ui';
import { describeApiError } from './run-inputs';
import type { RunMeta } from './run-model';
import { useDeleteRun } from './runs-data';

export interface DeleteRunDialogProps {
  /** The run to delete; the dialog is open while it is set. */
  run: RunMeta | null;
  agentName?: string;
  onClose(): void;
  /** After the server deleted it (the lists are refreshed already). */
  onDeleted?(run: RunMeta): void;
}

/** Confirms, then deletes a run (`DELETE /api/executions/{exec_id}`); a refusal stays in the dialog. */
export function DeleteRunDialog({ run, agentName, onClose, onDeleted }: DeleteRunDialogProps) {
  const remove = useDeleteRun();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={run !== null} title="Delete this run?" onClose={close}>
      {run && (
        <div className="flex flex-col gap-4 text-sm" data-testid="delete-run-dialog">
          <p>
            The run of <strong>{agentName ?? 'this agent'}</strong>
            {run.started_at ? ` started ${formatTime(run.started_at)}` : ''} and its results will no longer be
            listed. This cannot be undone.
          </p>
          {remove.error && <ErrorNote error={describeApiError(remove.error)} />}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button
              variant="danger"
              data-testid="delete-run-confirm"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(run, {
                  onSuccess: () => {
                    onDeleted?.(run);
                    close();
                  },
                })
              }
            >
              {remove.isPending ? 'Deleting…' : 'Delete run'}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
