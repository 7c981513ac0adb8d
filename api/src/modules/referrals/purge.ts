// Referrals do not outlive their use: purged 90 days after closing (or sending, when never
// closed), by a timer in every server and by `pnpm repere referrals purge`.
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { isDatabaseUnavailable } from '../../db/unavailable.ts';
import { purgeReferrals } from './store.ts';

/**
 * Purges now, then every `everyMs`; returns a stop function, which waits for a purge under way
 * (the database is closed next: closing the embedded one under a query aborts the process).
 * Several instances may run it: one purges at a time (an advisory lock), the others skip.
 */
export function startReferralPurge(db: Db, log: Logger, everyMs = 60 * 60 * 1000): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= purgeReferrals(db)
      .then(
        (purged) => {
          if (purged === null) log.info('referral purge skipped: another instance is purging');
          else if (purged > 0) log.info({ purged }, 'referrals purged');
        },
        // A database that is down (restarting, failing over) is an outage that requests report
        // already, not a fault of the purge: the next run purges what this one could not.
        (error) =>
          isDatabaseUnavailable(error)
            ? log.warn({ reason: (error as Error).message }, 'referral purge skipped: database unreachable')
            : log.error({ err: error }, 'referral purge failed'),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
