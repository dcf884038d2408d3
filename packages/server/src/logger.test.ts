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

  it('redacts credential secrets, at the top level or one object down', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createServerLogger({ level: 'info', destination });
    logger.info({ api_key: 'sk-top', credentials: { api_key: 'sk-nested', access_token: 'at-1' } }, 'x');
    logger.info(
      { body: { code_verifier: 'verifier-1', state_token: 'state-1', client_secret: 'cs-1' } },
      'y',
    );
    const text = lines.join('');
    expect(text).not.toMatch(/sk-top|sk-nested|at-1|verifier-1|state-1|cs-1/);
    expect(text).toContain('[REDACTED]');
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
