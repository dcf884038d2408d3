import WebSocket from 'ws';

/** A test client: every frame is kept; `next` takes the first frame not taken yet that matches a predicate. */
export class TestSocket {
  readonly frames: Record<string, unknown>[] = [];
  private readonly taken = new Set<number>();
  private waiters: (() => void)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.frames.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** Connects; resolves once open (or once closed, for refused tokens). */
  static async open(url: string): Promise<TestSocket> {
    const socket = new WebSocket(url);
    const client = new TestSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('close', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  async next(
    predicate: (frame: Record<string, unknown>) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex((frame, i) => !this.taken.has(i) && predicate(frame));
      const frame = this.frames[index];
      if (frame) {
        this.taken.add(index);
        return frame;
      }
      if (Date.now() > deadline) throw new Error(`No matching frame; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** Sends a request and returns its reply: the next frame of the same method, or an error. */
  async request(message: unknown): Promise<Record<string, unknown>> {
    this.send(message);
    const method = (message as { method?: unknown } | null)?.method;
    return this.next((frame) => frame.method === 'error' || frame.method === method);
  }

  close(): void {
    this.socket.close();
  }
}
