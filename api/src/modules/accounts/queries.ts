// Who am I (anyone), and the professionals awaiting or holding vetting (admins).
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { decodeId } from '../../ids.ts';
import { maxPageSize } from '../../limits.ts';
import { decodeKeysetCursor, encodeKeysetCursor, pageOf } from '../../paging.ts';
import { findUser, listProfessionals } from './store.ts';
import { User, Viewer } from './types.ts';

const ProfessionalStatusEnum = builder.enumType('ProfessionalStatus', {
  values: ['PENDING', 'VETTED', 'EXPIRING', 'EXPIRED', 'REJECTED', 'REVOKED'] as const,
  description: 'EXPIRING: vetted, ending within 30 days.',
});

const UserConnection = builder.connectionObject({ type: User, name: 'UserConnection' });

builder.queryFields((t) => ({
  viewer: t.field({
    type: Viewer,
    nullable: true,
    description: 'The account behind the session; null when anonymous (or with an API key only).',
    resolve: (_root, _args, ctx) => (ctx.viewer.kind === 'user' ? findUser(ctx.db, ctx.viewer.userId) : null),
  }),
  professionals: t.field({
    type: UserConnection,
    authScopes: { admin: true },
    description: 'Professional accounts, oldest first (admins).',
    args: {
      status: t.arg({ type: ProfessionalStatusEnum }),
      first: t.arg.int({ defaultValue: 20, validate: z.number().int().min(1).max(maxPageSize) }),
      after: t.arg.string({ validate: z.string().max(1000) }),
    },
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 20;
      const after = args.after ? decodeKeysetCursor(args.after, 'professionals') : null;
      const rows = await listProfessionals(ctx.db, args.status ?? null, first, after);
      return pageOf(rows, first, Boolean(args.after), (u) =>
        encodeKeysetCursor('professionals', { at: (u as unknown as { sortAt: string }).sortAt, id: u.id }),
      );
    },
  }),
  account: t.field({
    type: User,
    nullable: true,
    authScopes: { admin: true },
    description: 'One account (admins); null when unknown.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => {
      const id = decodeId(args.id, 'User');
      return id ? findUser(ctx.db, id) : null;
    },
  }),
  staffAccounts: t.field({
    type: UserConnection,
    authScopes: { admin: true },
    description: 'Moderator and admin accounts, oldest first (admins).',
    args: {
      status: t.arg({ type: ProfessionalStatusEnum }),
      first: t.arg.int({ defaultValue: 20, validate: z.number().int().min(1).max(maxPageSize) }),
      after: t.arg.string({ validate: z.string().max(1000) }),
    },
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 20;
      const after = args.after ? decodeKeysetCursor(args.after, 'staff') : null;
      const rows = await listProfessionals(ctx.db, args.status ?? null, first, after, ['MODERATOR', 'ADMIN']);
      return pageOf(rows, first, Boolean(args.after), (u) =>
        encodeKeysetCursor('staff', { at: (u as unknown as { sortAt: string }).sortAt, id: u.id }),
      );
    },
  }),
}));
