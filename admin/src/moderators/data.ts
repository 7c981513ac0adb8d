// Moderator and admin accounts (admins): by status, oldest first; create, revoke.
import type { DataProvider } from 'react-admin';
import { type Connection, pagedResource } from '../connection.ts';
import { gql } from '../graphql.ts';

export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  role: string;
  status: string;
  [key: string]: unknown;
}

export interface StaffAccountInput {
  name: string;
  email: string;
  role: string;
  password: string;
}

const fields = 'id name email role status createdAt decidedAt decisionReason';

const query = `query StaffAccounts($first: Int!, $after: String, $status: ProfessionalStatus) {
  staffAccounts(first: $first, after: $after, status: $status) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } }`;

const paged = pagedResource<StaffAccount>();

const fetcher = (status: unknown) => async (first: number, after: string | null) =>
  (await gql<{ staffAccounts: Connection<StaffAccount> }>(query, { status: status || null, first, after }))
    .staffAccounts;

export const staffAccounts: Pick<DataProvider, 'getList' | 'getOne'> = {
  async getList(_resource, { pagination, filter }) {
    const status = filter?.status ?? null;
    const perPage = Math.min(Math.max(pagination?.perPage ?? 25, 1), 100);
    const pageNo = pagination?.page ?? 1;
    return (await paged.page(String(status), fetcher(status), perPage, pageNo)) as never;
  },
  async getOne(_resource, { id }) {
    return { data: (await paged.one(String(id), fetcher(null))) as never };
  },
};

export async function createStaffAccount(input: StaffAccountInput): Promise<StaffAccount> {
  const data = await gql<{ createStaffAccount: { user: StaffAccount } }>(
    `mutation CreateStaffAccount($input: StaffAccountInput!) { createStaffAccount(input: $input) { user { ${fields} } } }`,
    { input },
  );
  paged.forget();
  return data.createStaffAccount.user;
}

export async function revokeStaffAccount(userId: string, reason: string): Promise<StaffAccount> {
  const data = await gql<{ revokeStaffAccount: { user: StaffAccount } }>(
    `mutation RevokeStaffAccount($userId: ID!, $reason: String!) {
      revokeStaffAccount(userId: $userId, reason: $reason) { user { ${fields} } } }`,
    { userId, reason },
  );
  paged.forget();
  return data.revokeStaffAccount.user;
}

/** A first password to hand over (the API takes it, hashed, and never returns it). */
export function generatePassword(length = 20): string {
  // No look-alike characters: it is read out or copied by hand.
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
