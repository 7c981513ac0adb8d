// Professional accounts (admins): by status, oldest first; vet, refuse, revoke.
import { pagedResource } from '../connection.ts';
import type { ProfessionalFieldsFragment, ProfessionalStatus } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';
import type { Handlers } from '../handlers.ts';

type Professional = ProfessionalFieldsFragment;

graphql(`
  fragment ProfessionalFields on User {
    id name email organisation jobTitle justification status createdAt decidedAt decisionReason
    vettedAt vettedUntil vettingNote claimedStructure { id name city visibility }
  }
`);

const professionalsQuery = graphql(`
  query Professionals($first: Int!, $after: String, $status: ProfessionalStatus) {
    professionals(first: $first, after: $after, status: $status) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ...ProfessionalFields } }
    }
  }
`);

const mutations = {
  approve: graphql(`
    mutation ApproveProfessional($userId: ID!, $text: String!) {
      result: approveProfessional(userId: $userId, note: $text) { user { ...ProfessionalFields } }
    }
  `),
  reject: graphql(`
    mutation RejectProfessional($userId: ID!, $text: String!) {
      result: rejectProfessional(userId: $userId, reason: $text) { user { ...ProfessionalFields } }
    }
  `),
  revoke: graphql(`
    mutation RevokeProfessional($userId: ID!, $text: String!) {
      result: revokeProfessional(userId: $userId, reason: $text) { user { ...ProfessionalFields } }
    }
  `),
};

const paged = pagedResource<Professional>();

const fetcher = (status: ProfessionalStatus | null) => async (first: number, after: string | null) =>
  (await request(professionalsQuery, { status, first, after })).professionals;

export const professionals: Pick<Handlers, 'getList' | 'getOne'> = {
  async getList(_resource, { pagination, filter }) {
    const status: ProfessionalStatus | null = filter?.status || null;
    const perPage = Math.min(Math.max(pagination?.perPage ?? 25, 1), 100);
    return paged.page(String(status), fetcher(status), perPage, pagination?.page ?? 1);
  },
  async getOne(_resource, { id }) {
    return { data: await paged.one(String(id), fetcher(null)) };
  },
};

/** One of the three decisions; the account as it now is replaces the remembered row. */
export async function decide(action: keyof typeof mutations, userId: string, text: string) {
  const data = await request(mutations[action], { userId, text });
  paged.forget();
  paged.remember(data.result.user);
}
