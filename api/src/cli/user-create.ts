// `user create`: bootstraps an account (the first admin of a fresh install, above all).
import { email as emailSchema, password as passwordSchema } from '@repere/shared/accounts';
import { type Role, roles } from '@repere/shared/enums';
import { sql } from 'drizzle-orm';
import { encodeId } from '../ids.ts';
import { hashPassword } from '../modules/accounts/secrets.ts';
import { vettingMonths } from '../modules/accounts/sessions.ts';
import { insertUser } from '../modules/accounts/store.ts';
import { writeAudit } from '../modules/audit/store.ts';
import { decodeStructureId } from '../modules/structures/ids.ts';
import { parseFlags, readPassword } from './args.ts';
import { withDb } from './open.ts';
import { UsageError } from './usage.ts';

export async function userCreate(args: string[]): Promise<void> {
  const flags = parseFlags(args, ['email', 'role', 'structure', 'name']);
  const email = emailSchema.safeParse(flags.email ?? '');
  if (!email.success) throw new UsageError('--email needs a valid address.');
  const role = flags.role as Role;
  if (!roles.includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}.`);
  if (flags.structure && role !== 'PROFESSIONAL') throw new UsageError('--structure is for PROFESSIONAL accounts.');
  let structureId: string | null = null;
  if (flags.structure) {
    try {
      structureId = decodeStructureId(flags.structure);
    } catch {
      structureId = null;
    }
    if (!structureId) throw new UsageError('--structure needs a structure id as the API returns it.');
  }
  const password = passwordSchema.safeParse(await readPassword());
  if (!password.success) throw new Error(`Password refused: ${password.error.issues[0]?.message}.`);
  await withDb(async (db) => {
    if (structureId) {
      const [found] = await db.rows(sql`SELECT 1 FROM structures WHERE id = ${structureId}::uuid`);
      if (!found) throw new Error('No structure with this id: nothing was created.');
    }
    const id = await insertUser(db, {
      email: email.data,
      passwordHash: await hashPassword(password.data),
      role,
      status: 'VETTED',
      name: flags.name ?? email.data.split('@')[0] ?? email.data,
      vettedMonths: role === 'PROFESSIONAL' ? vettingMonths : null,
      structureIds: structureId ? [structureId] : [],
    });
    if (!id) throw new Error(`An account already exists for ${email.data}: nothing was changed.`);
    await writeAudit(db, [{ action: 'USER_CREATED', subjectUserId: id }]);
    const until = role === 'PROFESSIONAL' ? `, vetted for ${vettingMonths} months` : '';
    console.log(`${role} account created for ${email.data}${until} (id ${encodeId('User', id)}).`);
  });
}
