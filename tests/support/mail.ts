// A real SMTP server in the test process: the API sends through nodemailer as in production,
// and tests wait for the mails they expect (on events, with a deadline only as a last guard).
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  at: number;
}

export interface MailCatcher {
  url: string;
  mails: CaughtMail[];
  /** The first mail to `to` not yet taken (optionally matching `subject`); waits for it. */
  next(to: string, subject?: RegExp, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const taken = new Set<CaughtMail>();
  const events = new EventEmitter();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const mail: CaughtMail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(','),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            at: Date.now(),
          };
          mails.push(mail);
          events.emit('mail');
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  const find = (to: string, subject?: RegExp) =>
    mails.find((m) => !taken.has(m) && m.to === to.toLowerCase() && (!subject || subject.test(m.subject)));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    next(to, subject, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const mail = find(to, subject);
          if (!mail) return;
          taken.add(mail);
          events.off('mail', check);
          clearTimeout(timer);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          events.off('mail', check);
          reject(new Error(`no mail to ${to} ${subject ?? ''} within ${timeoutMs} ms`));
        }, timeoutMs);
        events.on('mail', check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The single-use token a mail carries (verification `rv_…`, reset `rp_…`). */
export function tokenIn(mail: CaughtMail): string {
  const token = /\b(r[vp]_[\w-]{43})\b/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no token in mail "${mail.subject}"`);
  return token;
}
