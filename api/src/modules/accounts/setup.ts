// The first admin of a fresh install, without the CLI: at start-up, while no admin exists, a
// one-time setup code is printed in the server's log; the back office's setup page asks for it
// and creates the admin (once: the code is deleted in the same transaction, and the page is gone
// as soon as an admin exists). The CLI (`user create`) stays for scripts.
import { randomInt } from 'node:crypto';
import { staffAccountInput } from '@repere/shared/accounts';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import type { Db } from '../../db/client.ts';
import { badInput } from '../../errors.ts';
import { writeAudit } from '../audit/store.ts';
import { limited } from './mutations.ts';
import { digest, hashPassword } from './secrets.ts';
import { insertUser } from './store.ts';

const hasAdmin = sql`EXISTS (SELECT 1 FROM users WHERE role = 'ADMIN')`;

// Unambiguous letters and digits (no 0/O, 1/I/L): read from a terminal, typed into a form.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** XXXX-XXXX-XXXX-XXXX: 16 characters of 31, about 79 bits. */
function newSetupCode(): string {
  const chars = Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Codes are compared without case, spaces or dashes (people retype them). */
const normalise = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/**
 * At start-up: while no admin exists, a new code replaces any earlier one and is logged (the
 * latest code printed is the one that works). Returns it, or null when an admin exists.
 */
export async function prepareFirstAdminSetup(db: Db, log: Logger): Promise<string | null> {
  const code = newSetupCode();
  const [row] = await db.rows<{ written: boolean }>(sql`/* first-admin-setup-prepare */
    WITH written AS (
      INSERT INTO first_admin_setup (id, code_hash) SELECT 1, ${digest(normalise(code))} WHERE NOT ${hasAdmin}
      ON CONFLICT (id) DO UPDATE SET code_hash = excluded.code_hash, created_at = now()
      RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM written) AS written`);
  if (!row?.written) return null;
  log.warn(`No admin account yet. Open /admin and enter this one-time setup code to create the first one: ${code}`);
  return code;
}

const FirstAdminInput = builder.inputType('FirstAdminInput', {
  fields: (t) => ({
    setupCode: t.string({ required: true, description: 'The code printed in the server’s log at start-up.' }),
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
  validate: staffAccountInput.omit({ role: true }).extend({
    setupCode: z.string().trim().min(1, 'setupCode is required').max(64, 'setupCode must have at most 64 characters'),
  }),
});

builder.queryFields((t) => ({
  needsFirstAdmin: t.boolean({
    description: 'True on a fresh install (no admin yet): the back office then offers its setup page.',
    resolve: async (_root, _args, ctx) => {
      const [row] = await ctx.db.rows<{ has: boolean }>(sql`/* first-admin-needed */ SELECT ${hasAdmin} AS has`);
      return !row?.has;
    },
  }),
}));

builder.mutationFields((t) => ({
  createFirstAdmin: t.boolean({
    description: 'Creates the first admin with the setup code from the server’s log (once; then refused).',
    args: { input: t.arg({ type: FirstAdminInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      limited(ctx, async () => {
        // Guesses are counted like registrations (per address).
        await ctx.limits.registration(ctx.http.ip);
        const parsed = staffAccountInput.omit({ role: true }).parse(input);
        const passwordHash = await hashPassword(parsed.password);
        const id = await ctx.db.transaction(async (tx) => {
          const [used] = await tx.rows<{ id: number }>(sql`/* first-admin-setup-use */
            DELETE FROM first_admin_setup WHERE code_hash = ${digest(normalise(input.setupCode))} AND NOT ${hasAdmin}
            RETURNING id`);
          if (!used) return null;
          const user = await insertUser(tx, {
            email: parsed.email,
            passwordHash,
            role: 'ADMIN',
            status: 'VETTED',
            name: parsed.name,
          });
          // Thrown inside: the code is kept for another try with another address.
          if (!user) {
            throw badInput('email: an account already exists for this address.', {
              key: 'emailTaken',
              params: { field: 'email' },
            });
          }
          return user;
        });
        // One answer for a wrong code and a used one: the page is gone either way.
        if (!id) {
          throw badInput('setupCode: wrong code, or this install already has an admin.', {
            key: 'badSetupCode',
            params: { field: 'setupCode' },
          });
        }
        await writeAudit(ctx.db, [{ action: 'USER_CREATED', actorId: id, subjectUserId: id }]);
        return true;
      }),
  }),
}));
