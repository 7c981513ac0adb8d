// API keys (admins): every key, live ones first; create (the key is shown once), revoke.
import type { DataProvider } from 'react-admin';
import { gql } from '../graphql.ts';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  revokedAt: string | null;
}

const fields = 'id name prefix createdAt lastUsedAt usageCount revokedAt';

export const apiKeys: Pick<DataProvider, 'getList'> = {
  async getList(_resource, { pagination }) {
    const data = await gql<{ apiKeys: ApiKey[] }>(`query ApiKeys { apiKeys { ${fields} } }`);
    const perPage = pagination?.perPage ?? 25;
    const start = ((pagination?.page ?? 1) - 1) * perPage;
    return { data: data.apiKeys.slice(start, start + perPage) as never[], total: data.apiKeys.length };
  },
};

export async function createApiKey(name: string): Promise<string> {
  const data = await gql<{ createApiKey: { key: string } }>(
    `mutation CreateApiKey($name: String!) { createApiKey(name: $name) { key apiKey { ${fields} } } }`,
    { name },
  );
  return data.createApiKey.key;
}

export async function revokeApiKey(id: string): Promise<void> {
  await gql(`mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { apiKey { ${fields} } } }`, { id });
}
