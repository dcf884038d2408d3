import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client';
import { EmptyState, ErrorNote, Spinner } from '../components/ui';
import { useBlocks, useGraph } from '../run/queries';
import { Builder } from './Builder';

/** The key of the graph the URL asks for: the editor restarts when it changes (another graph or version). */
function graphKey(flowID: string | undefined, flowVersion: number | undefined): string {
  return flowID ? `${flowID}@${flowVersion ?? 'latest'}` : 'new';
}

/**
 * `/build?flowID=<graph id>&flowVersion=<n>&execID=<run id>`: loads the blocks and the graph, then the
 * editor. Without `flowID` it edits a new, unsaved agent.
 */
export default function BuilderPage() {
  const [params] = useSearchParams();
  const flowID = params.get('flowID') || undefined;
  const rawVersion = params.get('flowVersion');
  const flowVersion = rawVersion && /^\d+$/.test(rawVersion) ? Number(rawVersion) : undefined;
  const execID = params.get('execID') || undefined;
  const blocks = useBlocks();
  const graph = useGraph(flowID, flowVersion);

  // Saving a new agent puts its id in the URL: the editor keeps going (it "adopts" the new key) instead of
  // restarting. Any other change of graph or version starts a new editor.
  const urlKey = graphKey(flowID, flowVersion);
  const [session, setSession] = useState({ urlKey, editorKey: urlKey, adopt: null as string | null });
  if (session.urlKey !== urlKey) {
    setSession({ urlKey, editorKey: session.adopt === urlKey ? session.editorKey : urlKey, adopt: null });
  }
  const adopt = (id: string) => setSession((current) => ({ ...current, adopt: graphKey(id, undefined) }));

  if (blocks.isLoading || (flowID && graph.isLoading)) {
    return (
      <div className="grid h-full place-items-center">
        <Spinner label="Loading the builder" />
      </div>
    );
  }
  if (blocks.error || !blocks.data) {
    return (
      <div className="p-6">
        <ErrorNote
          error={`The blocks could not be loaded: ${errorMessage(blocks.error)}`}
          onRetry={() => void blocks.refetch()}
        />
      </div>
    );
  }
  if (flowID && (graph.error || !graph.data)) {
    const missing = graph.error instanceof ApiError && graph.error.status === 404;
    return (
      <div className="mx-auto max-w-xl p-6">
        {missing ? (
          <EmptyState title="This agent does not exist">
            It may have been deleted, or the link is wrong.{' '}
            <Link className="text-indigo-600 hover:underline dark:text-indigo-400" to="/library">
              Back to the library
            </Link>{' '}
            or{' '}
            <Link className="text-indigo-600 hover:underline dark:text-indigo-400" to="/build">
              start a new agent
            </Link>
            .
          </EmptyState>
        ) : (
          <ErrorNote
            error={`The agent could not be loaded: ${errorMessage(graph.error)}`}
            onRetry={() => void graph.refetch()}
          />
        )}
      </div>
    );
  }
  return (
    <ReactFlowProvider key={session.editorKey}>
      <Builder
        blocks={blocks.data}
        initial={flowID ? graph.data : undefined}
        execId={execID}
        onSavedAs={adopt}
      />
    </ReactFlowProvider>
  );
}
