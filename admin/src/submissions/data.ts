// The moderation queue over GraphQL: `submissions(...)`, approve and reject.
import type { DataProvider } from 'react-admin';
import { type Connection, pagedResource } from '../connection.ts';
import { gql } from '../graphql.ts';
import { forgetStructureCursors } from '../structures/data.ts';

export interface Submission {
  id: string;
  kind: string;
  status: string;
  [key: string]: unknown;
}

const fields = `id kind status createdAt decidedAt decisionReason departmentCode comment reason revision
  submitterContact proposed conflicts changes { field before after } structure { id name }`;

const query = `query Submissions($first: Int!, $after: String, $status: SubmissionStatus, $kinds: [SubmissionKind!],
  $departmentCode: String, $olderThanDays: Int) {
  submissions(first: $first, after: $after, status: $status, kinds: $kinds, departmentCode: $departmentCode,
    olderThanDays: $olderThanDays) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } }`;

const approveMutation = `mutation ApproveSubmission($id: ID!, $overrideConflicts: Boolean) {
  approveSubmission(id: $id, overrideConflicts: $overrideConflicts) { submission { ${fields} } } }`;

const rejectMutation = `mutation RejectSubmission($id: ID!, $reason: String!) {
  rejectSubmission(id: $id, reason: $reason) { submission { ${fields} } } }`;

const paged = pagedResource<Submission>();

/** react-admin's filter form as the query's arguments. */
function variables(values: Record<string, unknown>) {
  const kinds = values.kinds as string[] | undefined;
  return {
    status: values.status || null,
    kinds: kinds?.length ? kinds : null,
    departmentCode: values.departmentCode || null,
    olderThanDays:
      values.olderThanDays === undefined || values.olderThanDays === '' ? null : Number(values.olderThanDays),
  };
}

/** What the row is about: the listing's name, or the proposed one for a new listing. */
const titled = (s: Submission): Submission => ({
  ...s,
  title: (s.structure as { name?: string } | null)?.name ?? (s.proposed as { name?: string } | null)?.name ?? null,
});

const fetcher = (vars: Record<string, unknown>) => async (first: number, after: string | null) => {
  const conn = (await gql<{ submissions: Connection<Submission> }>(query, { ...vars, first, after })).submissions;
  return { ...conn, edges: conn.edges.map((e) => ({ node: titled(e.node) })) };
};

export const submissions: Pick<DataProvider, 'getList' | 'getOne'> = {
  async getList(_resource, { pagination, filter }) {
    const vars = variables(filter ?? {});
    const perPage = Math.min(Math.max(pagination?.perPage ?? 25, 1), 100);
    return (await paged.page(JSON.stringify(vars), fetcher(vars), perPage, pagination?.page ?? 1)) as never;
  },
  async getOne(_resource, { id }) {
    return { data: (await paged.one(String(id), fetcher(variables({})))) as never };
  },
};

export async function approveSubmission(id: string, overrideConflicts = false): Promise<Submission> {
  const data = await gql<{ approveSubmission: { submission: Submission } }>(approveMutation, { id, overrideConflicts });
  forgetStructureCursors();
  paged.forget();
  paged.remember(titled(data.approveSubmission.submission));
  return data.approveSubmission.submission;
}

export async function rejectSubmission(id: string, reason: string): Promise<Submission> {
  const data = await gql<{ rejectSubmission: { submission: Submission } }>(rejectMutation, { id, reason });
  paged.forget();
  paged.remember(titled(data.rejectSubmission.submission));
  return data.rejectSubmission.submission;
}
