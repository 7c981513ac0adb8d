// The structures resource over GraphQL: cursor paging behind react-admin's page numbers.
import { type GetListParams, HttpError } from 'react-admin';
import type {
  StructureFilter,
  StructureInput,
  StructurePatch,
  StructuresMapQuery,
  StructuresQueryVariables,
} from '../gql/graphql.ts';
import { request } from '../graphql.ts';
import type { Handlers } from '../handlers.ts';
import { structurePatch } from './patch.ts';
import {
  createMutation,
  cursorQuery,
  structureQuery,
  structureRowQuery,
  structuresMapQuery,
  structuresQuery,
  updateMutation,
} from './queries.ts';
import { structureInput } from './validate.ts';

/** react-admin's filter form: its inputs offer the schema's values. */
type Filter = GetListParams['filter'];

/** Each row with its distance from the chosen place (null without one). */
const rowsOf = <N>(edges: { distanceKm: number | null; node: N }[]) =>
  edges.map((e) => ({ ...e.node, distanceKm: e.distanceKm }));

/** A marker of the map: a row with its location. */
type MapRow = StructuresMapQuery['structures']['edges'][number]['node'] & { distanceKm: number | null };

/** react-admin's filter form as a StructureFilter. */
export function structureFilter(values: Filter): StructureFilter {
  const filter: StructureFilter = {};
  if (values.q) filter.search = values.q;
  if (values.departmentCode) filter.departmentCode = values.departmentCode;
  if (values.kind) filter.kinds = [values.kind];
  if (values.service) filter.services = [values.service];
  if (values.status) filter.statuses = [values.status];
  if (values.visibility) filter.visibilities = [values.visibility];
  if (values.needsVerification) filter.needsVerification = true;
  return filter;
}

/** The "near a place" filter's value: a commune's centre and how it reads. */
export interface NearValue {
  lat: number;
  lon: number;
  label: string;
}

export const defaultRadiusKm = 20;

/** The list's arguments: the filter, and `near` / `radiusKm` when a place is chosen. */
function listArguments(values: Filter): ListArguments {
  const near = values.near as NearValue | undefined;
  return near
    ? {
        filter: structureFilter(values),
        near: { lat: near.lat, lon: near.lon },
        radiusKm: Number(values.radiusKm) || defaultRadiusKm,
      }
    : { filter: structureFilter(values) };
}
type ListArguments = Omit<StructuresQueryVariables, 'first' | 'after'>;

/** At most this many markers on the map: past it, the map says so and asks for narrower filters. */
export const mapLimit = 1000;

/** Per filter and page size: the `after` cursor of each page reached so far (page 1: null). */
const cursors = new Map<string, Map<number, string | null>>();

/** After a change made elsewhere (an approval, a restore, a verification): pages may have moved. */
export function forgetStructureCursors(): void {
  cursors.clear();
}

async function cursorOf(args: ListArguments, perPage: number, page: number): Promise<string | null | undefined> {
  const key = JSON.stringify([args, perPage]);
  const known = cursors.get(key) ?? new Map([[1, null]]);
  cursors.set(key, known);
  let reached = Math.max(...[...known.keys()].filter((p) => p <= page));
  while (reached < page) {
    // Skip as many pages as one request may cover (at most 100 rows), asking only for cursors.
    const steps = Math.min(page - reached, Math.max(1, Math.floor(100 / perPage)));
    const data = await request(cursorQuery, {
      ...args,
      first: steps * perPage,
      after: known.get(reached),
    });
    const { hasNextPage, endCursor } = data.structures.pageInfo;
    if (!hasNextPage) return undefined;
    reached += steps;
    known.set(reached, endCursor);
  }
  return known.get(page);
}

/** Fields of the form a server refusal may name (extensions.field), as form paths. */
const formFields: Record<string, string> = { location: 'location.lat' };

/**
 * The API's refusal of a form (BAD_USER_INPUT) as react-admin's server-side validation errors:
 * its message as the form's notification (root.serverError), and on the field it names.
 */
function asFormError(error: unknown): never {
  const body = (error as HttpError | null)?.body as
    | { code?: string; errors?: { message?: string; extensions?: { field?: string } }[] }
    | undefined;
  if (!(error instanceof HttpError) || body?.code !== 'BAD_USER_INPUT') throw error;
  const errors: Record<string, unknown> = { root: { serverError: error.message } };
  // The field the server names (its path in the request), without the argument's own name.
  const named = body.errors?.[0]?.extensions?.field;
  const field = named?.replace(/^(input|changes)\./, '');
  if (field && /^[a-zA-Z.]+$/.test(field)) {
    const path = (formFields[field] ?? field).split('.');
    let node = errors;
    for (const key of path.slice(0, -1)) {
      node[key] = node[key] ?? {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]!] = error.message;
  }
  throw new HttpError(error.message, 400, { code: body.code, errors });
}

async function getOne(id: string) {
  const data = await request(structureQuery, { id });
  if (!data.structure) throw new HttpError('ra.notification.item_doesnt_exist', 404);
  return data.structure;
}

export const structures: Pick<Handlers, 'getList' | 'getOne' | 'getMany' | 'update' | 'create'> = {
  async getList(_resource, { pagination, filter: values, meta }) {
    const args = listArguments(values ?? {});
    // The map: every match with its location (up to mapLimit), not just the list's page.
    if (meta?.all) {
      const data: MapRow[] = [];
      let after: string | null = null;
      let total = 0;
      do {
        const page: StructuresMapQuery = await request(structuresMapQuery, { ...args, first: 100, after });
        data.push(...rowsOf(page.structures.edges));
        total = page.structures.totalCount;
        after = page.structures.pageInfo.hasNextPage ? page.structures.pageInfo.endCursor : null;
      } while (after && data.length < mapLimit);
      return { data, total };
    }
    const perPage = Math.min(Math.max(pagination?.perPage ?? 25, 1), 100);
    const page = pagination?.page ?? 1;
    const after = await cursorOf(args, perPage, page);
    if (after === undefined) return { data: [], total: undefined, pageInfo: { hasNextPage: false } };
    const data = await request(structuresQuery, { ...args, first: perPage, after });
    const { totalCount, pageInfo } = data.structures;
    if (pageInfo.hasNextPage) cursors.get(JSON.stringify([args, perPage]))?.set(page + 1, pageInfo.endCursor);
    return { data: rowsOf(data.structures.edges), total: totalCount };
  },
  async getOne(_resource, { id }) {
    return { data: await getOne(String(id)) };
  },
  async getMany(_resource, { ids }) {
    // One small request per id, side by side: react-admin asks for the few ids a filter or a
    // reference holds. Unknown or hidden ids come back null and are left out.
    const rows = await Promise.all(
      ids.map(async (id) => (await request(structureRowQuery, { id: String(id) })).structure),
    );
    return { data: rows.filter((row) => row !== null) };
  },
  async create(_resource, { data }) {
    // The form's values, checked in the form against the API's own schema (validate.ts), as its
    // input type; the API checks them again.
    const input = structureInput(data) as StructureInput;
    const result = await request(createMutation, { input }).catch(asFormError);
    // A new name: the pages after it have moved.
    cursors.clear();
    return { data: result.createStructure.structure };
  },
  async update(_resource, { id, data, previousData }) {
    // Only what the form changed, checked in the form the same way.
    const input = structurePatch(previousData, data) as StructurePatch;
    if (!Object.keys(input).length) return { data: previousData };
    const result = await request(updateMutation, { id: String(id), input }).catch(asFormError);
    // Names and freshness decide the order: cursors from before the change may now be off.
    cursors.clear();
    return { data: result.updateStructure.structure };
  },
};
