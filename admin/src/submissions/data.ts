// The moderation queue over GraphQL: `submissions(...)`, approve and reject.
import type { GetListParams } from 'react-admin';
import { pagedResource } from '../connection.ts';
import type { SubmissionFieldsFragment, SubmissionsQueryVariables } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';
import type { Handlers } from '../handlers.ts';
import { forgetStructureCursors } from '../structures/data.ts';

/** A contribution as listed and shown, with what it is about as its `title`. */
export type Submission = SubmissionFieldsFragment & { title: string | null };

graphql(`
  fragment SubmissionFields on Submission {
    id kind status createdAt decidedAt decisionReason departmentCode comment reason revision
    submitterContact proposed conflicts changes { field before after } structure { id name }
  }
`);

const submissionsQuery = graphql(`
  query Submissions($first: Int!, $after: String, $status: SubmissionStatus, $kinds: [SubmissionKind!],
    $departmentCode: String, $olderThanDays: Int) {
    submissions(first: $first, after: $after, status: $status, kinds: $kinds, departmentCode: $departmentCode,
      olderThanDays: $olderThanDays) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ...SubmissionFields } }
    }
  }
`);

const approveMutation = graphql(`
  mutation ApproveSubmission($id: ID!, $overrideConflicts: Boolean) {
    approveSubmission(id: $id, overrideConflicts: $overrideConflicts) { submission { ...SubmissionFields } }
  }
`);

const rejectMutation = graphql(`
  mutation RejectSubmission($id: ID!, $reason: String!) {
    rejectSubmission(id: $id, reason: $reason) { submission { ...SubmissionFields } }
  }
`);

const paged = pagedResource<Submission>();

type Filter = Omit<SubmissionsQueryVariables, 'first' | 'after'>;

/** react-admin's filter form (its inputs offer the schema's values) as the query's arguments. */
function variables(values: GetListParams['filter']): Filter {
  const kinds = values.kinds;
  return {
    status: values.status || null,
    kinds: kinds?.length ? kinds : null,
    departmentCode: values.departmentCode || null,
    olderThanDays:
      values.olderThanDays === undefined || values.olderThanDays === '' ? null : Number(values.olderThanDays),
  };
}

/** The name a new listing's contribution proposes (`proposed` is the submitted form, as JSON). */
const proposedName = (proposed: unknown): string | null =>
  proposed && typeof proposed === 'object' && 'name' in proposed && typeof proposed.name === 'string'
    ? proposed.name
    : null;

/** What the row is about: the listing's name, or the proposed one for a new listing. */
const titled = (s: SubmissionFieldsFragment): Submission => ({
  ...s,
  title: s.structure?.name ?? proposedName(s.proposed),
});

const fetcher = (vars: Filter) => async (first: number, after: string | null) => {
  const conn = (await request(submissionsQuery, { ...vars, first, after })).submissions;
  return { ...conn, edges: conn.edges.map((e) => ({ node: titled(e.node) })) };
};

export const submissions: Pick<Handlers, 'getList' | 'getOne'> = {
  async getList(_resource, { pagination, filter }) {
    const vars = variables(filter ?? {});
    const perPage = Math.min(Math.max(pagination?.perPage ?? 25, 1), 100);
    return paged.page(JSON.stringify(vars), fetcher(vars), perPage, pagination?.page ?? 1);
  },
  async getOne(_resource, { id }) {
    return { data: await paged.one(String(id), fetcher(variables({}))) };
  },
};

export async function approveSubmission(id: string, overrideConflicts = false): Promise<Submission> {
  const data = await request(approveMutation, { id, overrideConflicts });
  forgetStructureCursors();
  paged.forget();
  return paged.remember(titled(data.approveSubmission.submission));
}

export async function rejectSubmission(id: string, reason: string): Promise<Submission> {
  const data = await request(rejectMutation, { id, reason });
  paged.forget();
  return paged.remember(titled(data.rejectSubmission.submission));
}
