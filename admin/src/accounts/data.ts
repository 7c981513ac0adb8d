// Accounts of any role, for choosing a person (the audit log's filters): found by part of
// their email or name, and read back by id for the chosen ones.
import type { DataProvider } from 'react-admin';
import { fetchByIds, gql } from '../graphql.ts';

export interface Account {
  id: string;
  email: string;
  name: string | null;
  role: string;
}

const fields = 'id email name role';

export const accounts: Pick<DataProvider, 'getList' | 'getMany'> = {
  async getList(_resource, { filter }) {
    const search = String(filter?.q ?? '').trim();
    // The API wants two characters at least: until then, nothing to propose.
    if (search.length < 2) return { data: [], total: 0 };
    const data = await gql<{ accounts: Account[] }>(
      `query Accounts($search: String!) { accounts(search: $search, first: 20) { ${fields} } }`,
      { search },
    );
    return { data: data.accounts as never[], total: data.accounts.length };
  },
  async getMany(_resource, { ids }) {
    return { data: (await fetchByIds<Account>('account', fields, ids)) as never[] };
  },
};

/** How a person reads in lists and pickers: "Name <email>", or the email alone. */
export const accountLabel = (a: Account | null | undefined) => (a ? (a.name ? `${a.name} <${a.email}>` : a.email) : '');
