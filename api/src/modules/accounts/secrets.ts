// Passwords (argon2id) and random tokens (stored as SHA-256 only).
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const options = { algorithm: 2 as const /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);

// Verified against when the email is unknown, so both failures take the same time.
let decoy: Promise<string> | undefined;

/** Computes the decoy hash ahead of the first login (called at start-up). */
export function prepareDecoy(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/** True when `password` matches; with no hash, spends the same time and answers false. */
export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  const target = stored ?? (await prepareDecoy());
  const ok = await verify(target, password).catch(() => false);
  return stored !== null && ok;
}

export const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

export const digest = (value: string) => createHash('sha256').update(value).digest('hex');
