// API keys (admins): every key, live ones first; create (the key is shown once), revoke.

import type { ApiKeyFieldsFragment } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';
import type { Handlers } from '../handlers.ts';

export type ApiKey = ApiKeyFieldsFragment;

graphql(`
  fragment ApiKeyFields on ApiKey { id name prefix createdAt lastUsedAt usageCount revokedAt }
`);

const apiKeysQuery = graphql(`query ApiKeys { apiKeys { ...ApiKeyFields } }`);

const createMutation = graphql(`
  mutation CreateApiKey($name: String!) { createApiKey(name: $name) { key apiKey { ...ApiKeyFields } } }
`);

const revokeMutation = graphql(`
  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { apiKey { ...ApiKeyFields } } }
`);

export const apiKeys: Pick<Handlers, 'getList'> = {
  async getList(_resource, { pagination }) {
    const data = await request(apiKeysQuery);
    const perPage = pagination?.perPage ?? 25;
    const start = ((pagination?.page ?? 1) - 1) * perPage;
    return { data: data.apiKeys.slice(start, start + perPage), total: data.apiKeys.length };
  },
};

export async function createApiKey(name: string): Promise<string> {
  return (await request(createMutation, { name })).createApiKey.key;
}

export async function revokeApiKey(id: string): Promise<void> {
  await request(revokeMutation, { id });
}
