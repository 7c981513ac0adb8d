// Input schemas for accounts, shared by the API and the back office's forms.
import { z } from 'zod';
import { keyed } from './issues.ts';

export const email = z
  .string()
  .trim()
  .max(254, 'email must have at most 254 characters')
  .pipe(z.email('email is not a valid address'))
  .transform((v) => v.toLowerCase());

/** Long passphrases welcome; bounded so that hashing cannot be used to exhaust the server. */
export const password = z
  .string()
  .min(12, 'password must have at least 12 characters')
  .max(256, 'password must have at most 256 characters');

const line = (field: string, max: number) =>
  z.string().trim().min(1, `${field} is required`).max(max, `${field} must have at most ${max} characters`);

export const professionalRegistrationInput = z.object({
  email,
  password,
  name: line('name', 120),
  organisation: line('organisation', 200),
  jobTitle: line('jobTitle', 120),
  justification: line('justification', 2000),
});

export const decisionNote = (field: string) => line(field, 2000);

export const apiKeyName = line('name', 100);

export const staffAccountInput = z.object({
  email,
  name: line('name', 120),
  role: z.enum(
    ['MODERATOR', 'ADMIN'],
    keyed('role', 'role: MODERATOR or ADMIN (professionals register and are vetted)'),
  ),
  password,
});
