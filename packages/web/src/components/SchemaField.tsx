import {
  createContext,
  memo,
  useContext,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type ReactNode,
} from 'react';
import { fieldSpec, formatFieldValue, parseFieldValue, type FieldSpec } from '../editor/schema-form';
import { setOwn } from '../editor/json-schema';
import { dictKeyProblem } from '../editor/model';
import { Button, Dialog, Input, Select, TextArea, cx } from './ui';

/** One credential a credentials field can pick: the user's own, or one the platform provides. */
export interface CredentialOption {
  id: string;
  provider: string;
  type: string;
  title?: string | null;
  /** Provided by the platform (shared by the server), not one of the user's own. */
  platform?: boolean;
}

/** The value a credentials field stores, as AutoGPT stores it in `input_default`. */
export interface CredentialsValue {
  id: string;
  provider: string;
  type: string;
  title?: string | null;
}

export interface SchemaFieldProps {
  spec: FieldSpec;
  value: unknown;
  onChange(value: unknown): void;
  /** The control's id, for a visible `<label htmlFor>`; without it the control is labelled by the field title. */
  id?: string;
  credentials?: readonly CredentialOption[];
  /** Drawn at the start of each key-value row (the builder puts the row's input pin there). */
  keyAdornment?: (key: string) => ReactNode;
  /** Key-value keys whose value comes from a link: their value box is replaced by a note. */
  linkedKeys?: ReadonlySet<string>;
}

/** Dense controls (inside builder nodes) or regular ones (forms). */
export const FieldDensity = createContext<'regular' | 'dense'>('regular');

const denseClass = 'px-2! py-1! text-xs!';

function useControlClass(extra?: string): string {
  const dense = useContext(FieldDensity) === 'dense';
  return cx('nodrag', dense && denseClass, extra);
}

/** The accessible name of a control: the visible label (by id) or the field title. */
function labelProps(spec: FieldSpec, id: string | undefined) {
  return id ? { id } : { 'aria-label': spec.title };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The text a control shows, kept while it does not parse ("1." or "{" while typing), and re-synchronised when
 * the stored value changes from outside (undo, another control).
 */
function useDraft(spec: FieldSpec, value: unknown, onChange: (value: unknown) => void) {
  const [draft, setDraft] = useState(() => formatFieldValue(spec, value));
  const [synced, setSynced] = useState<unknown>(value);
  const [error, setError] = useState<string | null>(null);
  if (!sameValue(synced, value)) {
    setSynced(value);
    const parsed = parseFieldValue(spec, draft);
    if (!parsed.ok || !sameValue(parsed.value, value)) {
      setDraft(formatFieldValue(spec, value));
      setError(null);
    }
  }
  const update = (text: string) => {
    setDraft(text);
    const parsed = parseFieldValue(spec, text);
    if (parsed.ok) {
      setError(null);
      setSynced(parsed.value);
      onChange(parsed.value);
    } else {
      setError(parsed.message);
    }
  };
  return { draft, error, update, setDraft };
}

function FieldError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="mt-0.5 text-[11px] leading-tight text-red-600 dark:text-red-400">
      {error}
    </p>
  );
}

function placeholderOf(spec: FieldSpec): string | undefined {
  if (spec.placeholder) return spec.placeholder;
  if (spec.defaultValue !== undefined && spec.defaultValue !== null && spec.defaultValue !== '') {
    return typeof spec.defaultValue === 'object'
      ? JSON.stringify(spec.defaultValue)
      : String(spec.defaultValue as string | number | boolean);
  }
  return undefined;
}

function TextControl({ spec, value, onChange, id, type }: SchemaFieldProps & { type: string }) {
  const { draft, error, update } = useDraft(spec, value, onChange);
  const className = useControlClass();
  const listId = `${useId()}-suggestions`;
  return (
    <>
      <Input
        {...labelProps(spec, id)}
        className={className}
        type={type}
        value={draft}
        placeholder={placeholderOf(spec)}
        min={spec.min}
        max={spec.max}
        step={spec.kind === 'integer' ? 1 : spec.kind === 'number' ? 'any' : undefined}
        autoComplete={spec.secret ? 'new-password' : 'off'}
        aria-invalid={error ? true : undefined}
        list={spec.suggestions ? listId : undefined}
        onChange={(event) => update(event.target.value)}
      />
      {spec.suggestions && (
        <datalist id={listId}>
          {spec.suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
      <FieldError error={error} />
    </>
  );
}

const MAX_ROWS = 8;

function rowsFor(text: string, min: number): number {
  const lines = text.split('\n').reduce((count, line) => count + 1 + Math.floor(line.length / 40), 0);
  return Math.max(min, Math.min(MAX_ROWS, lines));
}

function LongTextControl({ spec, value, onChange, id }: SchemaFieldProps) {
  const { draft, error, update } = useDraft(spec, value, onChange);
  const [expanded, setExpanded] = useState(false);
  const className = useControlClass('nowheel resize-y font-sans text-sm');
  return (
    <>
      <div className="relative">
        <TextArea
          {...labelProps(spec, id)}
          className={cx(className, 'pr-7')}
          rows={rowsFor(draft, 2)}
          value={draft}
          placeholder={placeholderOf(spec)}
          aria-invalid={error ? true : undefined}
          onChange={(event) => update(event.target.value)}
        />
        <button
          type="button"
          className="nodrag absolute top-1 right-1 rounded px-1 text-xs text-slate-500 hover:bg-slate-200 hover:text-slate-800 dark:hover:bg-slate-700 dark:hover:text-slate-100"
          aria-label={`Expand ${spec.title}`}
          title="Edit in a larger window"
          onClick={() => setExpanded(true)}
        >
          ⤢
        </button>
      </div>
      <FieldError error={error} />
      {/* Inside a builder node: keep the canvas from dragging or zooming while the dialog is used. */}
      <div className="nodrag nowheel">
        <Dialog open={expanded} title={spec.title} onClose={() => setExpanded(false)} wide>
          <div className="flex flex-col gap-3">
            {spec.description && (
              <p className="text-sm text-slate-500 dark:text-slate-400">{spec.description}</p>
            )}
            <TextArea
              aria-label={spec.title}
              className="min-h-[50vh] font-sans text-sm"
              value={draft}
              placeholder={placeholderOf(spec)}
              onChange={(event) => update(event.target.value)}
            />
            <div className="flex justify-end">
              <Button variant="primary" onClick={() => setExpanded(false)}>
                Done
              </Button>
            </div>
          </div>
        </Dialog>
      </div>
    </>
  );
}

function JsonControl({ spec, value, onChange, id }: SchemaFieldProps) {
  const { draft, error, update, setDraft } = useDraft(spec, value, onChange);
  const className = useControlClass('nowheel resize-y');
  const pretty = () => {
    try {
      setDraft(JSON.stringify(JSON.parse(draft), null, 2));
    } catch {
      // Not JSON yet: the error under the field already says why.
    }
  };
  return (
    <>
      <TextArea
        {...labelProps(spec, id)}
        className={className}
        rows={rowsFor(draft, 2)}
        spellCheck={false}
        value={draft}
        placeholder={placeholderOf(spec) ?? (spec.kind === 'list' ? '["a", "b"]' : '{"key": "value"}')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => update(event.target.value)}
        onBlur={() => {
          if (!error && draft.trim() !== '') pretty();
        }}
      />
      <FieldError error={error} />
    </>
  );
}

function BooleanControl({ spec, value, onChange, id }: SchemaFieldProps) {
  const checked = typeof value === 'boolean' ? value : spec.defaultValue === true;
  return (
    <label className="nodrag inline-flex cursor-pointer items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
      <input
        {...labelProps(spec, id)}
        type="checkbox"
        role="switch"
        aria-checked={checked}
        className="peer sr-only"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span
        aria-hidden
        className="relative h-4 w-7 rounded-full bg-slate-300 transition-colors peer-checked:bg-indigo-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500 after:absolute after:top-0.5 after:left-0.5 after:h-3 after:w-3 after:rounded-full after:bg-white after:transition-transform peer-checked:after:translate-x-3 dark:bg-slate-600"
      />
      {checked ? 'Yes' : 'No'}
    </label>
  );
}

function EnumControl({ spec, value, onChange, id }: SchemaFieldProps) {
  const options = spec.options ?? [];
  const current = value === undefined ? spec.defaultValue : value;
  const index = options.findIndex((option) => sameValue(option.value, current));
  const className = useControlClass();
  return (
    <Select
      {...labelProps(spec, id)}
      className={className}
      value={index === -1 ? '' : String(index)}
      onChange={(event) => {
        const picked = event.target.value === '' ? undefined : options[Number(event.target.value)];
        onChange(picked?.value);
      }}
    >
      <option value="">{spec.required ? 'Choose…' : '—'}</option>
      {options.map((option, i) => (
        <option key={i} value={String(i)}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}

function TemporalControl({ spec, value, onChange, id }: SchemaFieldProps) {
  const type = spec.kind === 'date' ? 'date' : spec.kind === 'time' ? 'time' : 'datetime-local';
  return <TextControl spec={spec} value={value} onChange={onChange} id={id} type={type} />;
}

function credentialLabel(option: CredentialOption): string {
  const name = option.title || `${option.provider} ${option.type.replace('_', ' ')}`;
  return option.platform ? `${name} (platform)` : name;
}

function CredentialsControl({ spec, value, onChange, id, credentials = [] }: SchemaFieldProps) {
  const providers = spec.credentials?.providers ?? [];
  const types = spec.credentials?.types ?? [];
  const fits = (option: CredentialOption) =>
    (providers.length === 0 || providers.includes(option.provider)) &&
    (types.length === 0 || types.includes(option.type));
  const options = [
    ...credentials.filter((option) => !option.platform && fits(option)),
    ...credentials.filter((option) => option.platform && fits(option)),
  ];
  const selected =
    typeof value === 'object' && value !== null && 'id' in value ? String((value as { id: unknown }).id) : '';
  const known = selected === '' || options.some((option) => option.id === selected);
  const className = useControlClass();
  return (
    <>
      <Select
        {...labelProps(spec, id)}
        className={className}
        value={selected}
        onChange={(event) => {
          const option = options.find((candidate) => candidate.id === event.target.value);
          onChange(
            option
              ? ({
                  id: option.id,
                  provider: option.provider,
                  type: option.type,
                  title: option.title ?? null,
                } satisfies CredentialsValue)
              : undefined,
          );
        }}
      >
        <option value="">None / platform default</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {credentialLabel(option)}
          </option>
        ))}
        {!known && <option value={selected}>Unknown credentials ({selected.slice(0, 8)}…)</option>}
      </Select>
      {!known && (
        <FieldError error="These credentials are not in your account any more: pick others in the list." />
      )}
      {options.length === 0 && providers.length > 0 && (
        <p className="mt-0.5 text-[11px] text-slate-500 dark:text-slate-400">
          No {providers.join(' / ')} credentials yet: add them in Settings → Integrations.
        </p>
      )}
    </>
  );
}

function dataUriSummary(uri: string): string {
  const comma = uri.indexOf(',');
  const header = uri.slice(5, comma === -1 ? undefined : comma);
  const mime = header.split(';')[0] || 'file';
  const payload = comma === -1 ? 0 : uri.length - comma - 1;
  const bytes = header.includes('base64') ? Math.floor((payload * 3) / 4) : payload;
  const size = bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
  return `${mime}, ${size}`;
}

function FileControl({ spec, value, onChange, id }: SchemaFieldProps) {
  const picker = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const text = typeof value === 'string' ? value : '';
  const className = useControlClass();
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      setError(null);
      onChange(String(reader.result));
    };
    reader.onerror = () => setError(`${file.name} could not be read`);
    reader.readAsDataURL(file);
  };
  return (
    <>
      <div className="flex items-center gap-1">
        {text.startsWith('data:') ? (
          <span className="min-w-0 flex-1 truncate rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-600 dark:border-slate-600 dark:text-slate-300">
            Embedded file ({dataUriSummary(text)})
          </span>
        ) : (
          <Input
            {...labelProps(spec, id)}
            className={className}
            value={text}
            placeholder={spec.placeholder ?? 'https://… or pick a file'}
            onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
          />
        )}
        {text.startsWith('data:') && (
          <Button size="sm" variant="ghost" className="nodrag" onClick={() => onChange(undefined)}>
            Clear
          </Button>
        )}
        <Button
          size="sm"
          className="nodrag"
          aria-label={`Choose a file for ${spec.title}`}
          onClick={() => picker.current?.click()}
        >
          File…
        </Button>
        <input ref={picker} type="file" hidden aria-hidden tabIndex={-1} onChange={pick} />
      </div>
      <FieldError error={error} />
    </>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className="nodrag shrink-0 rounded px-1 text-slate-400 hover:bg-red-50 hover:text-red-600 dark:hover:bg-red-950"
      onClick={onClick}
    >
      ✕
    </button>
  );
}

function ListControl({ spec, value, onChange }: SchemaFieldProps) {
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const itemSpec = fieldSpec(spec.name, spec.itemSchema ?? {}, false);
  const set = (next: unknown[]) => onChange(next);
  return (
    <div className="flex flex-col gap-1">
      {items.map((item, index) => (
        // Items have no identity but their place in the list.
        <div key={index} className="flex items-start gap-1">
          <div className="min-w-0 flex-1">
            <SchemaField
              spec={{ ...itemSpec, title: `${spec.title} item ${index + 1}`, required: false }}
              value={item}
              onChange={(next) => set(items.map((old, i) => (i === index ? next : old)))}
            />
          </div>
          <RemoveButton
            label={`Remove ${spec.title} item ${index + 1}`}
            onClick={() => set(items.filter((_, i) => i !== index))}
          />
        </div>
      ))}
      <div>
        <Button
          size="sm"
          variant="ghost"
          className="nodrag"
          onClick={() =>
            set([...items, itemSpec.kind === 'text' || itemSpec.kind === 'long-text' ? '' : null])
          }
        >
          + Add item
        </Button>
      </div>
    </div>
  );
}

function KeyRow({
  spec,
  position,
  entryKey,
  keys,
  onRename,
}: {
  spec: FieldSpec;
  /** 1-based row number, for the accessible name. */
  position: number;
  entryKey: string;
  keys: readonly string[];
  onRename: (next: string) => void;
}) {
  const [draft, setDraft] = useState(entryKey);
  const [synced, setSynced] = useState(entryKey);
  if (synced !== entryKey) {
    setSynced(entryKey);
    setDraft(entryKey);
  }
  const problem = (key: string) =>
    dictKeyProblem(key) ??
    (key !== entryKey && keys.includes(key) ? `The key "${key}" is already used` : null);
  const error = problem(draft.trim());
  const className = useControlClass('font-mono');
  return (
    <div className="w-2/5 shrink-0">
      <Input
        aria-label={`${spec.title}: key ${position}`}
        className={className}
        value={draft}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          const key = next.trim();
          if (problem(key) === null && key !== entryKey) {
            setSynced(key);
            onRename(key);
          }
        }}
        onBlur={() => setDraft(entryKey)}
      />
      <FieldError error={error} />
    </div>
  );
}

function uniqueKey(keys: readonly string[]): string {
  for (let n = keys.length + 1; ; n++) {
    const key = `key${n}`;
    if (!keys.includes(key)) return key;
  }
}

function KeyValueControl({ spec, value, onChange, keyAdornment, linkedKeys }: SchemaFieldProps) {
  const dict =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const entries = Object.entries(dict);
  const keys = entries.map(([key]) => key);
  const valueSpec = fieldSpec(spec.name, spec.valueSchema ?? {}, false);
  const rebuild = (
    map: (entry: [string, unknown]) => [string, unknown] | null,
    extra?: [string, unknown],
  ) => {
    const next: Record<string, unknown> = {};
    for (const entry of entries) {
      const mapped = map(entry);
      if (mapped) setOwn(next, mapped[0], mapped[1]);
    }
    if (extra) setOwn(next, extra[0], extra[1]);
    onChange(next);
  };
  return (
    <div className="flex flex-col gap-1">
      {entries.map(([key, item], index) => (
        // Rows are keyed by position so typing a new key name keeps the focus in its box.
        <div key={index} className="relative flex items-start gap-1">
          {keyAdornment?.(key)}
          <KeyRow
            spec={spec}
            position={index + 1}
            entryKey={key}
            keys={keys}
            onRename={(next) => rebuild(([k, v]) => (k === key ? [next, v] : [k, v]))}
          />
          <div className="min-w-0 flex-1">
            {linkedKeys?.has(key) ? (
              <p className="px-1 py-1 text-[11px] text-slate-500 italic dark:text-slate-400">Linked</p>
            ) : (
              <SchemaField
                spec={{ ...valueSpec, title: `${spec.title}: value of ${key}`, required: false }}
                value={item}
                onChange={(next) => rebuild(([k, v]) => (k === key ? [k, next] : [k, v]))}
              />
            )}
          </div>
          <RemoveButton
            label={`Remove ${spec.title} entry ${key}`}
            onClick={() => rebuild(([k, v]) => (k === key ? null : [k, v]))}
          />
        </div>
      ))}
      <div>
        <Button
          size="sm"
          variant="ghost"
          className="nodrag"
          onClick={() => rebuild((entry) => entry, [uniqueKey(keys), valueSpec.kind === 'text' ? '' : null])}
        >
          + Add entry
        </Button>
      </div>
    </div>
  );
}

function AnyControl(props: SchemaFieldProps) {
  // No declared type: text, as the engine converts text on run; structured values show as JSON.
  const isStructured = typeof props.value === 'object' && props.value !== null;
  if (isStructured) return <JsonControl {...props} spec={{ ...props.spec, kind: 'json' }} />;
  return <TextControl {...props} type="text" />;
}

/**
 * The inline editor of one block input, by the kind its JSON Schema gives (`fieldsForBlock`). It never shows
 * its own label: the caller labels it through `id`, or the control carries the field title as its name.
 */
export const SchemaField = memo(function SchemaField(props: SchemaFieldProps) {
  const { spec } = props;
  switch (spec.kind) {
    case 'text':
      return <TextControl {...props} type={spec.secret ? 'password' : 'text'} />;
    case 'number':
    case 'integer':
      return <TextControl {...props} type="number" />;
    case 'long-text':
      return spec.secret ? <TextControl {...props} type="password" /> : <LongTextControl {...props} />;
    case 'boolean':
      return <BooleanControl {...props} />;
    case 'enum':
      return <EnumControl {...props} />;
    case 'date':
    case 'time':
    case 'datetime':
      return <TemporalControl {...props} />;
    case 'json':
      return <JsonControl {...props} />;
    case 'list':
      return <ListControl {...props} />;
    case 'key-value':
      return <KeyValueControl {...props} />;
    case 'credentials':
      return <CredentialsControl {...props} />;
    case 'file':
      return <FileControl {...props} />;
    case 'any':
      return <AnyControl {...props} />;
  }
});
