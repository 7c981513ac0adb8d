// The audit log, for admins: filter by action, person, structure, account and dates.
import { auditActions } from '@repere/shared/enums';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { decodeId, encodeId } from '../../ids.ts';
import { maxPageSize } from '../../limits.ts';
import { decodeKeysetCursor, encodeKeysetCursor, pageOf } from '../../paging.ts';
import { loadUser } from '../accounts/loader.ts';
import { User } from '../accounts/types.ts';
import { loadStructure } from '../structures/loader.ts';
import { Structure } from '../structures/types.ts';
import { type AuditRow, listAudit } from './store.ts';

const AuditActionEnum = builder.enumType('AuditAction', { values: auditActions });

const gid = (type: string, id: string | null) => (id ? encodeId(type, id) : null);

const AuditEntry = builder.objectRef<AuditRow>('AuditEntry');
AuditEntry.implement({
  description: 'Who did what, when, to which structure or account: ids and field names only.',
  fields: (t) => ({
    id: t.id({ resolve: (a) => encodeId('AuditEntry', a.id) }),
    at: t.field({ type: 'DateTime', resolve: (a) => a.at }),
    action: t.expose('action', { type: AuditActionEnum }),
    actorId: t.id({ nullable: true, resolve: (a) => gid('User', a.actorId) }),
    structureId: t.id({ nullable: true, resolve: (a) => gid('Structure', a.structureId) }),
    subjectUserId: t.id({ nullable: true, resolve: (a) => gid('User', a.subjectUserId) }),
    actor: t.field({
      type: User,
      nullable: true,
      description: 'Who acted (null for the system, an API key or a deleted account).',
      resolve: (a, _args, ctx) => loadUser(ctx, a.actorId),
    }),
    subjectUser: t.field({
      type: User,
      nullable: true,
      description: 'The account acted upon.',
      resolve: (a, _args, ctx) => loadUser(ctx, a.subjectUserId),
    }),
    apiKeyId: t.id({ nullable: true, resolve: (a) => gid('ApiKey', a.apiKeyId) }),
    referralId: t.id({ nullable: true, resolve: (a) => gid('Referral', a.referralId) }),
    fields: t.exposeStringList('fields', {
      description: 'Fields read (CONFIDENTIAL_READ) or limits reached (LOGIN_FAILURE_BURST: account-ip, ip, account).',
    }),
    count: t.exposeInt('count'),
    structure: t.field({
      type: Structure,
      nullable: true,
      resolve: (a, _args, ctx) => loadStructure(ctx, a.structureId),
    }),
  }),
});

const AuditFilter = builder.inputType('AuditFilter', {
  fields: (t) => ({
    actions: t.field({ type: [AuditActionEnum] }),
    actorId: t.id(),
    structureId: t.id(),
    subjectUserId: t.id(),
    from: t.field({ type: 'DateTime' }),
    to: t.field({ type: 'DateTime' }),
  }),
});

const AuditEntryConnection = builder.connectionObject(
  {
    type: AuditEntry,
    name: 'AuditEntryConnection',
    fields: (t) => ({
      totalCount: t.int({ resolve: (c) => (c as unknown as { totalCount: () => Promise<number> }).totalCount() }),
    }),
  },
  { name: 'AuditEntryEdge' },
);

// An id of the wrong type matches nothing rather than everything.
const none = '00000000-0000-0000-0000-000000000000';
const idOrNone = (value: string | null | undefined, type: string, field: string) =>
  value ? (decodeId(value, type, field) ?? none) : null;

builder.queryField('auditLog', (t) =>
  t.field({
    type: AuditEntryConnection,
    authScopes: { admin: true },
    description: 'Newest first (admins).',
    args: {
      first: t.arg.int({ defaultValue: 50, validate: z.number().int().min(1).max(maxPageSize) }),
      after: t.arg.string({ validate: z.string().max(1000) }),
      filter: t.arg({ type: AuditFilter }),
    },
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 50;
      const f = args.filter ?? {};
      const page = await listAudit(
        ctx.db,
        {
          actions: f.actions,
          actorId: idOrNone(f.actorId, 'User', 'actorId'),
          structureId: idOrNone(f.structureId, 'Structure', 'structureId'),
          subjectUserId: idOrNone(f.subjectUserId, 'User', 'subjectUserId'),
          from: f.from,
          to: f.to,
        },
        first,
        args.after ? decodeKeysetCursor(args.after, 'audit') : null,
      );
      return {
        ...pageOf(page.rows, first, Boolean(args.after), (a) => encodeKeysetCursor('audit', { at: a.at, id: a.id })),
        totalCount: page.total,
      };
    },
  }),
);
