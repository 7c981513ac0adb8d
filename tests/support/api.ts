// The API under test: a real HTTP server on an ephemeral port, over this worker's database.
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type Db, openDb } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';
import { createMailer } from '../../api/src/mail/mailer.ts';
import { freshServerDb } from './fresh-db.ts';
import { type MailCatcher, startMailCatcher } from './mail.ts';

export interface TestApi {
  url: string;
  db: Db;
  /** POSTs a GraphQL operation and returns the parsed body. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResult<T>>;
  logs: string[];
  /** The SMTP server the API mails through. */
  mail: MailCatcher;
  /** Resolves once the mail work deferred past the answers sent so far is done. */
  mailWorkDone(): Promise<void>;
}

export interface GqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

let shared: Promise<TestApi> | undefined;

/** One database and one server per worker, shared by the worker's test files. */
export function testApi(): Promise<TestApi> {
  shared ??= start();
  return shared;
}

async function openWorkerDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (url) {
    // Dropped with the run's other databases by the global teardown.
    const fresh = await freshServerDb(url, `w${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`);
    return openDb({ databaseUrl: fresh.url, poolSize: 5 });
  }
  const dump = readFileSync(inject('pgliteDump'));
  return openDb({ pgliteDump: new Blob([dump]) });
}

async function start(): Promise<TestApi> {
  const db = await openWorkerDb();
  const logs: string[] = [];
  // Every log line is kept so that tests can check no hidden value is ever logged.
  const logger = createLogger('info', { write: (line: string) => void logs.push(line) });
  const mail = await startMailCatcher();
  const mailer = createMailer({ kind: 'smtp', url: mail.url }, 'Repère <test@repere.localhost>', logger);
  // Limits stay on, scaled up so that only the tests about them reach them.
  const app = await createApp(db, logger, {
    rateLimitMultiplier: 1000,
    mailer,
    publicUrl: 'http://repere.test',
  });
  // The tests' client (fetch) reuses idle connections; a server closing them on its 5 s timer
  // races that reuse when a busy machine delays both timers (ECONNRESET between files). Here
  // only the client closes idle connections.
  app.server.keepAliveTimeout = 0;
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    db,
    logs,
    mail,
    mailWorkDone: () => mailer.flush(),
    async gql(query, variables, headers) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResult<any>;
    },
  };
}

/** Empties the listing tables (reference geography and the policy mirror stay). */
export async function resetData(db: Db): Promise<void> {
  await db.exec(
    `TRUNCATE structures, structure_protected, structure_notices, structure_feed, helplines, users, memberships, sessions,
      api_keys, audit_log, rate_limits, submissions, revisions, referrals, assessment_daily_counts CASCADE`,
  );
}
