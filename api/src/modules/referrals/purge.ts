// Referrals do not outlive their use: purged 90 days after closing (or sending, when never
// closed), by a timer in every server and by `pnpm repere referrals purge`.
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { purgeReferrals } from './store.ts';

/** Purges now, then every `everyMs`; returns a stop function. Several instances may run it. */
export function startReferralPurge(db: Db, log: Logger, everyMs = 60 * 60 * 1000): () => void {
  const run = () =>
    purgeReferrals(db).then(
      (purged) => {
        if (purged > 0) log.info({ purged }, 'referrals purged');
      },
      (error) => log.error({ err: error }, 'referral purge failed'),
    );
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
