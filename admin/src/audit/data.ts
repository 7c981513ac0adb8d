// The audit log (admins), newest first, with its filters.
import type { GetListParams } from 'react-admin';
import { pagedResource } from '../connection.ts';
import type { AuditEntryFieldsFragment, AuditFilter } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';
import type { Handlers } from '../handlers.ts';

graphql(`
  fragment AuditEntryFields on AuditEntry {
    id at action actorId apiKeyId subjectUserId structureId structure { id name } fields count
    actor { id email name role } subjectUser { id email name role }
  }
`);

const auditLogQuery = graphql(`
  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AuditEntryFields } }
    }
  }
`);

const paged = pagedResource<AuditEntryFieldsFragment>();

/** react-admin's filter form (its inputs offer the schema's values) as an AuditFilter (dates are whole days, `to` included). */
function auditFilter(values: GetListParams['filter']): AuditFilter {
  const filter: AuditFilter = {};
  if (values.actions?.length) filter.actions = values.actions;
  if (values.actorId) filter.actorId = values.actorId;
  if (values.structureId) filter.structureId = values.structureId;
  if (values.subjectUserId) filter.subjectUserId = values.subjectUserId;
  if (values.from) filter.from = new Date(`${values.from}T00:00:00`).toISOString();
  if (values.to) filter.to = new Date(`${values.to}T23:59:59.999`).toISOString();
  return filter;
}

export const auditLog: Pick<Handlers, 'getList'> = {
  async getList(_resource, { pagination, filter: values }) {
    const filter = auditFilter(values ?? {});
    const fetch = async (first: number, after: string | null) =>
      (await request(auditLogQuery, { first, after, filter })).auditLog;
    const perPage = Math.min(Math.max(pagination?.perPage ?? 25, 1), 100);
    return paged.page(JSON.stringify(filter), fetch, perPage, pagination?.page ?? 1);
  },
};
