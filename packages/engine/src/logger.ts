import type { BlockLogger } from '@blockloom/sdk';

/** The engine's logging port: structured, with context bound by `child` (user, run, node, block). */
export interface Logger extends BlockLogger {
  child(bindings: Record<string, unknown>): Logger;
}

const levels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof levels)[number];

/** JSON lines on a stream (stderr by default) at or above `level`; the server swaps in pino. */
export function createJsonLogger(
  options: {
    level?: LogLevel | 'silent';
    write?: (line: string) => void;
    bindings?: Record<string, unknown>;
  } = {},
): Logger {
  const threshold = options.level === 'silent' ? levels.length : levels.indexOf(options.level ?? 'info');
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const bindings = options.bindings ?? {};
  const log = (level: LogLevel) => (message: string, data?: Record<string, unknown>) => {
    if (levels.indexOf(level) < threshold) return;
    write(
      `${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...bindings, ...data })}\n`,
    );
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (more) => createJsonLogger({ ...options, bindings: { ...bindings, ...more } }),
  };
}

export const silentLogger: Logger = createJsonLogger({ level: 'silent' });
