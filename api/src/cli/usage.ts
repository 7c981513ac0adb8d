export const usage = `Usage: pnpm repere <command>   (--help: this text)

  db migrate                 apply migrations and reference data
  db image                   make the migrated database a new PGLITE_DIR is copied from
                             (pnpm install does; only the embedded database has one)
  db seed --demo             load the demo data (fictional structures, national helplines)
  db seed --synthetic N      load N synthetic structures (benchmarks)
  db dump --out FILE         back up every table (accounts, sessions, referrals, audit included)
                             in one consistent snapshot; an embedded database must not be in use
  db restore FILE [--force]  load a dump into an empty database (--force: replace what is there);
                             embedded and server dumps restore into either
  user create --email E --role ADMIN|MODERATOR|PROFESSIONAL [--structure ID] [--name N]
                             create an account; password from REPERE_PASSWORD or standard input
                             (a PROFESSIONAL created here is vetted for 12 months)
  apikey create --name N     create a partner API key and print it (shown once)
  referrals purge            delete referrals closed (or sent) more than 90 days ago
  export --format data-inclusion|geojson|csv --out DIR
                             the public directory as files (what GET /exports/… serves)
  import data-inclusion --structures FILE --services FILE
                             queue data·inclusion v1 records as submissions for moderators
                             (duplicates of listings as corrections; again: nothing changes)
  mail list [--last N]       print the mail in the outbox folder (no SMTP_URL: MAIL_OUTBOX,
                             default ./.data/outbox), with its confirmation and reset links

The database is DATABASE_URL when set, else the embedded one in PGLITE_DIR (./.data/pglite).`;

export class UsageError extends Error {}
