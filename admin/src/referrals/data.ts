// Referrals (vetted professionals): the inbox of the viewer's structures and what they sent.
// The server audits every read; nothing here is cached beyond react-admin's own query cache.
import type { DataProvider } from 'react-admin';
import { type Connection, pagedResource } from '../connection.ts';
import { gql } from '../graphql.ts';

export interface Referral {
  id: string;
  direction: 'INBOX' | 'SENT';
  urgency: 'ROUTINE' | 'SOON' | 'URGENT';
  status: 'SENT' | 'ACKNOWLEDGED' | 'CLOSED';
  message: string;
  fromStructure: { id: string; name: string } | null;
  toStructure: { id: string; name: string } | null;
  createdAt: string;
  purgeAt: string;
}

const fields = `id direction urgency status message fromStructure { id name } toStructure { id name }
  createdAt acknowledgedAt closedAt purgeAt`;

const query = `query Referrals($box: ReferralBox, $first: Int!, $after: String) {
  referrals(box: $box, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } }`;

const paged = pagedResource<Referral>();

const fetcher = (box: unknown) => async (first: number, after: string | null) =>
  (await gql<{ referrals: Connection<Referral> }>(query, { box: box || null, first, after })).referrals;

export const referrals: Pick<DataProvider, 'getList'> = {
  async getList(_resource, { pagination, filter }) {
    const box = filter?.box ?? null;
    const perPage = Math.min(Math.max(pagination?.perPage ?? 25, 1), 100);
    // Always from the first page's cursor: a new referral moves every page.
    paged.forget();
    return (await paged.page(String(box), fetcher(box), perPage, pagination?.page ?? 1)) as never;
  },
};

/** The receiving structure acknowledges, then closes (purged 90 days later). */
export async function advanceReferral(action: 'acknowledge' | 'close', id: string): Promise<Referral> {
  const mutation =
    action === 'acknowledge'
      ? `mutation AcknowledgeReferral($id: ID!) { result: acknowledgeReferral(id: $id) { referral { ${fields} } } }`
      : `mutation CloseReferral($id: ID!) { result: closeReferral(id: $id) { referral { ${fields} } } }`;
  return (await gql<{ result: { referral: Referral } }>(mutation, { id })).result.referral;
}

export async function sendReferral(variables: {
  toStructureId: string;
  fromStructureId: string | null;
  message: string;
  urgency: string;
}): Promise<Referral> {
  const data = await gql<{ sendReferral: { referral: Referral } }>(
    `mutation SendReferral($toStructureId: ID!, $fromStructureId: ID, $message: String!, $urgency: Urgency!) {
      sendReferral(toStructureId: $toStructureId, fromStructureId: $fromStructureId, message: $message, urgency: $urgency) {
        referral { ${fields} } } }`,
    variables,
  );
  return data.sendReferral.referral;
}
