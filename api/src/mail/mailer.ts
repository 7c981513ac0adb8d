// Outgoing mail: SMTP when SMTP_URL is set, else `.eml` files in an outbox folder (the embedded
// default, read with `pnpm repere mail list`). Sending never blocks an answer: a mail that is
// sent or not must not change how long a request takes (no account enumeration by timing).
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Queues a mail; failures are logged (without the address), never thrown to the caller. */
  send(mail: Mail): void;
  /**
   * Runs `compose` after the answer has gone and sends what it returns (null: nothing). For work
   * that must not show in an answer's timing, such as looking up whether an address has an account.
   */
  later(compose: () => Promise<Mail | null>): void;
  /** Resolves when every queued mail has been handed over (shutdown, tests). */
  flush(): Promise<void>;
  /** Where mail goes, for the start-up log. */
  describe: string;
}

export type MailTransport = { kind: 'smtp'; url: string } | { kind: 'outbox'; dir: string } | { kind: 'none' };

export function createMailer(transport: MailTransport, from: string, log: Logger): Mailer {
  const pending = new Set<Promise<void>>();
  const deliver =
    transport.kind === 'smtp'
      ? smtpDelivery(transport.url)
      : transport.kind === 'outbox'
        ? outboxDelivery(transport.dir)
        : dropDelivery(log);
  const later = (compose: () => Promise<Mail | null>) => {
    const job = (async () => {
      // A macrotask later: the answer is written before any of this work starts.
      await new Promise((resolve) => setImmediate(resolve));
      const mail = await compose();
      if (mail) await deliver({ from, ...mail });
    })()
      .catch((error: unknown) => {
        // The recipient is personal data: only the error is logged.
        log.error({ err: error }, 'mail not sent');
      })
      .finally(() => pending.delete(job));
    pending.add(job);
  };
  return {
    describe:
      transport.kind === 'smtp'
        ? `SMTP ${new URL(transport.url).host}`
        : transport.kind === 'outbox'
          ? `outbox ${transport.dir}`
          : 'nowhere (no mail transport)',
    send: (mail) => later(async () => mail),
    later,
    async flush() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}

type Delivery = (mail: Mail & { from: string }) => Promise<void>;

function smtpDelivery(url: string): Delivery {
  const transporter: Transporter = createTransport(url);
  return async (mail) => {
    await transporter.sendMail(mail);
  };
}

function outboxDelivery(dir: string): Delivery {
  const builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (mail) => {
    const info = await builder.sendMail(mail);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // Sortable names: the date first, then randomness so two mails in one millisecond differ.
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
    await writeFile(join(dir, name), info.message as Buffer, { mode: 0o600 });
  };
}

/** For an app built without a transport (tests that do not read mail): dropped, and said so. */
function dropDelivery(log: Logger): Delivery {
  return async (mail) => {
    log.warn({ subject: mail.subject }, 'mail dropped: no mail transport configured');
  };
}
