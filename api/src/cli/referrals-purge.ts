// `referrals purge`: deletes referrals past their time now (the server also does it hourly).
import { purgeReferrals } from '../modules/referrals/store.ts';
import { withDb } from './open.ts';
import { UsageError } from './usage.ts';

export async function referralsPurge(args: string[]): Promise<void> {
  if (args.length) throw new UsageError('referrals purge takes no option.');
  await withDb(async (db) => {
    const purged = await purgeReferrals(db);
    if (purged === null) {
      console.log('Another instance is purging referrals right now; nothing done here.');
      return;
    }
    console.log(`${purged} referral${purged === 1 ? '' : 's'} purged (closed, or sent, more than 90 days ago).`);
  });
}
