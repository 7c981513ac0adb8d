// `pnpm start`: configuration, database, HTTP server, graceful shutdown on SIGTERM/SIGINT.

import { setTimeout as delay } from 'node:timers/promises';
import { DataDirBusyError } from './db/lock.ts';
import { openConfiguredDb } from './db/open.ts';
import { checkReady } from './db/ready.ts';
import { openReplicas } from './db/replicas.ts';
import { ConfigError, outboxDir, parseEnv } from './env.ts';
import { createApp } from './http/app.ts';
import { limits } from './limits.ts';
import { bufferedStdout, createLogger } from './log.ts';
import { createMailer } from './mail/mailer.ts';
import { prepareFirstAdminSetup } from './modules/accounts/setup.ts';
import { createGeocoder } from './modules/places/geocoder.ts';
import { startReferralPurge } from './modules/referrals/purge.ts';
import { connectRedis } from './redis.ts';

async function main() {
  const env = parseEnv();
  const log = createLogger(env.LOG_LEVEL, bufferedStdout());
  // Handlers first: a SIGTERM while starting (or right after the "listening" line) would
  // otherwise hit Node's default action and kill the process, mid-migration or mid-request.
  // One that comes early is kept and acted on once the server is up; a second one exits at
  // once (starting may wait long on a database that does not answer), as a shell's 128 + signal.
  let stopRequested: string | null = null;
  let stop = (signal: string) => {
    if (stopRequested) {
      log.warn({ signal }, 'stop requested again while starting: exiting now');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    stopRequested = signal;
    log.info({ signal }, 'stop requested while starting: stopping once started (again to exit now)');
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  limits.set({
    depth: env.MAX_QUERY_DEPTH,
    complexity: env.MAX_QUERY_COMPLEXITY,
    breadth: env.MAX_QUERY_BREADTH,
    tokens: env.MAX_QUERY_TOKENS,
    aliases: env.MAX_QUERY_ALIASES,
    directives: env.MAX_QUERY_DIRECTIVES,
  });
  const db = await openConfiguredDb(env, log, { prepare: true });
  const ready = await checkReady(db);
  if (ready.database === 'down') {
    log.error('database unreachable: requests get 503 and /readyz answers 503 until it answers');
  } else if (!ready.ok) {
    log.error(
      { migrations: ready.migrations },
      'database not migrated: run `pnpm repere db migrate`; /readyz answers 503 until then',
    );
  }
  if (ready.ok) await prepareFirstAdminSetup(db, log);
  const replicas = env.DATABASE_REPLICA_URLS?.length
    ? await openReplicas(db, {
        urls: env.DATABASE_REPLICA_URLS,
        maxLagSeconds: env.REPLICA_MAX_LAG_SECONDS,
        probeEveryMs: 1000,
        log,
      })
    : null;
  const geocoder = createGeocoder(
    env.GEOCODER === 'ban'
      ? { kind: 'ban', url: env.GEOCODER_URL, timeoutMs: env.GEOCODER_TIMEOUT_MS }
      : { kind: 'none' },
  );
  // Rate-limit counters in Redis when configured (several instances share them either way).
  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL) : null;
  redis?.on('error', (error) => log.error({ err: error }, 'redis error'));
  const mailer = createMailer(
    env.SMTP_URL ? { kind: 'smtp', url: env.SMTP_URL } : { kind: 'outbox', dir: outboxDir(env) },
    env.MAIL_FROM,
    log,
  );
  const app = await createApp(db, log, {
    mailer,
    metricsToken: env.METRICS_TOKEN ?? null,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    redis,
    rateLimitNamespace: env.REDIS_KEY_PREFIX,
    rateLimitMultiplier: env.RATE_LIMIT_MULTIPLIER,
    trustProxy: env.TRUST_PROXY,
    geocoder,
    replicas,
    replicaMaxLagSeconds: env.REPLICA_MAX_LAG_SECONDS,
  });
  const port = await app.listen(env.PORT, env.HOST);
  // Asked to stop already: no purge to start (it would only delay the stop).
  const stopPurge = stopRequested ? async () => {} : startReferralPurge(db, log);

  let stopping = false;
  stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      log.info({ signal }, 'shutting down');
      // A purge waiting on a lock (or on a database that stopped answering) gets the same grace
      // period as the requests in flight, not more.
      const purged = Promise.race([stopPurge().then(() => true), delay(env.SHUTDOWN_TIMEOUT_MS, false)]);
      await app.close(env.SHUTDOWN_TIMEOUT_MS);
      if (!(await purged)) {
        // Closing the database under the purge's query would abort an embedded one; exiting
        // rolls the purge back.
        log.error({ ms: env.SHUTDOWN_TIMEOUT_MS }, 'referral purge still running after the grace period: exiting');
        process.exit(1);
      }
      await replicas?.close();
      await db.close();
      redis?.disconnect();
      log.info('stopped');
      process.exit(0);
    })();
  };
  log.info({ port, graphql: `http://localhost:${port}/graphql`, mail: mailer.describe }, 'Repère API listening');
  if (stopRequested) stop(stopRequested);
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirBusyError) {
    console.error(error.message);
  } else {
    console.error('Repère API failed to start:', error);
  }
  process.exit(1);
});
