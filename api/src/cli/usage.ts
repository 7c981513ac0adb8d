export const usage = `Usage: pnpm repere <command>   (--help: this text)

  db migrate                 apply migrations and reference data
  db seed --demo             load the demo data (fictional structures, national helplines)
  db seed --synthetic N      load N synthetic structures (benchmarks)
  user create --email E --role ADMIN|MODERATOR|PROFESSIONAL [--structure ID] [--name N]
                             create an account; password from REPERE_PASSWORD or standard input
                             (a PROFESSIONAL created here is vetted for 12 months)
  apikey create --name N     create a partner API key and print it (shown once)
  referrals purge            delete referrals closed (or sent) more than 90 days ago
  export --format data-inclusion|geojson|csv --out DIR
                             the public directory as files (what GET /exports/… serves)
  mail list [--last N]       print the mail in the outbox folder (no SMTP_URL: MAIL_OUTBOX,
                             default ./.data/outbox), with its confirmation and reset links

The database is DATABASE_URL when set, else the embedded one in PGLITE_DIR (./.data/pglite).`;

export class UsageError extends Error {}
