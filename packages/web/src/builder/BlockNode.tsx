import {
  Handle,
  Position,
  useStore,
  useUpdateNodeInternals,
  type NodeProps,
  type ReactFlowState,
} from '@xyflow/react';
import { memo, useContext, useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import { FieldDensity, SchemaField } from '../components/SchemaField';
import { StatusBadge, cx } from '../components/ui';
import { isRecord } from '../editor/json-schema';
import { dictPinName, type Pin } from '../editor/pins';
import { previewValue, type NodeRunState } from '../editor/run-state';
import {
  fieldsForBlock,
  fieldsForSchema,
  visibleFields,
  type FieldKind,
  type FieldSpec,
} from '../editor/schema-form';
import { categoryColour, displayName, pinColour, pinTypeLabel, primaryCategory } from './blocks';
import { CredentialsContext, useNodeActions } from './context';
import type { BlockFlowNode } from './flow';

/** One block on the canvas: header, input fields with their pins, outputs with their last values. */

const statusRing: Record<string, string> = {
  RUNNING: 'ring-4 ring-sky-400/70 animate-pulse',
  QUEUED: 'ring-4 ring-amber-400/60',
  INCOMPLETE: 'ring-4 ring-slate-400/50',
  COMPLETED: 'ring-4 ring-emerald-500/60',
  FAILED: 'ring-4 ring-red-500/70',
  TERMINATED: 'ring-4 ring-orange-500/60',
  REVIEW: 'ring-4 ring-violet-500/60',
};

/**
 * Below this zoom a node shows only its header and pins: its fields would be unreadable, and a large graph
 * seen whole renders far faster. Each node re-renders only when the zoom crosses it.
 */
const COMPACT_ZOOM = 0.45;
const isCompact = (state: ReactFlowState) => state.transform[2] < COMPACT_ZOOM;
const COMPACT_ROW = 14;

/** Kinds edited by typing: successive changes make one undo step until the field loses focus. */
const typedKinds: ReadonlySet<FieldKind> = new Set([
  'text',
  'long-text',
  'number',
  'integer',
  'json',
  'any',
  'file',
  'date',
  'time',
  'datetime',
  'list',
  'key-value',
]);

/** Labels for every kind but the composite ones, whose inner controls carry their own names. */
const composite: ReadonlySet<FieldKind> = new Set(['list', 'key-value']);

/**
 * A credentials field whose provider depends on another input (an LLM block's `model`): only the provider
 * the current value maps to (`discriminator_mapping`) is offered.
 */
function narrowCredentials(field: FieldSpec, valueOf: (name: string) => unknown): FieldSpec {
  const spec = field.credentials;
  if (field.kind !== 'credentials' || !spec?.discriminator || !spec.discriminatorMapping) return field;
  const chosen = valueOf(spec.discriminator);
  const provider = typeof chosen === 'string' ? spec.discriminatorMapping[chosen] : undefined;
  return provider ? { ...field, credentials: { ...spec, providers: [provider] } } : field;
}

function handleStyle(type: Pin['type'], extra?: CSSProperties): CSSProperties {
  return { background: pinColour(type), width: 10, height: 10, border: '2px solid white', ...extra };
}

interface FieldRowProps {
  nodeId: string;
  field: FieldSpec;
  pin: Pin | undefined;
  dynamicPins: readonly Pin[];
  linked: ReadonlySet<string>;
  value: unknown;
  issue: string | undefined;
  agent: boolean;
}

function FieldRow({ nodeId, field, pin, dynamicPins, linked, value, issue, agent }: FieldRowProps) {
  const actions = useNodeActions();
  const credentials = useContext(CredentialsContext);
  const controlId = `${useId()}-control`;
  const isLinked = linked.has(field.name);
  const type = pin?.type ?? 'any';
  const dictPins = dynamicPins.filter((dynamic) => dynamic.dynamic?.kind === 'dict');
  const otherPins = dynamicPins.filter((dynamic) => dynamic.dynamic?.kind !== 'dict');
  const labelled = !composite.has(field.kind);

  const dictValue = useMemo(() => {
    if (field.kind !== 'key-value') return value;
    const dict: Record<string, unknown> = isRecord(value) ? { ...value } : {};
    for (const dynamic of dictPins) {
      const key = dynamic.dynamic?.key;
      if (key !== undefined && !Object.hasOwn(dict, key)) dict[key] = undefined;
    }
    return dict;
  }, [field.kind, value, dictPins]);

  const linkedKeys = useMemo(
    () =>
      new Set(
        dictPins
          .filter((dynamic) => linked.has(dynamic.name))
          .flatMap((dynamic) => dynamic.dynamic?.key ?? []),
      ),
    [dictPins, linked],
  );

  const onChange = (next: unknown) => {
    if (field.kind === 'key-value' && isRecord(next) && !agent) {
      actions.setKeyValues({
        nodeId,
        field: field.name,
        keys: Object.keys(isRecord(dictValue) ? dictValue : {}),
        next,
      });
      return;
    }
    actions.setInput({ nodeId, field: field.name, value: next, agent });
  };

  return (
    <div
      className="relative px-3 py-1"
      data-field={field.name}
      onBlur={typedKinds.has(field.kind) ? actions.endEdit : undefined}
    >
      {field.connectable && (
        <Handle
          type="target"
          position={Position.Left}
          id={field.name}
          data-testid={`pin-in-${field.name}`}
          title={`${field.title} (${pinTypeLabel(type)})`}
          style={handleStyle(type, { top: 13 })}
        />
      )}
      <div className="flex items-baseline gap-1.5 text-xs">
        {labelled && !isLinked ? (
          <label
            htmlFor={controlId}
            title={field.description}
            className={cx(
              'font-medium',
              issue ? 'text-red-600 dark:text-red-400' : 'text-slate-700 dark:text-slate-200',
            )}
          >
            {field.title}
          </label>
        ) : (
          <span
            title={field.description}
            className={cx(
              'font-medium',
              issue ? 'text-red-600 dark:text-red-400' : 'text-slate-700 dark:text-slate-200',
            )}
          >
            {field.title}
          </span>
        )}
        {field.required && (
          <span className="text-red-500" aria-label="required">
            *
          </span>
        )}
        <span className="ml-auto text-[10px] text-slate-400">{pinTypeLabel(type)}</span>
      </div>
      {isLinked ? (
        <p className="mt-0.5 text-[11px] text-slate-500 italic dark:text-slate-400">Linked</p>
      ) : (
        <div className="mt-0.5">
          <SchemaField
            spec={field}
            value={field.kind === 'key-value' ? dictValue : value}
            onChange={onChange}
            id={labelled ? controlId : undefined}
            credentials={credentials}
            linkedKeys={linkedKeys}
            keyAdornment={
              field.kind === 'key-value'
                ? (key) => {
                    const name = dictPinName(field.name, key);
                    const dynamic = dictPins.find((candidate) => candidate.name === name);
                    return (
                      <Handle
                        type="target"
                        position={Position.Left}
                        id={name}
                        data-testid={`pin-in-${name}`}
                        title={`${field.title} ${key}`}
                        style={handleStyle(dynamic?.type ?? 'any', { left: -12, top: 14 })}
                      />
                    );
                  }
                : undefined
            }
          />
        </div>
      )}
      {otherPins.map((dynamic) => (
        <div key={dynamic.name} className="relative py-0.5 text-[11px] text-slate-600 dark:text-slate-300">
          <Handle
            type="target"
            position={Position.Left}
            id={dynamic.name}
            data-testid={`pin-in-${dynamic.name}`}
            style={handleStyle(dynamic.type, { left: -12 })}
          />
          {dynamic.title} {linked.has(dynamic.name) ? '(linked)' : ''}
        </div>
      ))}
    </div>
  );
}

function OutputRow({
  pin,
  values,
  failed,
}: {
  pin: Pin;
  values: readonly unknown[] | undefined;
  failed: boolean;
}) {
  const last = values?.at(-1);
  const isError = pin.name === 'error';
  return (
    <div className="relative px-3 py-1 text-right" data-output={pin.name}>
      <div className="flex items-baseline justify-end gap-1.5 text-xs">
        <span className="text-[10px] text-slate-400">{pinTypeLabel(pin.type)}</span>
        <span
          className="font-medium text-slate-700 dark:text-slate-200"
          title={typeof pin.schema.description === 'string' ? pin.schema.description : undefined}
        >
          {pin.title}
        </span>
      </div>
      {values && values.length > 0 && (
        <div
          data-testid="node-output-preview"
          data-pin={pin.name}
          title={previewValue(last, 2000)}
          className={cx(
            'mt-0.5 truncate rounded bg-slate-100 px-1.5 py-0.5 text-left font-mono text-[11px] dark:bg-slate-800',
            isError || failed ? 'text-red-700 dark:text-red-300' : 'text-slate-700 dark:text-slate-200',
          )}
        >
          {values.length > 1 && <span className="mr-1 text-slate-400">×{values.length}</span>}
          {previewValue(last, 120)}
        </div>
      )}
      <Handle
        type="source"
        position={Position.Right}
        id={pin.name}
        data-testid={`pin-out-${pin.name}`}
        title={`${pin.title} (${pinTypeLabel(pin.type)})`}
        style={handleStyle(pin.type, { top: 13 })}
      />
    </div>
  );
}

/** The pins of a node seen from afar: handles only, so links still attach. */
function CompactPins({ inputs, outputs }: { inputs: readonly Pin[]; outputs: readonly Pin[] }) {
  const rows = Math.max(inputs.length, outputs.length, 1);
  return (
    <div className="relative" style={{ height: rows * COMPACT_ROW + 8 }}>
      {inputs.map((pin, index) => (
        <Handle
          key={pin.name}
          type="target"
          position={Position.Left}
          id={pin.name}
          data-testid={`pin-in-${pin.name}`}
          style={handleStyle(pin.type, { top: 10 + index * COMPACT_ROW })}
        />
      ))}
      {outputs.map((pin, index) => (
        <Handle
          key={pin.name}
          type="source"
          position={Position.Right}
          id={pin.name}
          data-testid={`pin-out-${pin.name}`}
          style={handleStyle(pin.type, { top: 10 + index * COMPACT_ROW })}
        />
      ))}
    </div>
  );
}

function RunSummary({ run }: { run: NodeRunState }) {
  return (
    <div className="flex items-center gap-1.5">
      <StatusBadge status={run.status} />
      {run.executions > 1 && <span className="text-[10px] text-slate-500">×{run.executions}</span>}
    </div>
  );
}

export const BlockNode = memo(function BlockNode({ id, data, selected }: NodeProps<BlockFlowNode>) {
  const { node, block, inputs, outputs, linked, issues, run } = data;
  const actions = useNodeActions();
  const updateNodeInternals = useUpdateNodeInternals();
  const [showAdvanced, setShowAdvanced] = useState(false);
  const compact = useStore(isCompact);
  const isAgent = block?.uiType === 'Agent';
  const childSchema = isAgent ? node.inputs.input_schema : undefined;

  const fields = useMemo(() => {
    if (!block) return [];
    if (isAgent) return fieldsForSchema(isRecord(childSchema) ? childSchema : {});
    return fieldsForBlock(block);
  }, [block, isAgent, childSchema]);

  const values: Record<string, unknown> = isAgent
    ? isRecord(node.inputs.inputs)
      ? node.inputs.inputs
      : {}
    : node.inputs;

  const pinsByBase = useMemo(() => {
    const map = new Map<string, { pin?: Pin; dynamic: Pin[] }>();
    for (const pin of inputs) {
      const base = pin.dynamic?.base ?? pin.name;
      const entry = map.get(base) ?? { dynamic: [] };
      if (pin.dynamic) entry.dynamic.push(pin);
      else entry.pin = pin;
      map.set(base, entry);
    }
    return map;
  }, [inputs]);

  const issueFields = useMemo(
    () =>
      new Map(
        (issues ?? []).flatMap((issue) => (issue.field ? [[issue.field, issue.message] as const] : [])),
      ),
    [issues],
  );

  const alwaysShow = useMemo(() => {
    const names = new Set<string>(issueFields.keys());
    for (const name of linked)
      names.add(pinsByBase.has(name) ? name : (name.split(/_#_|_\$_|_@_/)[0] ?? name));
    return names;
  }, [issueFields, linked, pinsByBase]);

  const discriminators = fields
    .map((field) => field.credentials?.discriminator)
    .filter((name): name is string => name !== undefined)
    .map((name) => String(values[name] ?? ''))
    .join('\u0000');
  const shown = useMemo(
    () =>
      visibleFields(fields, { showAdvanced, alwaysShow }).map((field) =>
        narrowCredentials(
          field,
          (name) => values[name] ?? fields.find((candidate) => candidate.name === name)?.defaultValue,
        ),
      ),
    // `discriminators` stands for the values the credentials fields read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fields, showAdvanced, alwaysShow, discriminators],
  );
  const advancedCount = fields.filter((field) => field.advanced && !field.hidden).length;
  const shownOutputs = outputs.filter((pin) => !pin.hidden);

  const handleKey = `${shown.map((field) => field.name).join(',')}|${inputs.map((pin) => pin.name).join(',')}|${outputs
    .map((pin) => pin.name)
    .join(',')}|${[...linked].join(',')}|${run ? 'run' : ''}|${compact ? 'compact' : ''}`;
  // React Flow measures a node's pins when it mounts or resizes; pins that move without a resize (a field
  // shown, a link made) need a new measure. Not on mount: hundreds of nodes would each force a layout.
  const measuredKey = useRef(handleKey);
  useEffect(() => {
    if (measuredKey.current === handleKey) return;
    measuredKey.current = handleKey;
    updateNodeInternals(id);
  }, [id, handleKey, updateNodeInternals]);

  const category = block ? primaryCategory(block) : 'BASIC';
  const nameValue = node.inputs.name;
  const agentName =
    isAgent && typeof node.inputs.agent_name === 'string' ? node.inputs.agent_name : undefined;
  const title = agentName || (block ? displayName(block.name) : 'Missing block');
  const subtitle =
    typeof node.metadata.customized_name === 'string' && node.metadata.customized_name !== ''
      ? node.metadata.customized_name
      : isAgent
        ? `Agent · v${String(node.inputs.graph_version ?? '?')}`
        : (block?.uiType === 'Input' || block?.uiType === 'Output') &&
            typeof nameValue === 'string' &&
            nameValue !== ''
          ? nameValue
          : undefined;

  return (
    <FieldDensity.Provider value="dense">
      <div
        data-testid="node"
        data-node-id={id}
        data-block-name={block?.name ?? node.blockId}
        data-status={run?.status}
        className={cx(
          'w-[280px] rounded-lg border bg-white text-slate-900 shadow-sm dark:bg-slate-900 dark:text-slate-100',
          issues && issues.length > 0
            ? 'border-red-500 dark:border-red-500'
            : 'border-slate-300 dark:border-slate-700',
          run && statusRing[run.status],
          selected && 'outline-2 outline-offset-2 outline-indigo-500',
        )}
      >
        <header
          className="flex items-center gap-2 rounded-t-lg border-b border-slate-200 bg-slate-50 px-3 py-1.5 dark:border-slate-700 dark:bg-slate-800/60"
          style={{ borderTop: `4px solid ${categoryColour(category)}` }}
          title={block?.description}
        >
          <div className="min-w-0 flex-1">
            <div
              className={cx('truncate font-semibold', compact ? 'text-2xl' : 'text-sm')}
              data-testid="node-title"
            >
              {title}
            </div>
            {subtitle && (
              <div
                className={cx('truncate text-slate-500 dark:text-slate-400', compact ? 'text-xl' : 'text-xs')}
                data-testid="node-subtitle"
              >
                {subtitle}
              </div>
            )}
          </div>
          {run && <RunSummary run={run} />}
          <button
            type="button"
            className="nodrag rounded p-0.5 text-slate-400 hover:bg-red-100 hover:text-red-600 dark:hover:bg-red-950"
            aria-label={`Delete ${title}`}
            title="Delete node (Del)"
            onClick={() => actions.removeNode(id)}
          >
            ✕
          </button>
        </header>
        {compact ? (
          <>
            {issues && issues.length > 0 && (
              <p className="bg-red-50 px-3 py-1 text-lg text-red-700 dark:bg-red-950/60 dark:text-red-300">
                {issues.length === 1 ? '1 issue' : `${issues.length} issues`}
              </p>
            )}
            <CompactPins
              inputs={inputs.filter(
                (pin) => pin.type !== 'credentials' && (!pin.hidden || linked.has(pin.name)),
              )}
              outputs={shownOutputs}
            />
          </>
        ) : (
          <>
            {issues && issues.length > 0 && (
              <ul className="border-b border-red-200 bg-red-50 px-3 py-1 text-[11px] text-red-700 dark:border-red-900 dark:bg-red-950/60 dark:text-red-300">
                {issues.map((issue) => (
                  <li key={`${issue.field ?? ''}:${issue.message}`} data-testid="node-issue">
                    {issue.message}
                  </li>
                ))}
              </ul>
            )}
            {run?.error && (
              <p className="border-b border-red-200 px-3 py-1 text-[11px] text-red-700 dark:border-red-900 dark:text-red-300">
                {previewValue(run.error, 200)}
              </p>
            )}
            {shown.length > 0 && (
              <div className="py-1">
                {shown.map((field) => {
                  const pins = pinsByBase.get(field.name);
                  return (
                    <FieldRow
                      key={field.name}
                      nodeId={id}
                      field={field}
                      pin={pins?.pin}
                      dynamicPins={pins?.dynamic ?? []}
                      linked={linked}
                      value={values[field.name]}
                      issue={issueFields.get(field.name)}
                      agent={isAgent}
                    />
                  );
                })}
              </div>
            )}
            {advancedCount > 0 && (
              <button
                type="button"
                className="nodrag flex w-full items-center gap-1 border-t border-slate-200 px-3 py-1 text-left text-[11px] text-slate-500 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
                aria-expanded={showAdvanced}
                onClick={() => setShowAdvanced((open) => !open)}
              >
                <span aria-hidden>{showAdvanced ? '▾' : '▸'}</span> Advanced ({advancedCount})
              </button>
            )}
            {shownOutputs.length > 0 && (
              <div className="border-t border-slate-200 py-1 dark:border-slate-700">
                {shownOutputs.map((pin) => (
                  <OutputRow
                    key={pin.name}
                    pin={pin}
                    values={run?.outputs[pin.name]}
                    failed={run?.status === 'FAILED'}
                  />
                ))}
              </div>
            )}
          </>
        )}
      </div>
    </FieldDensity.Provider>
  );
});
