/**
 * The lock port: a lease with an owner and a time to live, refreshed while held (AutoGPT's cluster lock per
 * run, internals §4.3). In memory now; Redis `SET NX PX` in distributed mode.
 */
export interface Lease {
  readonly key: string;
  /** Extends the lease; false when it was lost (expired and taken by someone else). */
  refresh(): Promise<boolean>;
  release(): Promise<void>;
}

export interface LockManager {
  /** Takes the lease when free or expired; undefined when someone else holds it. */
  acquire(key: string, ttlMs: number): Promise<Lease | undefined>;
}
