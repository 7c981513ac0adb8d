// Accounts of any role, for choosing a person (the audit log's filters): found by part of
// their email or name, and read back by id for the chosen ones.

import type { AccountFieldsFragment } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';
import type { Handlers } from '../handlers.ts';

export type Account = AccountFieldsFragment;

graphql(`
  fragment AccountFields on User { id email name role }
`);

const accountsQuery = graphql(`
  query Accounts($search: String!) { accounts(search: $search, first: 20) { ...AccountFields } }
`);

const accountQuery = graphql(`query Account($id: ID!) { account(id: $id) { ...AccountFields } }`);

export const accounts: Pick<Handlers, 'getList' | 'getMany'> = {
  async getList(_resource, { filter }) {
    const search = String(filter?.q ?? '').trim();
    // The API wants two characters at least: until then, nothing to propose.
    if (search.length < 2) return { data: [], total: 0 };
    const data = await request(accountsQuery, { search });
    return { data: data.accounts, total: data.accounts.length };
  },
  async getMany(_resource, { ids }) {
    // One small request per id, side by side: the few people chosen in the filters. Unknown ids
    // come back null and are left out.
    const rows = await Promise.all(ids.map(async (id) => (await request(accountQuery, { id: String(id) })).account));
    return { data: rows.filter((row) => row !== null) };
  },
};

/** How a person reads in lists and pickers: "Name <email>", or the email alone. */
export const accountLabel = (a: Account | null | undefined) => (a ? (a.name ? `${a.name} <${a.email}>` : a.email) : '');
