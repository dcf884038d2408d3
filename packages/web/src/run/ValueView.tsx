import { useEffect, useState, type ReactNode } from 'react';
import { Button, cx } from '../components/ui';

/** Shows one input or output value of a run: text, JSON, links and images, long values truncated. */

const IMAGE_URL = /^https?:\/\/\S+\.(?:png|jpe?g|gif|webp|svg|bmp|avif)(?:[?#]\S*)?$/i;
const URL_TEXT = /^https?:\/\/\S+$/i;
const DATA_URI = /^data:([^;,]*)[^,]*,/;

/** Characters shown before "Show all". */
const DEFAULT_LIMIT = 600;

function dataUriLabel(uri: string): string {
  const match = DATA_URI.exec(uri);
  const mime = match?.[1] || 'data';
  const payload = uri.length - (match?.[0].length ?? 0);
  const bytes = uri.slice(0, match?.[0].length).includes(';base64') ? Math.floor((payload * 3) / 4) : payload;
  const size =
    bytes < 1024
      ? `${bytes} B`
      : bytes < 1048576
        ? `${(bytes / 1024).toFixed(1)} KB`
        : `${(bytes / 1048576).toFixed(1)} MB`;
  return `${mime}, ${size}`;
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard) return navigator.clipboard.writeText(text);
  // Outside a secure context (plain http on another host) the async clipboard does not exist.
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy refused');
}

/** "Copy" with a short confirmation. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`Copy ${label}`}
      onClick={() => {
        copyText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </Button>
  );
}

function Truncated({ text, limit, className }: { text: string; limit: number; className?: string }) {
  const [all, setAll] = useState(false);
  const long = text.length > limit;
  return (
    <>
      <pre className={cx('font-mono text-xs break-words whitespace-pre-wrap', className)}>
        {long && !all ? `${text.slice(0, limit)}…` : text}
      </pre>
      {long && (
        <Button size="sm" variant="ghost" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show less' : `Show all (${text.length.toLocaleString()} characters)`}
        </Button>
      )}
    </>
  );
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

const frame = 'rounded-md border border-slate-200 bg-slate-50 p-2 dark:border-slate-700 dark:bg-slate-950';

function Toolbar({ children, copy, label }: { children?: ReactNode; copy: string; label: string }) {
  return (
    <div className="flex items-center justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
      <span className="min-w-0 truncate">{children}</span>
      <CopyButton text={copy} label={label} />
    </div>
  );
}

function StringView({ value, label, limit }: { value: string; label: string; limit: number }) {
  if (value.startsWith('data:')) {
    const isImage = value.startsWith('data:image/');
    return (
      <div className={frame}>
        <Toolbar copy={value} label={label}>
          Embedded file ({dataUriLabel(value)})
        </Toolbar>
        {isImage && <img src={value} alt={label} className="mt-1 max-h-64 max-w-full rounded" />}
      </div>
    );
  }
  if (IMAGE_URL.test(value) || URL_TEXT.test(value)) {
    return (
      <div className={frame}>
        <Toolbar copy={value} label={label}>
          <a
            href={value}
            target="_blank"
            rel="noreferrer noopener"
            className="text-indigo-600 hover:underline dark:text-indigo-400"
          >
            {value}
          </a>
        </Toolbar>
        {IMAGE_URL.test(value) && (
          <img src={value} alt={label} loading="lazy" className="mt-1 max-h-64 max-w-full rounded" />
        )}
      </div>
    );
  }
  return (
    <div className={cx(frame, 'flex items-start justify-between gap-2')}>
      <div className="min-w-0 flex-1 pt-0.5">
        {value === '' ? (
          <span className="text-xs text-slate-500 italic dark:text-slate-400">Empty text</span>
        ) : (
          <Truncated text={value} limit={limit} className="font-sans text-sm" />
        )}
      </div>
      <CopyButton text={value} label={label} />
    </div>
  );
}

function StructuredView({ value, label, limit }: { value: object; label: string; limit: number }) {
  const text = jsonText(value);
  const [open, setOpen] = useState(text.length <= 400);
  const count = Array.isArray(value) ? value.length : Object.keys(value).length;
  const summary = Array.isArray(value)
    ? `List, ${count} ${count === 1 ? 'item' : 'items'}`
    : `Object, ${count} ${count === 1 ? 'key' : 'keys'}`;
  return (
    <div className={frame}>
      <div className="flex items-center justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
        <button
          type="button"
          aria-expanded={open}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${label}`}
          className="flex items-center gap-1 rounded px-1 hover:bg-slate-200 dark:hover:bg-slate-800"
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden>{open ? '▾' : '▸'}</span>
          {summary}
        </button>
        <CopyButton text={text} label={label} />
      </div>
      {open && (
        <div className="mt-1">
          <Truncated text={text} limit={limit * 3} />
        </div>
      )}
    </div>
  );
}

export interface ValueViewProps {
  value: unknown;
  /** What the value is ("output result #2"): the image's alternative text and the copy button's name. */
  label?: string;
  /** Characters of text shown before "Show all" (JSON shows three times as many). */
  limit?: number;
}

/**
 * One value as a person reads it: text with a copy button, objects and lists as pretty JSON (collapsible),
 * image URLs and `data:` URIs as images, other URLs as links, scalars as code; long values are cut with
 * "Show all".
 */
export function ValueView({ value, label = 'value', limit = DEFAULT_LIMIT }: ValueViewProps) {
  if (typeof value === 'string') return <StringView value={value} label={label} limit={limit} />;
  if (typeof value === 'object' && value !== null)
    return <StructuredView value={value} label={label} limit={limit} />;
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return (
    <div className={cx(frame, 'flex items-center justify-between gap-2')}>
      <code className="font-mono text-xs">{text}</code>
      <CopyButton text={text} label={label} />
    </div>
  );
}
