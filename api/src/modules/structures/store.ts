// All SQL reading structures. Every statement is built for one view: its rows, columns,
// filters, ordering, counts and distances read only that view's audience values.

import type {
  AccessMode,
  Gender,
  Mobiliser,
  NoticeKind,
  ServiceCategory,
  StructureKind,
  StructureStatus,
  Visibility,
} from '@repere/shared/enums';
import { staleAfterDays, verifyAfterDays } from '@repere/shared/freshness';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type CursorKey, decodeCursor, encodeCursor, fingerprint } from './cursor.ts';
import { changedSince } from './feed.ts';
import { parisClock, parisDate } from './opening-hours.ts';
import { type Column, type FieldSpec, specOf } from './registry.ts';
import {
  countedLocation,
  coversListed,
  displayedLocation,
  foundFor,
  guarded,
  listedFor,
  locationColumn,
  locationParts,
  may,
  ownIds,
  perView,
  protectedJoin,
  readsProtected,
  type StructureView,
  searchMatches,
  searchRank,
  streetColumn,
} from './visibility.ts';

export interface StructureRow {
  id: string;
  name: string;
  kind: StructureKind;
  visibility: Visibility;
  status: StructureStatus;
  description: string | null;
  services: ServiceCategory[];
  departmentCode: string;
  regionCode: string;
  city: string | null;
  postalCode: string | null;
  street: string | null;
  lat: number | null;
  lon: number | null;
  precision: 'EXACT' | 'APPROXIMATE' | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  openingHours: string | null;
  ageMin: number | null;
  ageMax: number | null;
  gender: Gender;
  situations: string[];
  accessModes: AccessMode[];
  mobilisers: Mobiliser[];
  languages: string[];
  accessibility: string | null;
  servesNationwide: boolean;
  servedDepartments: string[];
  servedRegions: string[];
  lastVerifiedAt: string | null;
  /** Ranked after fresh ones (lists); `stale` on the Structure type says so. */
  stale?: number;
  distanceM?: number | null;
  notices: NoticeRow[];
  /** NULL unless the view may see them: the public view never even joins their table. */
  professionalContact: { name?: string; phone?: string; email?: string } | null;
  intakeCriteria: string | null;
  capacityPlaces: number | null;
  capacityUpdatedAt: string | null;
  internalNotes: string | null;
}

export interface StructureFilter {
  departmentCode?: string | null;
  regionCode?: string | null;
  postalCode?: string | null;
  kinds?: StructureKind[] | null;
  services?: ServiceCategory[] | null;
  search?: string | null;
  openNow?: boolean | null;
  /** Internal (not in the GraphQL filter): only these visibilities / who may come by themselves. */
  visibilities?: Visibility[] | null;
  mobilisers?: Mobiliser[] | null;
  /** Not verified for six months (or never). */
  needsVerification?: boolean | null;
  /** Staff only (checked by the query): other statuses than ONLINE. */
  statuses?: StructureStatus[] | null;
  /** Changed in this view at or after this time (feed.ts: never by a field the view may not see). */
  updatedSince?: Date | null;
}

export interface ListArgs {
  filter: StructureFilter;
  near?: { lat: number; lon: number } | null;
  radiusKm?: number | null;
  first: number;
  after?: string | null;
  now: Date;
  /** Only these registry fields' columns (the request's selection); all when absent. */
  fields?: Wanted;
}

/** One column of the registry as this view reads it: NULL, guarded by its group, or bare. */
function selected(view: StructureView, spec: FieldSpec, column: Column): SQL {
  if ('special' in column) {
    if (column.special === 'street') return sql`${streetColumn(view)} AS street`;
    const loc = displayedLocation(view);
    return sql`ST_Y(${loc}::geometry) AS lat, ST_X(${loc}::geometry) AS lon,
      CASE WHEN ${loc} IS NULL THEN NULL WHEN ${may(spec.group, view)} THEN 'EXACT' ELSE 'APPROXIMATE' END AS precision`;
  }
  const alias = sql.identifier(column.key);
  // A protected column no structure shows at this level is not even read (nor its table joined).
  if (column.table === 'protected' && !readsProtected(view, spec))
    return sql`NULL::${sql.raw(column.type)} AS ${alias}`;
  // Row fields come with the row: the WHERE clause keeps only rows the view may list. So does a
  // group shown on every row the view may list (no per-row CASE for it).
  if (spec.group === specOf(view.fields, 'id').group || coversListed(spec.group, view)) {
    return sql`${column.sql} AS ${alias}`;
  }
  return sql`${guarded(spec.group, view, column.sql)} AS ${alias}`;
}

/**
 * Active notices as a JSON array, in the row (no second statement): only on rows whose
 * public-contact data the view may see, else an empty array.
 */
function noticesColumn(view: StructureView, now: Date): SQL {
  const today = parisDate(now);
  const group = specOf(view.fields, 'notices').group;
  const notices = sql`(SELECT coalesce(jsonb_agg(jsonb_build_object('structureId', n.structure_id, 'kind', n.kind::text,
      'startsOn', n.starts_on::text, 'endsOn', n.ends_on::text, 'message', n.message) ORDER BY n.starts_on, n.id), '[]'::jsonb)
    FROM structure_notices n WHERE n.structure_id = s.id
      AND n.starts_on <= ${today}::date AND (n.ends_on IS NULL OR n.ends_on >= ${today}::date))`;
  if (coversListed(group, view)) return sql`${notices} AS notices`;
  return sql`CASE WHEN ${may(group, view)} THEN ${notices} ELSE '[]'::jsonb END AS notices`;
}

/** Registry fields to read (selection.ts); null: all of them. */
export type Wanted = ReadonlySet<string> | null | undefined;

/** Read whatever is asked: ids and names (orderings), row guards and `isTypeOf` (visibility, status). */
const alwaysRead = new Set(['id', 'name', 'visibility', 'status']);

/** The registry's columns for a view and a selection, by the selection's names (at most 100 kept per view). */
const registryColumns = perView(() => new Map<string, SQL>());

/** The select list for a view, generated from its field registry, with the active notices. */
function columns(view: StructureView, now: Date, wanted: Wanted): SQL {
  const kept = registryColumns(view);
  const key = wanted ? [...wanted].join(',') : '*';
  let registry = kept.get(key);
  if (!registry) {
    const specs = Object.entries(view.fields).filter(([name]) => !wanted || wanted.has(name) || alwaysRead.has(name));
    registry = sql.join(
      specs.flatMap(([, spec]) => spec.columns.map((column) => selected(view, spec, column))),
      sql`, `,
    );
    if (kept.size >= 100) kept.clear();
    kept.set(key, registry);
  }
  return !wanted || wanted.has('notices') ? sql`${registry}, ${noticesColumn(view, now)}` : registry;
}

/** A LIMIT as a constant, not a bind parameter: a generic plan for `LIMIT $n` is a full sort. */
const limitOf = (n: number) => sql.raw(String(Math.trunc(n)));

const list = (values: readonly string[], type: string) =>
  sql.join(
    values.map((v) => sql`${v}::${sql.raw(type)}`),
    sql`, `,
  );

/**
 * The point as one parameter of type geography, read once when the statement is bound. Built from
 * two float parameters, the point was an expression that a prepared statement's generic plan
 * computes again for every row whose distance it selects (the nearest statement, alone, 8
 * connections, 100k: 1,536–2,009 statements/s before, 1,969–2,678 after).
 */
function point(near: { lat: number; lon: number }): SQL {
  // A number's shortest round-trip form: the same double on both sides (1e-7 included).
  return sql`${`SRID=4326;POINT(${near.lon} ${near.lat})`}::geography`;
}

/** Filters on columns `structure_counts` also holds (with the same names). */
function placeFilters(f: StructureFilter): SQL[] {
  const where: SQL[] = [];
  if (f.departmentCode) where.push(sql`s.department_code = ${f.departmentCode}`);
  if (f.regionCode) where.push(sql`s.region_code = ${f.regionCode}`);
  if (f.visibilities?.length) where.push(sql`s.visibility IN (${list(f.visibilities, 'visibility')})`);
  return where;
}

const countedFilters: ReadonlySet<string> = new Set(['departmentCode', 'regionCode', 'visibilities']);
const applied = (value: unknown) => (Array.isArray(value) ? value.length > 0 : Boolean(value));

/**
 * The count from `structure_counts` when every condition is on its columns: the view's listing
 * rule (the same SQL as the rows'), place filters and, for nearest, that the view's location
 * is set. Null when the view or a filter needs the rows themselves.
 */
function countFromGroups(view: StructureView, args: ListArgs): SQL | null {
  // A radius needs the points themselves.
  if (args.radiusKm != null) return null;
  if (Object.entries(args.filter).some(([key, value]) => applied(value) && !countedFilters.has(key))) return null;
  if (view.own.length > 0) return memberCount(view, args);
  const groups = groupsCount(view, args);
  return groups && sql`/* structures-count */ SELECT ${groups}::int AS n`;
}

function groupsCount(view: StructureView, args: ListArgs): SQL | null {
  const located = args.near ? countedLocation(view) : sql`true`;
  if (!located) return null;
  const where = [listedFor(view), ...placeFilters(args.filter), located];
  return sql`(SELECT coalesce(sum(s.n), 0) FROM structure_counts s WHERE ${sql.join(where, sql` AND `)})`;
}

/**
 * A member's count: the rows of every professional (groups), less their own rows as those count
 * them, plus their own rows as the member sees them (a lookup by id each). Counting the rows of
 * a member's view themselves read the whole table (95 ms at 100,000 structures).
 */
function memberCount(view: StructureView, args: ListArgs): SQL | null {
  const general: StructureView = { ...view, own: [] };
  const groups = groupsCount(general, args);
  if (!groups) return null;
  // The rows `groups` counted among the member's own: `located_pro` is `location_pro IS NOT NULL`.
  const asGeneral = [ownIds(view), listedFor(general), ...placeFilters(args.filter)];
  if (args.near) asGeneral.push(sql`${locationColumn(general)} IS NOT NULL`);
  return sql`/* structures-count */ SELECT (${groups}
    - (SELECT count(*) FROM structures s WHERE ${sql.join(asGeneral, sql` AND `)})
    + (SELECT count(*) FROM structures s ${protectedJoin(view)}
      WHERE ${sql.join([ownIds(view), ...conditions(view, args, locationColumn(view, 'own'))], sql` AND `)}))::int AS n`;
}

/** The view's filters; `loc` is the location expression of the rows they apply to. */
function conditions(view: StructureView, args: ListArgs, loc: SQL = displayedLocation(view)): SQL[] {
  const f = args.filter;
  const statuses = f.statuses?.length ? f.statuses : null;
  const where: SQL[] = [
    statuses ? sql`s.status IN (${list(statuses, 'structure_status')}) AND ${foundFor(view)}` : listedFor(view),
  ];
  where.push(...placeFilters(f));
  // The postal code is exact-address data: it matches only where the view may see it.
  if (f.postalCode)
    where.push(sql`s.postal_code = ${f.postalCode} AND ${may(specOf(view.fields, 'postalCode').group, view)}`);
  if (f.kinds?.length) where.push(sql`s.kind IN (${list(f.kinds, 'structure_kind')})`);
  if (f.services?.length) where.push(sql`s.services && ARRAY[${list(f.services, 'service_category')}]`);
  if (f.search) where.push(searchMatches(view, f.search));
  if (f.needsVerification) where.push(olderThan(verifyAfterDays));
  if (f.updatedSince) where.push(changedSince(view, f.updatedSince));
  if (f.mobilisers?.length) where.push(sql`s.mobilisers && ARRAY[${list(f.mobilisers, 'mobiliser')}]`);
  if (f.openNow) {
    const clock = parisClock(args.now);
    // Hours are public-contact data: a structure whose hours the view may not see is never "open".
    where.push(sql`${may(specOf(view.fields, 'openingHours').group, view)} AND (CASE WHEN ${clock.isPublicHoliday}::boolean
        THEN s.hours_holiday @> ${clock.minuteOfDay}::int ELSE s.hours_week @> ${clock.minuteOfWeek}::int END)
      AND NOT EXISTS (SELECT 1 FROM structure_notices n WHERE n.structure_id = s.id AND n.kind = 'CLOSURE'
        AND n.starts_on <= ${clock.date}::date AND (n.ends_on IS NULL OR n.ends_on >= ${clock.date}::date))`);
  }
  if (args.near) {
    where.push(sql`${loc} IS NOT NULL`);
    if (args.radiusKm != null) {
      where.push(sql`ST_DWithin(${loc}, ${point(args.near)}, ${args.radiusKm * 1000}::float8, false)`);
    }
  }
  return where;
}

/** A keyset ordering for the non-spatial lists; nearest-first is nearestPage()'s. */
interface Ordering {
  key: SQL;
  /** ORDER BY inside a freshness part, and over the parts' output rows (alias u). */
  order: SQL;
  outer: SQL;
  after: (cursor: CursorKey) => SQL;
}

function fingerprintOf(args: ListArgs): string {
  // 'fresh-first': cursors of the order before freshness ranking are refused, not misread.
  if (args.near) return fingerprint(['fresh-first', 'near', args.near.lat, args.near.lon]);
  return fingerprint(['fresh-first', ...(args.filter.search ? ['search', args.filter.search] : ['name'])]);
}

function ordering(view: StructureView, search: string | null | undefined): Ordering {
  if (search) {
    const rank = searchRank(view, search);
    return {
      key: rank,
      order: sql`${rank} DESC, s.id`,
      outer: sql`u."sortKey" DESC, u.id`,
      after: (c) =>
        sql`(${rank} < ${Number(c.k[1])}::float8 OR (${rank} = ${Number(c.k[1])}::float8 AND s.id > ${c.id}::uuid))`,
    };
  }
  return {
    key: sql`s.name`,
    order: sql`s.name COLLATE "C", s.id`,
    outer: sql`u.name COLLATE "C", u.id`,
    after: (c) => sql`(s.name COLLATE "C", s.id) > (${String(c.k[1])} COLLATE "C", ${c.id}::uuid)`,
  };
}

export { staleAfterDays, verifyAfterDays };

/**
 * Not verified for `days` days, by the database's clock: `now()` is estimated when a generic
 * plan is made (a bound timestamp is not), so prepared statements keep index-friendly plans.
 */
const olderThan = (days: number) =>
  sql`(s.last_verified_at IS NULL OR s.last_verified_at < now() - interval '${sql.raw(String(Math.trunc(days)))} days')`;

/** Fresh rows first, then stale ones: each part keeps its index order; `seen` skips by cursor. */
function freshnessParts(after: CursorKey | null, seen: (c: CursorKey) => SQL) {
  return [0, 1].map((stale) => {
    const cursorStale = after ? Number(after.k[0]) : 0;
    const unseen = !after
      ? sql`true`
      : stale < cursorStale
        ? sql`false`
        : stale > cursorStale
          ? sql`true`
          : seen(after);
    return {
      stale,
      where: stale ? olderThan(staleAfterDays) : sql`NOT ${olderThan(staleAfterDays)}`,
      unseen,
      /** Every row of this part was on earlier pages. */
      done: stale < cursorStale,
    };
  });
}

export interface StructurePage {
  rows: StructureRow[];
  /** Row i's cursor, encoded when asked for: most pages never show their edges' cursors. */
  cursor(i: number): string | null;
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

export async function listStructures(db: Db, view: StructureView, args: ListArgs): Promise<StructurePage> {
  const where = conditions(view, args);
  // The ordering's fingerprint (a hash) only for a cursor to read or to write: most pages do neither.
  let f: string | undefined;
  const print = () => (f ??= fingerprintOf(args));
  const after = args.after ? decodeCursor(args.after, print()) : null;
  let rows: (StructureRow & { sortKey: number | string })[];
  if (args.near) {
    rows = await nearestPage(db, view, args, after, args.first + 1);
  } else {
    const order = ordering(view, args.filter.search);
    const parts = freshnessParts(after, order.after).map(
      (
        part,
      ) => sql`(SELECT ${columns(view, args.now, args.fields)}, ${order.key} AS "sortKey", ${sql.raw(String(part.stale))} AS stale
        FROM structures s ${protectedJoin(view)}
        WHERE ${sql.join([...where, part.where, part.unseen], sql` AND `)}
        ORDER BY ${order.order}
        LIMIT ${limitOf(args.first + 1)})`,
    );
    rows = await db.rows(sql`/* structures-list */
      SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) u
      ORDER BY u.stale, ${order.outer}
      LIMIT ${limitOf(args.first + 1)}`);
  }
  const page = rows.slice(0, args.first);
  return {
    rows: page,
    cursor: (i) => {
      const row = page.at(i);
      return row ? encodeCursor({ f: print(), k: [row.stale ? 1 : 0, row.sortKey], id: row.id }) : null;
    },
    hasNextPage: rows.length > args.first,
    totalCount: async () => {
      const grouped = countFromGroups(view, args);
      if (grouped) return (await db.rows<{ n: number }>(grouped))[0]?.n ?? 0;
      // Spatial filters count per location part, so that each part keeps its index.
      const parts = args.near ? locationParts(view) : [{ where: sql`true`, location: displayedLocation(view) }];
      const counts = parts.map(
        (part) => sql`SELECT count(*)::int AS n FROM structures s ${protectedJoin(view)}
          WHERE ${sql.join([...conditions(view, args, part.location), part.where], sql` AND `)}`,
      );
      const [count] = await db.rows<{ n: number }>(sql`/* structures-count */
        SELECT coalesce(sum(n), 0)::int AS n FROM (${sql.join(counts, sql` UNION ALL `)}) c`);
      return count?.n ?? 0;
    },
  };
}

type NearestRow = StructureRow & { stale: number; distanceM: number; sortKey: number };

/**
 * Nearest-first page ordered by (distance, id). The GiST index gives distance order only,
 * so the nearest unseen rows come from a KNN scan, and when the last row it read is tied with
 * the page's last (the edge: same snapped cell), the rest of the edge's tie group is fetched by
 * a second statement, so ties never split across pages wrongly. A member's own rows are
 * measured to their exact point, in a part of their own. Each scan reads the page's columns
 * itself: no join back to the table.
 * The tie scan was part of the one statement, behind one-time filters: never run on a page
 * without ties, yet planned, started and stopped with it (the nearest statement alone, 8
 * connections, 100k: about 4,300 statements/s with it inside, 5,300 without).
 */
async function nearestPage(db: Db, view: StructureView, args: ListArgs, after: CursorKey | null, limit: number) {
  const near = point(args.near as { lat: number; lon: number });
  const cols = columns(view, args.now, args.fields);
  // Location parts (members' own rows apart) × freshness (fresh first): each one KNN scan.
  const parts = locationParts(view).flatMap((part) => {
    const distance = sql`(${part.location} <-> ${near})`;
    const seen = (c: CursorKey) => sql`(${distance}, s.id) > (${Number(c.k[1])}::float8, ${c.id}::uuid)`;
    return freshnessParts(after, seen).map((fresh) => ({
      location: part.location,
      distance,
      stale: fresh.stale,
      done: fresh.done,
      conds: sql.join([...conditions(view, args, part.location), part.where, fresh.where, fresh.unseen], sql` AND `),
    }));
  });
  // Past the page's last row (the edge): the row that tells whether there is a next page, and
  // four more, so that the edge's tie group (a cell's restricted rows share its centre) is
  // nearly always in hand: at 100k, 1,000 random points, nearest 20, a tie scan for 66 pages
  // when one row was read past the edge, for 1 with five.
  const ahead = limit + 5;
  // Ordered by the selected distance (still an index-ordered KNN scan): the point is then one
  // parameter, read once, not one per mention.
  // Fresh rows come before every stale one, so stale rows are read only when the fresh ones
  // (all of them, at any distance) do not fill the page: a second statement, rare at a national
  // scale. Each statement is index-ordered KNN scans alone, whatever its parameters.
  const rows: NearestRow[] = [];
  let cut: NearestRow | undefined;
  for (const stale of [0, 1]) {
    const scans = parts
      .filter((p) => p.stale === stale && !p.done)
      .map(
        (p) => sql`(SELECT ${cols}, ${sql.raw(String(stale))} AS stale, ${p.distance} AS "distanceM"
      FROM structures s ${protectedJoin(view)}
      WHERE ${p.conds}
      ORDER BY "distanceM" LIMIT ${limitOf(ahead)})`,
      );
    if (scans.length === 0) continue;
    const tag = stale ? sql.raw('/* structures-nearest-stale */') : sql.raw('/* structures-nearest */');
    const read = await db.rows<NearestRow>(sql`${tag}
    SELECT u.*, u."distanceM" AS "sortKey" FROM (${sql.join(scans, sql` UNION ALL `)}) u
    ORDER BY u."distanceM", u.id
    LIMIT ${limitOf(ahead)}`);
    rows.push(...read);
    // The last row read, when the scans stopped at their limit: rows tied with it may follow.
    if (read.length === ahead) cut = read[ahead - 1];
    if (rows.length > limit) break;
  }
  const edge = rows[limit - 1];
  if (!edge || !cut || cut.stale !== edge.stale || cut.distanceM !== edge.distanceM) return rows.slice(0, limit);
  // The edge's whole tie group: its rows past the KNN scans' limit come from their cell.
  const d = sql`${edge.distanceM}::float8`;
  const ties = parts
    .filter((p) => p.stale === edge.stale)
    .map(
      (p) => sql`(SELECT ${cols}, ${sql.raw(String(p.stale))} AS stale, ${p.distance} AS "distanceM"
      FROM structures s ${protectedJoin(view)}
      WHERE ${p.conds} AND ST_DWithin(${p.location}, ${near}, ${d} + 0.01, false) AND ${p.distance} = ${d})`,
    );
  const tied = await db.rows<NearestRow>(sql`/* structures-nearest-ties */ ${sql.join(ties, sql` UNION ALL `)}`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const row of tied) if (!byId.has(row.id)) byId.set(row.id, { ...row, sortKey: row.distanceM });
  // As the statement orders them; uuids in their canonical text compare as their bytes do.
  return [...byId.values()]
    .sort((x, y) => x.stale - y.stale || x.distanceM - y.distanceM || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, limit);
}

export async function findStructures(
  db: Db,
  view: StructureView,
  ids: string[],
  now: Date,
  fields?: Wanted,
): Promise<StructureRow[]> {
  if (ids.length === 0) return [];
  return db.rows<StructureRow>(sql`/* structures-by-id */
    SELECT ${columns(view, now, fields)} FROM structures s ${protectedJoin(view)}
    WHERE s.id IN (${list(ids, 'uuid')}) AND ${foundFor(view)}`);
}

export interface NoticeRow {
  structureId: string;
  kind: NoticeKind;
  startsOn: string;
  endsOn: string | null;
  message: string;
}
