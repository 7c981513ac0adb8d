// Read replicas (DATABASE_REPLICA_URLS): anonymous and partner reads, and an account's reads
// when it has not written lately, go to a replica that is up and close enough to the primary.
// Each replica's lag is measured against the primary's own WAL position, sampled every probe:
// a replica is as old as the newest primary sample it has replayed (an idle primary writes no
// WAL, so replay timestamps alone would call a caught-up replica late).

import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type Db, openDb, pgErrorCode } from './client.ts';

export interface ReplicaState {
  /** `replica1`, … in the order of DATABASE_REPLICA_URLS (URLs hold passwords: never shown). */
  name: string;
  status: 'up' | 'lagging' | 'down';
  /** Seconds behind the primary, as of the last probe (null: unknown). */
  lagSeconds: number | null;
}

export interface Replicas {
  /** A replica fit to read from now, in turn; null: read from the primary. */
  pick(): Db | null;
  states(): ReplicaState[];
  /** Probes once now (tests, /readyz). */
  probe(): Promise<void>;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  urls: string[];
  /** A replica further behind than this is skipped. */
  maxLagSeconds: number;
  probeEveryMs: number;
  poolSize?: number;
  log: Logger;
}

interface Replica {
  db: Db;
  state: ReplicaState;
}

/** A WAL position `X/Y` as a number of bytes. */
function lsn(text: string): bigint {
  const [high, low] = text.split('/') as [string, string];
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

export async function openReplicas(primary: Db, options: ReplicaOptions): Promise<Replicas> {
  const replicas: Replica[] = [];
  for (const [i, url] of options.urls.entries()) {
    const db = await openDb({ databaseUrl: url, poolSize: options.poolSize });
    replicas.push({ db, state: { name: `replica${i + 1}`, status: 'down', lagSeconds: null } });
  }
  // The primary's WAL positions at past probes, oldest first (a minute's worth).
  const samples: { at: number; position: bigint }[] = [];
  let next = 0;

  async function probe(): Promise<void> {
    try {
      const [row] = await primary.rows<{ position: string }>(sql`/* replica-probe-primary */
        SELECT pg_current_wal_lsn()::text AS position`);
      samples.push({ at: Date.now(), position: lsn((row as { position: string }).position) });
      while (samples.length > 1 && (samples[0] as { at: number }).at < Date.now() - 60_000) samples.shift();
    } catch {
      // The primary is down: the replicas' lag cannot be told; they keep their last state.
    }
    await Promise.all(
      replicas.map(async (replica) => {
        try {
          const [row] = await replica.db.rows<{ replayed: string | null }>(sql`/* replica-probe */
            SELECT coalesce(pg_last_wal_replay_lsn(), pg_current_wal_lsn())::text AS replayed`);
          const replayed = lsn((row as { replayed: string }).replayed);
          const newest = samples.findLast((s) => s.position <= replayed);
          const lag = newest ? Math.max(0, (Date.now() - newest.at) / 1000) : null;
          const before = replica.state.status;
          replica.state.lagSeconds = lag;
          replica.state.status = lag !== null && lag <= options.maxLagSeconds ? 'up' : 'lagging';
          if (before !== replica.state.status) {
            options.log.warn({ replica: replica.state.name, status: replica.state.status, lag }, 'replica status');
          }
        } catch (error) {
          if (replica.state.status !== 'down') {
            options.log.warn({ replica: replica.state.name, code: pgErrorCode(error) }, 'replica down');
          }
          replica.state.status = 'down';
          replica.state.lagSeconds = null;
        }
      }),
    );
  }

  await probe();
  let probing: Promise<void> | null = null;
  const timer = setInterval(() => {
    probing ??= probe().finally(() => {
      probing = null;
    });
  }, options.probeEveryMs);
  timer.unref();

  return {
    pick() {
      const fit = replicas.filter((r) => r.state.status === 'up');
      if (fit.length === 0) return null;
      next = (next + 1) % fit.length;
      return (fit[next] as Replica).db;
    },
    states: () => replicas.map((r) => ({ ...r.state })),
    probe,
    async close() {
      clearInterval(timer);
      await probing;
      await Promise.all(replicas.map((r) => r.db.close()));
    },
  };
}

/**
 * A request's database when it may read from a replica: reads go to the replica until the
 * request writes (a transaction, or a statement the read-only replica refuses: 25006), then
 * that statement and everything after it go to the primary.
 */
export function readingFrom(replica: Db, primary: Db, onWrite: () => void): Db {
  let target: Db = replica;
  const toPrimary = () => {
    if (target !== primary) {
      target = primary;
      onWrite();
    }
  };
  return {
    kind: primary.kind,
    get drizzle() {
      return target.drizzle;
    },
    async rows(query) {
      if (target === primary) return primary.rows(query);
      try {
        return await replica.rows(query);
      } catch (error) {
        // A write refused by the standby changed nothing there: it runs on the primary.
        if (pgErrorCode(error) !== '25006') throw error;
        toPrimary();
        return primary.rows(query);
      }
    },
    transaction(fn) {
      toPrimary();
      return primary.transaction(fn);
    },
    exec(script) {
      toPrimary();
      return primary.exec(script);
    },
    session(fn) {
      toPrimary();
      return primary.session(fn);
    },
    dumpDataDir: () => primary.dumpDataDir(),
    pool: () => primary.pool(),
    close: () => Promise.resolve(),
  };
}
