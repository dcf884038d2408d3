import { useCallback, useEffect, useRef, useState } from 'react';
import { cx } from '../components/ui';

export type ToastTone = 'info' | 'error' | 'success';

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

const LIFETIME_MS = 5000;

/** Short messages at the bottom of the canvas (a refused link, a save). */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const counter = useRef(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  const dismiss = useCallback(
    (id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)),
    [],
  );

  const show = useCallback(
    (message: string, tone: ToastTone = 'info') => {
      const id = ++counter.current;
      // The same message twice in a row (several refused drops) shows once.
      setToasts((list) =>
        [...list.filter((toast) => toast.message !== message), { id, message, tone }].slice(-3),
      );
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        dismiss(id);
      }, LIFETIME_MS);
      timers.current.add(timer);
    },
    [dismiss],
  );

  return { toasts, show, dismiss };
}

const tones: Record<ToastTone, string> = {
  info: 'border-slate-300 bg-white text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
  error: 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200',
  success:
    'border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
};

export function Toasts({ toasts, onDismiss }: { toasts: readonly Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none absolute bottom-16 left-1/2 z-20 flex -translate-x-1/2 flex-col items-center gap-2"
    >
      {toasts.map((toast) => (
        <div
          key={toast.id}
          data-testid="toast"
          data-tone={toast.tone}
          className={cx(
            'pointer-events-auto flex max-w-md items-start gap-3 rounded-md border px-3 py-2 text-sm shadow-lg',
            tones[toast.tone],
          )}
        >
          <span>{toast.message}</span>
          <button
            type="button"
            aria-label="Dismiss message"
            className="text-xs opacity-60 hover:opacity-100"
            onClick={() => onDismiss(toast.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
