// Reading the outbox folder (`pnpm repere mail list`): the embedded default's mail, newest last.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

export interface OutboxMail {
  file: string;
  date: string;
  to: string;
  subject: string;
  text: string;
}

export async function readOutbox(dir: string): Promise<OutboxMail[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const mails: OutboxMail[] = [];
  for (const file of names.filter((n) => n.endsWith('.eml')).sort()) {
    const parsed = await simpleParser(await readFile(join(dir, file)));
    const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
    mails.push({
      file,
      date: (parsed.date ?? new Date(0)).toISOString(),
      to,
      subject: parsed.subject ?? '',
      text: (parsed.text ?? '').trimEnd(),
    });
  }
  return mails;
}
