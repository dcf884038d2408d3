import type { ReactNode } from 'react';
import { ValueView } from './ValueView';
import type { RunDetails } from './run-model';

/** The run's inputs (with the credentials it used) and its graph outputs, side by side. */

function Panel({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section
      data-testid={testId}
      aria-label={title}
      className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <h2 className="text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Named({ name, children, testId }: { name: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1" data-testid={testId} data-name={name}>
      <p className="text-xs font-medium text-slate-600 dark:text-slate-300">{name}</p>
      {children}
    </div>
  );
}

const none = 'text-sm text-slate-500 italic dark:text-slate-400';

export function RunInputsPanel({ run }: { run: Pick<RunDetails, 'inputs' | 'credential_inputs'> }) {
  const inputs = Object.entries(run.inputs);
  const credentials = Object.entries(run.credential_inputs);
  return (
    <Panel title="Inputs" testId="run-inputs">
      {inputs.length === 0 && <p className={none}>No inputs given.</p>}
      {inputs.map(([name, value]) => (
        <Named key={name} name={name} testId="run-input">
          <ValueView value={value} label={`input ${name}`} />
        </Named>
      ))}
      {credentials.length > 0 && (
        <div className="flex flex-col gap-1 border-t border-slate-200 pt-3 dark:border-slate-700">
          <p className="text-xs font-medium text-slate-600 dark:text-slate-300">Credentials</p>
          <ul className="text-sm">
            {credentials.map(([name, choice]) => (
              <li key={name}>
                <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{name}</span>:{' '}
                {choice.title || `${choice.provider} ${choice.type.replace('_', ' ')}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}

export function RunOutputsPanel({ run, active }: { run: Pick<RunDetails, 'outputs'>; active: boolean }) {
  const outputs = Object.entries(run.outputs);
  return (
    <Panel title="Outputs" testId="run-outputs">
      {outputs.length === 0 && (
        <p className={none}>{active ? 'No output yet.' : 'This run produced no output.'}</p>
      )}
      {outputs.map(([name, values]) => (
        <Named key={name} name={name} testId="run-output">
          {values.map((value, index) => (
            <ValueView
              key={index}
              value={value}
              label={values.length > 1 ? `output ${name} #${index + 1}` : `output ${name}`}
            />
          ))}
        </Named>
      ))}
    </Panel>
  );
}
