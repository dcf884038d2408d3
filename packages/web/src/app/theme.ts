import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const key = 'blockloom.theme';
const listeners = new Set<() => void>();

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  const saved = localStorage.getItem(key);
  return saved === 'dark' || saved === 'light' ? saved : systemTheme();
}

/** Puts the theme on <html> (Tailwind's `dark` class) and remembers an explicit choice. */
export function applyTheme(theme: Theme = currentTheme(), remember = false): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.style.colorScheme = theme;
  if (remember) localStorage.setItem(key, theme);
  for (const listener of listeners) listener();
}

export function useTheme(): [Theme, (theme: Theme) => void] {
  const theme = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (document.documentElement.classList.contains('dark') ? 'dark' : 'light'),
  );
  return [theme, (next) => applyTheme(next, true)];
}
