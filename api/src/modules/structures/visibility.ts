// Which audience a viewer reads, and the SQL pieces that keep each query inside it.
// Every rule comes from shared/policy.ts; nothing else in the API decides who sees what.
import { type Visibility, visibilities } from '@repere/shared/enums';
import { type AccessLevel, type Audience, accessLevels, type FieldGroup, visibleFor } from '@repere/shared/policy';
import { type SQL, sql } from 'drizzle-orm';
import { type Viewer, viewerLevel } from '../../context.ts';
import { customPlan } from '../../db/client.ts';
import { type FieldRegistry, type FieldSpec, specOf, structureFields } from './registry.ts';

/**
 * - public: the `*_public` columns, never the protected table;
 * - pro: the `*_pro` columns, the protected table for professional values, and the exact
 *   values of the structures the viewer is a member of (`own`);
 * - staff (moderator+): the protected table's exact values.
 */
export type ViewAudience = 'public' | 'pro' | 'staff';

export interface StructureView {
  audience: ViewAudience;
  level: AccessLevel;
  /** Structures where the viewer is a member (level `member`). */
  own: readonly string[];
  /** The field rules this view is built from: the registry (the leak suite passes sabotaged ones). */
  fields: FieldRegistry;
}

/** The audience a viewer level reads (a member is a professional with own rows: see viewFor). */
const audienceOf = (level: AccessLevel): ViewAudience =>
  level === 'everyone' ? 'public' : level === 'professional' ? 'pro' : 'staff';

// A view without own rows is the same for every viewer of its level: one frozen object each,
// so the SQL built from a view alone (perView below) is built once, not per request.
const sharedViews = Object.fromEntries(
  accessLevels.map((level) => [
    level,
    Object.freeze<StructureView>({
      audience: audienceOf(level),
      level,
      own: Object.freeze([]),
      fields: structureFields,
    }),
  ]),
) as Record<AccessLevel, StructureView>;

export function viewFor(viewer: Viewer): StructureView {
  const level = viewerLevel(viewer);
  if (level === 'professional' && viewer.kind === 'user' && viewer.structureIds.length > 0) {
    return { audience: 'pro', level, own: [...viewer.structureIds], fields: structureFields };
  }
  return sharedViews[level];
}

/**
 * `build` once per view object. Views are never changed once made (shared ones are frozen);
 * a member's view is made per request, so its memo goes with it.
 */
export function perView<T>(build: (view: StructureView) => T): (view: StructureView) => T {
  const memo = new WeakMap<StructureView, T>();
  return (view) => {
    let value = memo.get(view);
    if (value === undefined) {
      value = build(view);
      memo.set(view, value);
    }
    return value;
  };
}

/**
 * The change feed a view reads (feed.ts). Staff list the same rows as professionals (online,
 * every visibility): their departures are the professionals' ones.
 */
export function feedAudience(view: StructureView): Audience {
  return view.audience === 'public' ? 'public' : 'pro';
}

/** Constants, not bind parameters: a generic plan then knows which visibilities it reads. */
function visibilityIn(list: Visibility[]): SQL {
  if (list.length === 0) return sql`false`;
  return sql`s.visibility IN (${sql.join(
    list.map((v) => {
      if (!visibilities.includes(v)) throw new Error(`not a visibility: ${v}`);
      return sql.raw(`'${v}'::visibility`);
    }),
    sql`, `,
  )})`;
}

export function ownIds(view: StructureView): SQL {
  return sql`s.id IN (${sql.join(
    view.own.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/** `s.visibility` is one whose `group` fields this view may see (members: on their own rows too). */
export function may(group: FieldGroup, view: StructureView): SQL {
  const general = visibleFor(group, view.level);
  if (view.own.length === 0) return visibilityIn(general);
  // Member is above professional: its set contains the general one.
  const asMember = visibleFor(group, 'member');
  if (asMember.length === general.length) return visibilityIn(general);
  return sql`(${visibilityIn(general)} OR (${ownIds(view)} AND ${visibilityIn(asMember)}))`;
}

/**
 * Every row this view may list shows `group` (so a guard on it would always pass): the rows
 * come from listedFor()/foundFor(), whose visibilities are the `id` group's.
 */
export function coversListed(group: FieldGroup, view: StructureView): boolean {
  const rowGroup = specOf(view.fields, 'id').group;
  const listed = visibleFor(rowGroup, view.own.length ? 'member' : view.level);
  const shown = new Set(visibleFor(group, view.level));
  return listed.every((v) => shown.has(v));
}

/** The value of `column` when the view may see its group, else NULL. */
export function guarded(group: FieldGroup, view: StructureView, column: SQL): SQL {
  return sql`CASE WHEN ${may(group, view)} THEN ${column} END`;
}

/**
 * The location this view sees (exact, snapped or NULL per the policy). `own` builds it for
 * a member's own rows; the other rows of a `pro` view read the `*_pro` column.
 */
export function locationColumn(view: StructureView, part: 'all' | 'own' = 'all'): SQL {
  if (view.audience === 'public') return publicLocation;
  const exact = specOf(view.fields, 'location').group;
  // Bare column when the view sees every exact point: lets nearest-first use its index.
  if (visibleFor(exact, view.level).length === visibilities.length) return sql`p.location`;
  if (view.audience === 'staff') return sql`CASE WHEN ${may(exact, view)} THEN p.location END`;
  if (part === 'own') return sql`CASE WHEN ${may(exact, view)} THEN p.location ELSE s.location_pro END`;
  return proLocation;
}

// The audience location columns, one object each: countedLocation() knows them by identity.
const publicLocation = sql`s.location_public`;
const proLocation = sql`s.location_pro`;

/**
 * The `structure_counts` condition that says this view's location is set (its presence is
 * counted there for the audience columns and the exact point); null for members (count the rows).
 */
export function countedLocation(view: StructureView): SQL | null {
  if (view.own.length > 0) return null;
  const column = locationColumn(view);
  if (column === publicLocation) return sql`s.located_public`;
  if (column === proLocation) return sql`s.located_pro`;
  // Staff read the exact point where they may: its presence is `located_exact` (`may` reads the
  // visibility only, a column of the groups too).
  if (view.audience === 'staff') return sql`(${may(specOf(view.fields, 'location').group, view)} AND s.located_exact)`;
  return null;
}

/** Row partitions for spatial queries: each has one index-friendly location expression. */
export const locationParts = perView((view): { where: SQL; location: SQL }[] => {
  if (view.audience !== 'pro' || view.own.length === 0) return [{ where: sql`true`, location: locationColumn(view) }];
  return [
    { where: sql`NOT ${ownIds(view)}`, location: locationColumn(view) },
    { where: ownIds(view), location: locationColumn(view, 'own') },
  ];
});

/** The location selected for display: one expression over all the view's rows. */
export const displayedLocation = perView(
  (view): SQL => (view.own.length ? locationColumn(view, 'own') : locationColumn(view)),
);

const query = (text: string) => sql`websearch_to_tsquery('french_unaccent', ${text})`;

/** Rows whose text this view may search matches: public text never holds a hidden value. */
export function searchMatches(view: StructureView, text: string): SQL {
  const column = view.audience === 'public' ? sql`s.search_public` : sql`s.search_pro`;
  // Planned for each word: how many rows a word matches decides the plan (db/client.ts).
  const base = sql`${sql.raw(customPlan)} (${column} @@ ${query(text)} OR s.name % ${text})`;
  if (view.audience === 'public' || (view.audience === 'pro' && view.own.length === 0)) return base;
  // Streets and postal codes the view sees beyond the `pro` vector's (members' own rows, staff).
  const rows = view.audience === 'pro' ? sql`${ownIds(view)} AND ` : sql``;
  return sql`(${base} OR (${rows}${may(specOf(view.fields, 'address').group, view)}
    AND to_tsvector('french_unaccent', concat_ws(' ', p.street, s.postal_code)) @@ ${query(text)}))`;
}

export function searchRank(view: StructureView, text: string): SQL {
  const column = view.audience === 'public' ? sql`s.search_public` : sql`s.search_pro`;
  return sql`(coalesce(ts_rank(${column}, ${query(text)}), 0)::float8 + similarity(s.name, ${text})::float8)`;
}

/** Some structure may show this protected column's field at the view's level. */
export function readsProtected(view: StructureView, spec: FieldSpec): boolean {
  return view.audience !== 'public' || visibleFor(spec.group, view.level).length > 0;
}

/** The protected table is joined only for views entitled to some of its values. */
export const protectedJoin = perView((view): SQL => {
  const reads = Object.values(view.fields).some((spec) =>
    spec.columns.some((c) => 'table' in c && c.table === 'protected' && readsProtected(view, spec)),
  );
  return reads ? sql`LEFT JOIN structure_protected p ON p.structure_id = s.id` : sql``;
});

export function streetColumn(view: StructureView): SQL {
  return view.audience === 'public'
    ? sql`s.street_public`
    : guarded(specOf(view.fields, 'address').group, view, sql`p.street`);
}

/** The structure is listed for this view (lists, counts, coverage): online and visible. */
export const listedFor = perView(
  (view): SQL => sql`s.status = 'ONLINE' AND ${may(specOf(view.fields, 'id').group, view)}`,
);

/** The structure exists for this view when looked up by id: staff also find drafts and archives. */
export const foundFor = perView(
  (view): SQL => (view.audience === 'staff' ? may(specOf(view.fields, 'id').group, view) : listedFor(view)),
);
