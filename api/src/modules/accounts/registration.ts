// Self-registration and what mail proves: the address is the registrant's (verification, 24 h),
// or the account's owner may choose a new password (reset, 1 h). Answers never tell whether an
// address has an account: the same words, and the same work before answering.
import { email, password, professionalRegistrationInput } from '@repere/shared/accounts';
import type { Language } from '@repere/shared/enums';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { badInput } from '../../errors.ts';
import { alreadyRegisteredMail, resetMail, verificationMail } from '../../mail/messages.ts';
import { writeAudit } from '../audit/store.ts';
import { decodeStructureId } from '../structures/ids.ts';
import { limited, ProfessionalRegistrationInput } from './mutations.ts';
import { digest, hashPassword, newSecret } from './secrets.ts';
import { findByEmail, insertEmailToken, registerUnverified, useEmailToken } from './store.ts';
import { AccountStatusEnum, LanguageEnum } from './types.ts';

export const verificationMinutes = 24 * 60;
export const resetMinutes = 60;

const RegistrationPayload = builder.objectRef<{ status: 'PENDING' }>('RegistrationPayload');
RegistrationPayload.implement({
  description:
    'The same answer whether or not the email already had an account: a link to confirm the address is mailed ' +
    '(or, to an address that has an account, a note to its owner). The request reaches the admins once confirmed.',
  fields: (t) => ({ status: t.field({ type: AccountStatusEnum, resolve: (p) => p.status }) }),
});

const badToken = () =>
  badInput('token: this link or code is unknown, already used or expired.', {
    key: 'badToken',
    params: { field: 'token' },
  });

/** Tokens are 43 base64url characters after their prefix; anything else is refused unread. */
const tokenArg = z.string().max(200);

builder.mutationFields((t) => ({
  registerProfessional: t.field({
    type: RegistrationPayload,
    description:
      'Asks for a professional account: a confirmation link is mailed; PENDING until an admin vets it. ' +
      'Registering again before confirming replaces the unconfirmed request.',
    args: { input: t.arg({ type: ProfessionalRegistrationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      limited(ctx, async () => {
        await ctx.limits.registration(ctx.http.ip);
        const parsed = professionalRegistrationInput.parse(input);
        await ctx.limits.mail(parsed.email, ctx.http.ip);
        const language: Language = input.language ?? 'FR';
        // Any well-formed id is accepted: a hidden structure answers like an unknown one.
        const claimed = input.structureId ? decodeStructureId(input.structureId, 'structureId') : null;
        // Hashed whatever happens next: a taken address takes as long to answer as a new one.
        const passwordHash = await hashPassword(parsed.password);
        const registered = await registerUnverified(ctx.db, {
          ...parsed,
          passwordHash,
          role: 'PROFESSIONAL',
          status: 'PENDING',
          claimedStructureId: claimed,
        });
        // The token is made after the answer: a new address must not take longer than a taken one.
        // Should it fail, no mail goes and registering again sends a new link.
        ctx.mailer.later(async () => {
          if (registered.kind === 'taken') return alreadyRegisteredMail(parsed.email, language, ctx.links);
          const token = newSecret('rv_');
          await insertEmailToken(ctx.db, registered.id, 'VERIFY', digest(token), verificationMinutes);
          return verificationMail(parsed.email, language, parsed.name, token, ctx.links);
        });
        return { status: 'PENDING' as const };
      }),
  }),
  verifyEmail: t.boolean({
    description: 'Confirms a registration’s address with the mailed link’s token (single use, 24 h).',
    args: { token: t.arg.string({ required: true, validate: tokenArg }) },
    resolve: async (_root, args, ctx) => {
      const userId = await useEmailToken(ctx.db, digest(args.token), 'VERIFY');
      if (!userId) throw badToken();
      await writeAudit(ctx.db, [{ action: 'EMAIL_VERIFIED', subjectUserId: userId }]);
      return true;
    },
  }),
  requestPasswordReset: t.boolean({
    description:
      'Mails a single-use link (1 h) to choose a new password, when the address has an account. ' +
      'Always true: the answer does not tell whether it has one.',
    args: {
      email: t.arg.string({ required: true, validate: z.string().max(1000) }),
      language: t.arg({ type: LanguageEnum, defaultValue: 'FR' }),
    },
    resolve: (_root, args, ctx) =>
      limited(ctx, async () => {
        const address = email.safeParse(args.email);
        if (!address.success) {
          throw badInput('email: not a valid address.', { key: 'email', params: { field: 'email' } });
        }
        await ctx.limits.mail(address.data, ctx.http.ip);
        const language: Language = args.language ?? 'FR';
        // Looked up after the answer: whether a mail goes out must not show in its timing.
        ctx.mailer.later(() => composeReset(ctx, address.data, language));
        return true;
      }),
  }),
  resetPassword: t.boolean({
    description: 'Sets a new password with a mailed reset token (single use, 1 h); every session of the account ends.',
    args: {
      token: t.arg.string({ required: true, validate: tokenArg }),
      password: t.arg.string({ required: true, validate: password }),
    },
    resolve: async (_root, args, ctx) => {
      const passwordHash = await hashPassword(args.password);
      const userId = await useEmailToken(ctx.db, digest(args.token), 'RESET', passwordHash);
      if (!userId) throw badToken();
      await writeAudit(ctx.db, [{ action: 'PASSWORD_RESET', subjectUserId: userId }]);
      // This browser's own session (if any) ended with the others.
      ctx.http.clearCookie();
      return true;
    },
  }),
}));

async function composeReset(ctx: Context, address: string, language: Language) {
  const account = await findByEmail(ctx.db, address);
  // A revoked account cannot come back by mail; nobody is told so.
  if (!account || account.status === 'REVOKED') return null;
  const token = newSecret('rp_');
  await insertEmailToken(ctx.db, account.id, 'RESET', digest(token), resetMinutes);
  return resetMail(address, language, token, ctx.links);
}
