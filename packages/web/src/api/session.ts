import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

type Session = components['schemas']['Session'];
type User = Session['user'];

interface Stored {
  accessToken: string;
  refreshToken: string;
  user: User;
}

const storageKey = 'blockloom.session';
// Refresh calls go through a client without the auth middleware, so a refresh never triggers another.
const bare = createClient<paths>({ baseUrl: '' });

function load(): Stored | null {
  try {
    const raw = localStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

/** Seconds since the epoch at which a JWT expires (0 when it cannot be read). */
export function tokenExpiry(token: string): number {
  try {
    const payload = token.split('.')[1];
    if (!payload) return 0;
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp : 0;
  } catch {
    return 0;
  }
}

/**
 * The signed-in session of BLOCKLOOM_AUTH=local: tokens kept in localStorage, the access token refreshed
 * shortly before it expires (refresh tokens rotate), listeners told of every change.
 */
class SessionStore {
  private current: Stored | null = load();
  private refreshing: Promise<string | null> | null = null;
  private readonly listeners = new Set<() => void>();

  get user(): User | null {
    return this.current?.user ?? null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): Stored | null => this.current;

  signedIn(session: Session): void {
    this.set({ accessToken: session.access_token, refreshToken: session.refresh_token, user: session.user });
  }

  async accessToken(): Promise<string | null> {
    const current = this.current;
    if (!current) return null;
    if (tokenExpiry(current.accessToken) - Date.now() / 1000 > 30) return current.accessToken;
    this.refreshing ??= this.refresh(current.refreshToken).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** The server refused the token: the session is over. */
  expired(): void {
    if (this.current) this.set(null);
  }

  async signOut(): Promise<void> {
    const current = this.current;
    this.set(null);
    if (current) {
      await bare.POST('/api/auth/logout', { body: { refresh_token: current.refreshToken } }).catch(() => {});
    }
  }

  private async refresh(refreshToken: string): Promise<string | null> {
    const { data } = await bare
      .POST('/api/auth/refresh', { body: { refresh_token: refreshToken } })
      .catch(() => ({ data: undefined }));
    if (!data) {
      this.set(null);
      return null;
    }
    this.signedIn(data);
    return data.access_token;
  }

  private set(next: Stored | null): void {
    this.current = next;
    if (next) localStorage.setItem(storageKey, JSON.stringify(next));
    else localStorage.removeItem(storageKey);
    for (const listener of this.listeners) listener();
  }
}

export const session = new SessionStore();
