// Who am I (anyone); accounts, professionals awaiting or holding vetting, and staff (admins).
import type { Role } from '@repere/shared/enums';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { decodeId } from '../../ids.ts';
import { maxPageSize } from '../../limits.ts';
import { decodeKeysetCursor, encodeKeysetCursor, pageOf } from '../../paging.ts';
import { countAccounts, findUser, listAccounts, searchAccounts } from './store.ts';
import { User, Viewer } from './types.ts';

const ProfessionalStatusEnum = builder.enumType('ProfessionalStatus', {
  values: ['PENDING', 'VETTED', 'EXPIRING', 'EXPIRED', 'REJECTED', 'REVOKED'] as const,
  description: 'EXPIRING: vetted, ending within 30 days.',
});

const UserConnection = builder.connectionObject({
  type: User,
  name: 'UserConnection',
  fields: (t) => ({
    totalCount: t.int({
      description: 'Accounts matching the filter, all pages.',
      resolve: (c) => (c as unknown as { totalCount: () => Promise<number> }).totalCount(),
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: Viewer,
    nullable: true,
    description: 'The account behind the session; null when anonymous (or with an API key only).',
    resolve: (_root, _args, ctx) => (ctx.viewer.kind === 'user' ? findUser(ctx.db, ctx.viewer.userId) : null),
  }),
  accounts: t.field({
    type: [User],
    authScopes: { admin: true },
    description: 'Accounts of any role whose email or name contains `search`, by email (admins).',
    args: {
      search: t.arg.string({
        required: true,
        validate: z
          .string()
          .trim()
          .min(2, 'search must have at least 2 characters')
          .max(100, 'search must have at most 100 characters'),
      }),
      first: t.arg.int({ defaultValue: 10, validate: z.number().int().min(1).max(50) }),
    },
    resolve: (_root, args, ctx) => searchAccounts(ctx.db, args.search.trim(), args.first ?? 10),
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
}));

/** An admins' list of accounts of some roles, oldest first, with its own cursors. */
function accountList(name: string, roles: Role[], description: string) {
  builder.queryField(name, (t) =>
    t.field({
      type: UserConnection,
      authScopes: { admin: true },
      description,
      args: {
        status: t.arg({ type: ProfessionalStatusEnum }),
        first: t.arg.int({ defaultValue: 20, validate: z.number().int().min(1).max(maxPageSize) }),
        after: t.arg.string({ validate: z.string().max(1000) }),
      },
      resolve: async (_root, args, ctx) => {
        const first = args.first ?? 20;
        const after = args.after ? decodeKeysetCursor(args.after, name) : null;
        const rows = await listAccounts(ctx.db, roles, args.status ?? null, first, after);
        const page = pageOf(rows, first, Boolean(args.after), (u) =>
          encodeKeysetCursor(name, { at: u.sortAt, id: u.id }),
        );
        // Counted only when asked for.
        return { ...page, totalCount: () => countAccounts(ctx.db, roles, args.status ?? null) };
      },
    }),
  );
}

accountList('professionals', ['PROFESSIONAL'], 'Professional accounts, oldest first (admins).');
accountList('staffAccounts', ['MODERATOR', 'ADMIN'], 'Moderator and admin accounts, oldest first (admins).');
