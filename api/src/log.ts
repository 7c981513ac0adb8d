import pino, { type DestinationStream, type Logger } from 'pino';

/** JSON logs; secrets and credentials are redacted should they ever reach a log call. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'repere-api' },
      redact: {
        paths: ['*.password', '*.token', '*.authorization', '*.cookie', '*["x-api-key"]'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
