// The audit log (admins), newest first, with its filters.
import type { DataProvider } from 'react-admin';
import { type Connection, pagedResource } from '../connection.ts';
import { gql } from '../graphql.ts';

const query = `query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {
  auditLog(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id at action actorId apiKeyId subjectUserId structureId structure { id name } fields count
      actor { id email name role } subjectUser { id email name role } } } } }`;

const paged = pagedResource<{ id: string }>();

/** react-admin's filter form as an AuditFilter (dates are whole days, `to` included). */
function auditFilter(values: Record<string, unknown>) {
  const filter: Record<string, unknown> = {};
  if ((values.actions as string[] | undefined)?.length) filter.actions = values.actions;
  for (const key of ['actorId', 'structureId', 'subjectUserId']) if (values[key]) filter[key] = values[key];
  if (values.from) filter.from = new Date(`${values.from}T00:00:00`).toISOString();
  if (values.to) filter.to = new Date(`${values.to}T23:59:59.999`).toISOString();
  return filter;
}

export const auditLog: Pick<DataProvider, 'getList'> = {
  async getList(_resource, { pagination, filter: values }) {
    const filter = auditFilter(values ?? {});
    const fetch = async (first: number, after: string | null) =>
      (await gql<{ auditLog: Connection<{ id: string }> }>(query, { first, after, filter })).auditLog;
    const perPage = Math.min(Math.max(pagination?.perPage ?? 25, 1), 100);
    return (await paged.page(JSON.stringify(filter), fetch, perPage, pagination?.page ?? 1)) as never;
  },
};
