// Sessions (anyone), registration (anyone), vetting decisions (admins).
import { decisionNote, email, professionalRegistrationInput, staffAccountInput } from '@repere/shared/accounts';
import { languages } from '@repere/shared/enums';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { AppError, badInput, notFound } from '../../errors.ts';
import { decodeId } from '../../ids.ts';
import { RateLimitedError } from '../../rate-limits.ts';
import { writeAudit } from '../audit/store.ts';
import { decodeStructureId } from '../structures/ids.ts';
import { checkPassword, digest, hashPassword, newSecret } from './secrets.ts';
import { sessionLimits, vettingMonths } from './sessions.ts';
import {
  approve,
  decide,
  findCredentials,
  findUser,
  insertSession,
  insertUser,
  revokeSession,
  type UserRow,
} from './store.ts';
import { LanguageEnum, RoleEnum, SessionTransportEnum, User, Viewer } from './types.ts';

const LoginPayload = builder.objectRef<{ token: string | null; expiresAt: string; userId: string }>('LoginPayload');
LoginPayload.implement({
  fields: (t) => ({
    token: t.exposeString('token', { nullable: true, description: 'The bearer token (TOKEN transport), shown once.' }),
    expiresAt: t.field({ type: 'DateTime', resolve: (p) => p.expiresAt }),
    viewer: t.field({
      type: Viewer,
      resolve: async (p, _args, ctx) => {
        const user = await findUser(ctx.db, p.userId);
        if (!user) throw failedLogin();
        return user;
      },
    }),
  }),
});

export const ProfessionalRegistrationInput = builder.inputType('ProfessionalRegistrationInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    name: t.string({ required: true }),
    organisation: t.string({ required: true }),
    jobTitle: t.string({ required: true, description: 'Professional role, e.g. "éducatrice spécialisée".' }),
    structureId: t.id({ description: 'The structure they belong to, if listed.' }),
    justification: t.string({ required: true, description: 'What lets an admin check who they are.' }),
    language: t.field({ type: LanguageEnum, description: 'Language of the mails about this request (default FR).' }),
  }),
  validate: professionalRegistrationInput.extend({
    structureId: z.string().max(200).nullish(),
    language: z.enum(languages).nullish(),
  }),
});

const UserPayload = builder.objectRef<{ user: UserRow }>('UserPayload');
UserPayload.implement({ fields: (t) => ({ user: t.field({ type: User, resolve: (p) => p.user }) }) });

const failedLogin = () =>
  new AppError('UNAUTHENTICATED', 'Email or password incorrect.', { key: 'badLogin', params: {} });

/** Rate-limited resolvers also answer HTTP 429 with Retry-After. */
export async function limited<T>(ctx: Context, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof RateLimitedError) {
      ctx.http.setStatus(429);
      ctx.http.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    throw error;
  }
}

async function login(ctx: Context, args: { email: string; password: string; transport: 'COOKIE' | 'TOKEN' }) {
  const address = email.safeParse(args.email);
  const key = address.success ? address.data : args.email.trim().toLowerCase().slice(0, 254);
  // Counted before the check: a burst of guesses cannot all pass a count not yet made.
  const reached = await ctx.limits.loginAttempt(key, ctx.http.ip);
  const credentials = address.success ? await findCredentials(ctx.db, key) : null;
  const ok = await checkPassword(credentials?.passwordHash ?? null, args.password.slice(0, 256));
  // A revoked account answers like a wrong password, right password or not: nothing is confirmed.
  if (!credentials || !ok || credentials.status === 'REVOKED') {
    if (reached.length) {
      await writeAudit(ctx.db, [
        {
          action: 'LOGIN_FAILURE_BURST',
          subjectUserId: credentials?.id ?? null,
          fields: reached,
          count: reached.length,
        },
      ]);
    }
    throw failedLogin();
  }
  await ctx.limits.loginSucceeded(key, ctx.http.ip);
  const token = newSecret('rs_');
  const expiresAt = await insertSession(ctx.db, credentials.id, digest(token), args.transport, sessionLimits);
  if (args.transport === 'COOKIE') ctx.http.setCookie(token, sessionLimits.maxHours * 3600);
  return { token: args.transport === 'TOKEN' ? token : null, expiresAt, userId: credentials.id };
}

function userIdArg(globalId: string): string {
  const id = decodeId(globalId, 'User', 'userId');
  if (!id) throw notFound('professional');
  return id;
}

async function professional(ctx: Context, id: string) {
  const user = await findUser(ctx.db, id);
  // An unverified registration is nobody's yet: admins never see it (nor can they decide on it).
  if (user?.role !== 'PROFESSIONAL' || !user.emailVerified) throw notFound('professional');
  return user;
}

const adminId = (ctx: Context) => (ctx.viewer.kind === 'user' ? ctx.viewer.userId : '');

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    description: 'Opens a session. Rate-limited per account and per address.',
    args: {
      email: t.arg.string({ required: true, validate: z.string().max(1000) }),
      password: t.arg.string({ required: true, validate: z.string().max(1000) }),
      transport: t.arg({ type: SessionTransportEnum, defaultValue: 'TOKEN' }),
    },
    resolve: (_root, args, ctx) => limited(ctx, () => login(ctx, { ...args, transport: args.transport ?? 'TOKEN' })),
  }),
  logout: t.boolean({
    description: 'Ends this session (and clears the cookie). False when there was none.',
    resolve: async (_root, _args, ctx) => {
      ctx.http.clearCookie();
      if (ctx.viewer.kind !== 'user') return false;
      await revokeSession(ctx.db, ctx.viewer.sessionId);
      return true;
    },
  }),
  approveProfessional: t.field({
    type: UserPayload,
    authScopes: { admin: true },
    description: `Vets a professional for ${vettingMonths} months, recording what was checked (admins).`,
    args: {
      userId: t.arg.id({ required: true }),
      note: t.arg.string({ required: true, validate: decisionNote('note') }),
      structureIds: t.arg.idList({
        description: 'Structures they are a member of (default: the one named at registration).',
        validate: z.array(z.string()).max(20),
      }),
    },
    resolve: async (_root, args, ctx) => {
      const user = await professional(ctx, userIdArg(args.userId));
      if (user.status === 'REVOKED') {
        throw new AppError('BAD_USER_INPUT', 'This account was revoked.', { key: 'accountRevoked', params: {} });
      }
      const structureIds = args.structureIds?.map((id) => {
        const decoded = decodeStructureId(id, 'structureIds');
        if (!decoded) {
          throw badInput('structureIds: not a structure id.', {
            key: 'structureIds',
            params: { field: 'structureIds' },
          });
        }
        return decoded;
      });
      await approve(ctx.db, {
        userId: user.id,
        adminId: adminId(ctx),
        note: args.note,
        months: vettingMonths,
        structureIds: structureIds ?? null,
      });
      await writeAudit(ctx.db, [{ action: 'PROFESSIONAL_APPROVED', actorId: adminId(ctx), subjectUserId: user.id }]);
      return { user: (await findUser(ctx.db, user.id)) as UserRow };
    },
  }),
  rejectProfessional: t.field({
    type: UserPayload,
    authScopes: { admin: true },
    description: 'Rejects a pending request, with a reason (admins).',
    args: {
      userId: t.arg.id({ required: true }),
      reason: t.arg.string({ required: true, validate: decisionNote('reason') }),
    },
    resolve: async (_root, args, ctx) => {
      const user = await professional(ctx, userIdArg(args.userId));
      if (user.status !== 'PENDING') {
        throw new AppError('BAD_USER_INPUT', `Only a PENDING request can be rejected (this one is ${user.status}).`, {
          key: 'notPending',
          params: { status: user.status },
        });
      }
      await decide(ctx.db, { userId: user.id, adminId: adminId(ctx), note: args.reason, status: 'REJECTED' });
      await writeAudit(ctx.db, [{ action: 'PROFESSIONAL_REJECTED', actorId: adminId(ctx), subjectUserId: user.id }]);
      return { user: (await findUser(ctx.db, user.id)) as UserRow };
    },
  }),
  revokeProfessional: t.field({
    type: UserPayload,
    authScopes: { admin: true },
    description: 'Revokes a professional: every session ends at once (admins).',
    args: {
      userId: t.arg.id({ required: true }),
      reason: t.arg.string({ required: true, validate: decisionNote('reason') }),
    },
    resolve: async (_root, args, ctx) => {
      const user = await professional(ctx, userIdArg(args.userId));
      await decide(ctx.db, { userId: user.id, adminId: adminId(ctx), note: args.reason, status: 'REVOKED' });
      await writeAudit(ctx.db, [{ action: 'PROFESSIONAL_REVOKED', actorId: adminId(ctx), subjectUserId: user.id }]);
      return { user: (await findUser(ctx.db, user.id)) as UserRow };
    },
  }),
}));

const StaffAccountInput = builder.inputType('StaffAccountInput', {
  description: 'A moderator or admin account, created by an admin with a first password to hand over.',
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    password: t.string({ required: true }),
  }),
  validate: staffAccountInput,
});

builder.mutationFields((t) => ({
  createStaffAccount: t.field({
    type: UserPayload,
    authScopes: { admin: true },
    description: 'Creates a MODERATOR or ADMIN account (admins); professionals register and are vetted.',
    args: { input: t.arg({ type: StaffAccountInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = staffAccountInput.parse(input);
      const id = await insertUser(ctx.db, {
        email: parsed.email,
        passwordHash: await hashPassword(parsed.password),
        role: parsed.role,
        status: 'VETTED',
        name: parsed.name,
      });
      if (!id) {
        throw badInput('email: an account already exists for this address.', {
          key: 'emailTaken',
          params: { field: 'email' },
        });
      }
      await writeAudit(ctx.db, [{ action: 'USER_CREATED', actorId: adminId(ctx), subjectUserId: id }]);
      return { user: (await findUser(ctx.db, id)) as UserRow };
    },
  }),
  revokeStaffAccount: t.field({
    type: UserPayload,
    authScopes: { admin: true },
    description: 'Revokes a moderator or another admin (admins): every session ends at once.',
    args: {
      userId: t.arg.id({ required: true }),
      reason: t.arg.string({ required: true, validate: decisionNote('reason') }),
    },
    resolve: async (_root, args, ctx) => {
      const id = decodeId(args.userId, 'User', 'userId');
      const user = id ? await findUser(ctx.db, id) : null;
      if (!user || user.role === 'PROFESSIONAL') throw notFound('staff');
      if (user.id === adminId(ctx)) {
        throw badInput('userId: you cannot revoke your own account.', {
          key: 'selfRevoke',
          params: { field: 'userId' },
        });
      }
      await decide(ctx.db, {
        userId: user.id,
        adminId: adminId(ctx),
        note: args.reason,
        status: 'REVOKED',
        role: user.role,
      });
      await writeAudit(ctx.db, [{ action: 'STAFF_REVOKED', actorId: adminId(ctx), subjectUserId: user.id }]);
      return { user: (await findUser(ctx.db, user.id)) as UserRow };
    },
  }),
}));
