// Professional accounts (admins): by status, oldest first; vet, refuse, revoke.
import type { DataProvider } from 'react-admin';
import { type Connection, pagedResource } from '../connection.ts';
import { gql } from '../graphql.ts';

interface Professional {
  id: string;
  [key: string]: unknown;
}

const fields = `id name email organisation jobTitle justification status createdAt decidedAt decisionReason
  vettedAt vettedUntil vettingNote claimedStructure { id name city visibility }`;

const query = `query Professionals($first: Int!, $after: String, $status: ProfessionalStatus) {
  professionals(first: $first, after: $after, status: $status) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } }`;

const paged = pagedResource<Professional>();

const fetcher = (status: unknown) => async (first: number, after: string | null) =>
  (await gql<{ professionals: Connection<Professional> }>(query, { status: status || null, first, after }))
    .professionals;

export const professionals: Pick<DataProvider, 'getList' | 'getOne'> = {
  async getList(_resource, { pagination, filter }) {
    const status = filter?.status ?? null;
    const perPage = Math.min(Math.max(pagination?.perPage ?? 25, 1), 100);
    return (await paged.page(String(status), fetcher(status), perPage, pagination?.page ?? 1)) as never;
  },
  async getOne(_resource, { id }) {
    return { data: (await paged.one(String(id), fetcher(null))) as never };
  },
};

/** One of the three decisions; the account as it now is replaces the remembered row. */
export async function decide(action: 'approve' | 'reject' | 'revoke', userId: string, text: string) {
  const mutation = {
    approve: `mutation ApproveProfessional($userId: ID!, $text: String!) {
      result: approveProfessional(userId: $userId, note: $text) { user { ${fields} } } }`,
    reject: `mutation RejectProfessional($userId: ID!, $text: String!) {
      result: rejectProfessional(userId: $userId, reason: $text) { user { ${fields} } } }`,
    revoke: `mutation RevokeProfessional($userId: ID!, $text: String!) {
      result: revokeProfessional(userId: $userId, reason: $text) { user { ${fields} } } }`,
  }[action];
  const data = await gql<{ result: { user: Professional } }>(mutation, { userId, text });
  paged.forget();
  paged.remember(data.result.user);
}
