import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { cx } from '../components/ui';

/**
 * A button that opens a panel under it; the panel closes on Escape, on a click outside, or through the
 * `close` function its content receives.
 */
export function Popover({
  label,
  button,
  buttonClassName,
  buttonProps,
  align = 'left',
  children,
  open: controlledOpen,
  onOpenChange,
}: {
  label: string;
  button: ReactNode;
  buttonClassName?: string;
  buttonProps?: Record<string, string | undefined>;
  align?: 'left' | 'right';
  children: (close: () => void) => ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const setOpen = (next: boolean) => {
    setOwnOpen(next);
    onOpenChange?.(next);
  };
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const setOpenRef = useRef(setOpen);
  setOpenRef.current = setOpen;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpenRef.current(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        setOpenRef.current(false);
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        className={buttonClassName}
        {...buttonProps}
        onClick={() => setOpen(!open)}
      >
        {button}
      </button>
      {open && (
        <div
          id={panelId}
          className={cx(
            'absolute top-full z-30 mt-1 min-w-64 rounded-md border border-slate-200 bg-white p-2 text-sm shadow-xl dark:border-slate-700 dark:bg-slate-900',
            align === 'right' ? 'right-0' : 'left-0',
          )}
        >
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
