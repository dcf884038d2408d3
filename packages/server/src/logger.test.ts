import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createServerLogger, redactUrl, toEngineLogger } from './logger';

describe('server logger', () => {
  it('blanks tokens in URLs', () => {
    expect(redactUrl('/ws?token=abc.def&x=1')).toBe('/ws?token=[REDACTED]&x=1');
    expect(redactUrl('/api/graphs?page=2')).toBe('/api/graphs?page=2');
  });

  it('redacts authorization headers, passwords and tokens', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createServerLogger({ level: 'info', destination });
    logger.info(
      { req: { headers: { authorization: 'Bearer secret-token' } }, body: { password: 'hunter22' } },
      'x',
    );
    expect(lines.join('')).not.toMatch(/secret-token|hunter22/);
  });

  it('carries engine log context through pino', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const engineLogger = toEngineLogger(createServerLogger({ level: 'debug', destination }));
    engineLogger
      .child({ user_id: 'u', graph_exec_id: 'g' })
      .warn('Node failed', { block: 'CalculatorBlock' });
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      level: 40,
      msg: 'Node failed',
      user_id: 'u',
      graph_exec_id: 'g',
      block: 'CalculatorBlock',
    });
  });
});
