import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Errors as logged: a failed statement's parameters and the server's `detail` may hold listing
 * data or personal data, so a database error keeps only its statement's tag, message and code.
 */
export function safeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { query?: string; params?: unknown; cause?: { message?: string; code?: string } };
  if (typeof e.query === 'string' && 'params' in e) {
    const tag = /\/\*\s*([\w-]+)\s*\*\//.exec(e.query)?.[1] ?? 'untagged';
    return {
      type: 'DatabaseError',
      statement: tag,
      message: e.cause?.message,
      code: e.cause?.code,
      stack: e.stack
        ?.split('\n')
        .filter((line) => /^\s+at /.test(line))
        .slice(0, 5)
        .join('\n'),
    };
  }
  return pino.stdSerializers.err(err);
}

/** JSON logs; secrets and credentials are redacted should they ever reach a log call. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'repere-api' },
      serializers: { err: safeError },
      redact: {
        paths: ['*.password', '*.token', '*.authorization', '*.cookie', '*["x-api-key"]'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * The server's standard output: lines are written about 4 KB at a time (and at least every
 * 100 ms), not one write per line, which under load cost a system call per request (the access
 * log). What is buffered is written out on exit, a crash included (pino flushes on 'exit').
 */
export function bufferedStdout(): DestinationStream {
  return pino.destination({ dest: 1, minLength: 4096, periodicFlush: 100 });
}
