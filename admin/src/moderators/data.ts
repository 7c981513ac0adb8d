// Moderator and admin accounts (admins): by status, oldest first; create, revoke.
import { pagedResource } from '../connection.ts';
import type { ProfessionalStatus, StaffAccountFieldsFragment, StaffAccountInput } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';
import type { Handlers } from '../handlers.ts';

export type StaffAccount = StaffAccountFieldsFragment;
export type { StaffAccountInput };

graphql(`
  fragment StaffAccountFields on User { id name email role status createdAt decidedAt decisionReason }
`);

const staffAccountsQuery = graphql(`
  query StaffAccounts($first: Int!, $after: String, $status: ProfessionalStatus) {
    staffAccounts(first: $first, after: $after, status: $status) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ...StaffAccountFields } }
    }
  }
`);

const createMutation = graphql(`
  mutation CreateStaffAccount($input: StaffAccountInput!) {
    createStaffAccount(input: $input) { user { ...StaffAccountFields } }
  }
`);

const revokeMutation = graphql(`
  mutation RevokeStaffAccount($userId: ID!, $reason: String!) {
    revokeStaffAccount(userId: $userId, reason: $reason) { user { ...StaffAccountFields } }
  }
`);

const paged = pagedResource<StaffAccount>();

const fetcher = (status: ProfessionalStatus | null) => async (first: number, after: string | null) =>
  (await request(staffAccountsQuery, { status, first, after })).staffAccounts;

export const staffAccounts: Pick<Handlers, 'getList' | 'getOne'> = {
  async getList(_resource, { pagination, filter }) {
    const status: ProfessionalStatus | null = filter?.status || null;
    const perPage = Math.min(Math.max(pagination?.perPage ?? 25, 1), 100);
    return paged.page(String(status), fetcher(status), perPage, pagination?.page ?? 1);
  },
  async getOne(_resource, { id }) {
    return { data: await paged.one(String(id), fetcher(null)) };
  },
};

export async function createStaffAccount(input: StaffAccountInput): Promise<StaffAccount> {
  const data = await request(createMutation, { input });
  paged.forget();
  return data.createStaffAccount.user;
}

export async function revokeStaffAccount(userId: string, reason: string): Promise<StaffAccount> {
  const data = await request(revokeMutation, { userId, reason });
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
