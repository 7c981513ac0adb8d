// `--flag value` pairs of a CLI command, with a clear error for anything else.
import { UsageError } from './usage.ts';

export function parseFlags(args: string[], allowed: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const value = args[i + 1];
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !allowed.includes(name)) throw new UsageError(`Unknown option: ${flag}`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
    flags[name] = value;
  }
  return flags;
}

/** The password from REPERE_PASSWORD, else from standard input (first line). */
export async function readPassword(): Promise<string> {
  const fromEnv = process.env.REPERE_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.includes('\n')) break;
  }
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
}
