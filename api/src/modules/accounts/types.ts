// GraphQL types of accounts: the viewer (who am I) and users (what admins see of accounts).
import { languages, roles, sessionTransports } from '@repere/shared/enums';
import { builder } from '../../builder.ts';
import { encodeId } from '../../ids.ts';
import { loadStructure, loadStructures } from '../structures/loader.ts';
import { Structure } from '../structures/types.ts';
import { viewerStatus } from './sessions.ts';
import type { UserRow } from './store.ts';

export const RoleEnum = builder.enumType('Role', { values: roles });
export const SessionTransportEnum = builder.enumType('SessionTransport', {
  values: sessionTransports,
  description: 'COOKIE: an httpOnly cookie (the back office); TOKEN: a bearer token returned once (API clients).',
});
export const AccountStatusEnum = builder.enumType('AccountStatus', {
  values: ['PENDING', 'VETTED', 'EXPIRED', 'REJECTED', 'REVOKED'] as const,
  description: 'EXPIRED: vetting lapsed (12 months); the account then sees what an anonymous caller sees.',
});

export const LanguageEnum = builder.enumType('Language', {
  values: languages,
  description: 'Language of the mails we send: FR (default) or EN.',
});

export const Viewer = builder.objectRef<UserRow>('Viewer');
Viewer.implement({
  description: 'The account behind the session. Its status says what it may see now.',
  fields: (t) => ({
    id: t.id({ resolve: (u) => encodeId('User', u.id) }),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    status: t.field({
      type: AccountStatusEnum,
      description: 'The status this request is served with (EXPIRED: as an anonymous caller).',
      // The session's own status: what the request is actually served with.
      resolve: (u, _args, ctx) =>
        ctx.viewer.kind === 'user' && ctx.viewer.userId === u.id ? ctx.viewer.status : viewerStatus(u),
    }),
    vettedUntil: t.field({ type: 'DateTime', nullable: true, resolve: (u) => u.vettedUntil }),
    structures: t.field({
      type: [Structure],
      description: 'The structures this account is a member of, as it may see them now.',
      resolve: (u, _args, ctx) => loadStructures(ctx, u.structureIds),
    }),
  }),
});

export const User = builder.objectRef<UserRow>('User');
User.implement({
  description: 'An account, as admins see it.',
  fields: (t) => ({
    id: t.id({ resolve: (u) => encodeId('User', u.id) }),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    organisation: t.exposeString('organisation', { nullable: true }),
    jobTitle: t.exposeString('jobTitle', { nullable: true }),
    justification: t.exposeString('justification', { nullable: true }),
    role: t.expose('role', { type: RoleEnum }),
    status: t.field({ type: AccountStatusEnum, resolve: (u) => viewerStatus(u) }),
    claimedStructure: t.field({
      type: Structure,
      nullable: true,
      description: 'The structure named at registration, when it exists.',
      resolve: (u, _args, ctx) => loadStructure(ctx, u.claimedStructureId),
    }),
    structures: t.field({
      type: [Structure],
      description: 'Structures this account is a member of.',
      resolve: (u, _args, ctx) => loadStructures(ctx, u.structureIds),
    }),
    vettedAt: t.field({ type: 'DateTime', nullable: true, resolve: (u) => u.vettedAt }),
    vettedUntil: t.field({ type: 'DateTime', nullable: true, resolve: (u) => u.vettedUntil }),
    vettingNote: t.exposeString('vettingNote', { nullable: true, description: 'What was checked when vetted.' }),
    decisionReason: t.exposeString('decisionReason', { nullable: true, description: 'Why rejected or revoked.' }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (u) => u.decidedAt }),
    createdAt: t.field({ type: 'DateTime', resolve: (u) => u.createdAt }),
  }),
});
