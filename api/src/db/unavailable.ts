// A database that cannot answer right now (restarting, unreachable, refusing connections) as
// opposed to a query that failed: the caller gets 503 with Retry-After, and the pool reconnects
// by itself on a later request.

/** Seconds a caller is asked to wait (Retry-After) while the database is unavailable. */
export const retryAfterSeconds = 2;

// postgres.js's own codes, Node's socket errors, and PostgreSQL's SQLSTATEs for a server
// shutting down, starting up or out of connections (class 08: connection exceptions).
const codes = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** True when `error`, or what it wraps (drizzle, Apollo, AggregateError), says the database is unavailable. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; errno?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (codes.has(e.code) || e.code.startsWith('08'))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.originalError, depth + 1);
}
