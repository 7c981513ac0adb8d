// Referrals (vetted professionals): the inbox of the viewer's structures and what they sent.
// The server audits every read; nothing here is cached beyond react-admin's own query cache.
import { pagedResource } from '../connection.ts';
import type { ReferralBox, ReferralFieldsFragment, SendReferralMutationVariables } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';
import type { Handlers } from '../handlers.ts';

export type Referral = ReferralFieldsFragment;

graphql(`
  fragment ReferralFields on Referral {
    id direction urgency status message fromStructure { id name } toStructure { id name }
    createdAt acknowledgedAt closedAt purgeAt
  }
`);

const referralsQuery = graphql(`
  query Referrals($box: ReferralBox, $first: Int!, $after: String) {
    referrals(box: $box, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor } edges { node { ...ReferralFields } }
    }
  }
`);

const acknowledgeMutation = graphql(`
  mutation AcknowledgeReferral($id: ID!) { acknowledgeReferral(id: $id) { referral { ...ReferralFields } } }
`);

const closeMutation = graphql(`
  mutation CloseReferral($id: ID!) { closeReferral(id: $id) { referral { ...ReferralFields } } }
`);

const sendMutation = graphql(`
  mutation SendReferral($toStructureId: ID!, $fromStructureId: ID, $message: String!, $urgency: Urgency!) {
    sendReferral(toStructureId: $toStructureId, fromStructureId: $fromStructureId, message: $message, urgency: $urgency) {
      referral { ...ReferralFields }
    }
  }
`);

const paged = pagedResource<Referral>();

const fetcher = (box: ReferralBox | null) => async (first: number, after: string | null) =>
  (await request(referralsQuery, { box, first, after })).referrals;

export const referrals: Pick<Handlers, 'getList'> = {
  async getList(_resource, { pagination, filter }) {
    const box: ReferralBox | null = filter?.box || null;
    const perPage = Math.min(Math.max(pagination?.perPage ?? 25, 1), 100);
    // Always from the first page's cursor: a new referral moves every page.
    paged.forget();
    return paged.page(String(box), fetcher(box), perPage, pagination?.page ?? 1);
  },
};

/** The receiving structure acknowledges, then closes (purged 90 days later). */
export async function advanceReferral(action: 'acknowledge' | 'close', id: string): Promise<Referral> {
  return action === 'acknowledge'
    ? (await request(acknowledgeMutation, { id })).acknowledgeReferral.referral
    : (await request(closeMutation, { id })).closeReferral.referral;
}

export async function sendReferral(variables: SendReferralMutationVariables): Promise<Referral> {
  return (await request(sendMutation, variables)).sendReferral.referral;
}
