// Partner API keys (admins): created and shown once, listed with usage, revoked.
import { apiKeyName } from '@repere/shared/accounts';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { decodeId, encodeId } from '../../ids.ts';
import { writeAudit } from '../audit/store.ts';
import { createApiKey } from './create.ts';
import { type ApiKeyRow, listApiKeys, revokeApiKey } from './store.ts';

export const ApiKey = builder.objectRef<ApiKeyRow>('ApiKey');
ApiKey.implement({
  description: 'A partner app key, sent as X-Api-Key. The key itself is shown only when created.',
  fields: (t) => ({
    id: t.id({ resolve: (k) => encodeId('ApiKey', k.id) }),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'Its first characters, to tell keys apart.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (k) => k.createdAt }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.revokedAt }),
    usageCount: t.exposeInt('usageCount'),
    lastUsedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.lastUsedAt }),
  }),
});

const CreatedApiKey = builder.objectRef<{ key: string; apiKey: ApiKeyRow }>('CreatedApiKey');
CreatedApiKey.implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Shown this once: only its hash is kept.' }),
    apiKey: t.field({ type: ApiKey, resolve: (c) => c.apiKey }),
  }),
});

const ApiKeyPayload = builder.objectRef<{ apiKey: ApiKeyRow }>('ApiKeyPayload');
ApiKeyPayload.implement({ fields: (t) => ({ apiKey: t.field({ type: ApiKey, resolve: (p) => p.apiKey }) }) });

const actor = (ctx: Context) => (ctx.viewer.kind === 'user' ? ctx.viewer.userId : null);

builder.queryField('apiKeys', (t) =>
  t.field({
    type: [ApiKey],
    authScopes: { admin: true },
    description: 'Every key, live ones first (admins).',
    resolve: (_root, _args, ctx) => listApiKeys(ctx.db),
  }),
);

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreatedApiKey,
    authScopes: { admin: true },
    args: { name: t.arg.string({ required: true, validate: apiKeyName }) },
    resolve: (_root, args, ctx) => createApiKey(ctx, args.name, actor(ctx)),
  }),
  revokeApiKey: t.field({
    type: ApiKeyPayload,
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = decodeId(args.id, 'ApiKey');
      const apiKey = id ? await revokeApiKey(ctx.db, id) : null;
      if (!apiKey) throw notFound('apiKey');
      await writeAudit(ctx.db, [{ action: 'API_KEY_REVOKED', actorId: actor(ctx), apiKeyId: apiKey.id }]);
      return { apiKey };
    },
  }),
}));
