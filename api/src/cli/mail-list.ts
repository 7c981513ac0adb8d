// `mail list`: the mail the server wrote to its outbox folder (no SMTP_URL), oldest first, so a
// newcomer can open the confirmation and reset links the embedded setup does not send.
import { outboxDir, parseEnv } from '../env.ts';
import { readOutbox } from '../mail/outbox.ts';
import { UsageError } from './usage.ts';

export async function mailList(args: string[]): Promise<void> {
  const last = args[0] === '--last' ? Number(args[1]) : null;
  if ((args.length && last === null) || (last !== null && !(Number.isInteger(last) && last > 0)) || args.length > 2) {
    throw new UsageError('mail list takes only --last N (N a positive whole number).');
  }
  const env = parseEnv();
  const dir = outboxDir(env);
  const mails = await readOutbox(dir);
  if (!mails.length) {
    console.log(`No mail in ${dir}.`);
    return;
  }
  for (const mail of last ? mails.slice(-last) : mails) {
    console.log(`── ${mail.date}  to ${mail.to}\n   ${mail.subject}\n`);
    console.log(`${mail.text.replace(/^/gm, '   ')}\n`);
  }
  console.log(`${mails.length} mail${mails.length === 1 ? '' : 's'} in ${dir}.`);
}
