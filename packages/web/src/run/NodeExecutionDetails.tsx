import type { ReactNode } from 'react';
import { StatusBadge, formatDuration } from '../components/ui';
import { formatClock } from './run-model';
import { ValueView } from './ValueView';

export { ValueView, type ValueViewProps } from './ValueView';

/**
 * The fields of a node execution the details show. A `NodeExecutionResult` (REST) or a
 * `node_execution_event` (WebSocket) fits as is; the builder may pass its own record in this shape.
 */
export interface NodeExecutionLike {
  node_exec_id?: string;
  node_id: string;
  status: string;
  /** The resolved input (once queued), by input name. */
  input_data?: Readonly<Record<string, unknown>> | null;
  /** Every value each output pin produced, in order; the `error` pin holds the failure. */
  output_data?: Readonly<Record<string, readonly unknown[]>> | null;
  add_time?: string | null;
  queue_time?: string | null;
  start_time?: string | null;
  end_time?: string | null;
}

export interface NodeExecutionDetailsProps {
  execution: NodeExecutionLike;
  /** The block's name, shown as the title; omitted when the caller already shows it. */
  blockName?: string;
}

function secondsBetween(from: string | null | undefined, to: string | null | undefined): number | undefined {
  if (!from || !to) return undefined;
  const seconds = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, seconds) : undefined;
}

function errorText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {title}
      </h4>
      {children}
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-500 italic dark:text-slate-400">{children}</p>;
}

/**
 * One node execution in full: status and times, the error highlighted, the resolved input, and every value
 * of every output pin (each through `ValueView`).
 */
export function NodeExecutionDetails({ execution, blockName }: NodeExecutionDetailsProps) {
  const inputs = Object.entries(execution.input_data ?? {});
  const outputs = Object.entries(execution.output_data ?? {});
  const errors = outputs.find(([pin]) => pin === 'error')?.[1] ?? [];
  const pins = outputs.filter(([pin]) => pin !== 'error');
  const times: [string, string][] = [
    ['Queued', formatClock(execution.queue_time ?? execution.add_time)],
    ['Started', formatClock(execution.start_time)],
    ['Ended', formatClock(execution.end_time)],
    ['Ran for', formatDuration(secondsBetween(execution.start_time, execution.end_time))],
  ];
  return (
    <div
      data-testid="node-exec-details"
      data-node-exec-id={execution.node_exec_id}
      className="flex flex-col gap-4 text-sm"
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {blockName && <h3 className="font-semibold">{blockName}</h3>}
        <StatusBadge status={execution.status} />
        <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {times.map(([term, value]) => (
            <div key={term} className="flex gap-1">
              <dt className="text-slate-500 dark:text-slate-400">{term}</dt>
              <dd className="font-mono">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      {errors.length > 0 && (
        <div
          data-testid="node-exec-error"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <p className="mb-1 font-semibold">Error</p>
          {errors.map((error, index) => (
            <pre key={index} className="font-mono text-xs break-words whitespace-pre-wrap">
              {errorText(error)}
            </pre>
          ))}
        </div>
      )}
      <Section title="Input">
        {inputs.length === 0 ? (
          <Empty>No input received.</Empty>
        ) : (
          <dl className="grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-3 gap-y-2">
            {inputs.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="pt-2 font-mono text-xs break-all text-slate-600 dark:text-slate-300">
                  {name}
                </dt>
                <dd className="min-w-0">
                  <ValueView value={value} label={`input ${name}`} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Section>
      <Section title="Output">
        {pins.length === 0 ? (
          <Empty>{errors.length > 0 ? 'No output besides the error.' : 'No output yet.'}</Empty>
        ) : (
          pins.map(([pin, values]) => (
            <div key={pin} data-testid="node-exec-output" data-pin={pin} className="flex flex-col gap-1">
              <p className="font-mono text-xs text-slate-600 dark:text-slate-300">
                {pin}{' '}
                <span className="text-slate-400">
                  ({values.length} {values.length === 1 ? 'value' : 'values'})
                </span>
              </p>
              {values.map((value, index) => (
                <ValueView
                  key={index}
                  value={value}
                  label={values.length > 1 ? `output ${pin} #${index + 1}` : `output ${pin}`}
                />
              ))}
            </div>
          ))
        )}
      </Section>
    </div>
  );
}
