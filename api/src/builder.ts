import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { AccessLevel } from '@repere/shared/policy';
import { accessLevels } from '@repere/shared/policy';
import { type Context, isAdmin, viewerLevel } from './context.ts';
import { AppError, invalidInput } from './errors.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { level: AccessLevel; admin: boolean; signedIn: boolean };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    ID: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // scope-auth first (only relay may precede it): its checks wrap every other plugin's.
  plugins: [ScopeAuthPlugin, RelayPlugin, ComplexityPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Deny by default: each scope is computed once per request from the viewer.
    authScopes: (ctx) => ({
      level: (required) => accessLevels.indexOf(viewerLevel(ctx.viewer)) >= accessLevels.indexOf(required),
      admin: isAdmin(ctx.viewer),
      signedIn: ctx.viewer.kind === 'user',
    }),
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer.kind === 'user'
        ? new AppError('FORBIDDEN', 'Not allowed for this account.', { key: 'forbidden', params: {} })
        : new AppError('UNAUTHENTICATED', 'Log in first.', { key: 'logIn', params: {} }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  complexity: {
    // Lists are bounded (pages ≤ 100, reference lists): page size is the multiplier that counts.
    // Limits are enforced before execution by http/limits-plugin.ts.
    defaultComplexity: 1,
    defaultListMultiplier: 1,
  },
  validation: {
    validationError: (failure) => invalidInput(failure.issues),
  },
});

builder.queryType({});
builder.mutationType({});
