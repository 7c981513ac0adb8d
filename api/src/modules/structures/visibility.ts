// Which audience a viewer reads, and the SQL pieces that keep each query inside it.
// Every rule comes from shared/policy.ts; nothing else in the API decides who sees what.
import type { Visibility } from '@repere/shared/enums';
import { type AccessLevel, type Audience, type FieldGroup, visibleFor } from '@repere/shared/policy';
import { type SQL, sql } from 'drizzle-orm';
import { type Viewer, viewerLevel } from '../../context.ts';

export interface StructureView {
  audience: Audience;
  level: AccessLevel;
}

export function viewFor(viewer: Viewer): StructureView {
  const level = viewerLevel(viewer);
  return { level, audience: level === 'everyone' ? 'public' : 'pro' };
}

function visibilityIn(visibilities: Visibility[]): SQL {
  if (visibilities.length === 0) return sql`false`;
  return sql`s.visibility IN (${sql.join(
    visibilities.map((v) => sql`${v}::visibility`),
    sql`, `,
  )})`;
}

/** `s.visibility` is one whose `group` fields this view may see. */
export function may(group: FieldGroup, view: StructureView): SQL {
  return visibilityIn(visibleFor(group, view.level));
}

/** The value of `column` when the view may see its group, else NULL. */
export function guarded(group: FieldGroup, view: StructureView, column: SQL): SQL {
  return sql`CASE WHEN ${may(group, view)} THEN ${column} END`;
}

/** The location column of the view's audience (exact, snapped or NULL per the policy). */
export function locationColumn(view: StructureView): SQL {
  return view.audience === 'public' ? sql`s.location_public` : sql`s.location_pro`;
}

/** The search vector of the view's audience: it never holds a value the view may not see. */
export function searchColumn(view: StructureView): SQL {
  return view.audience === 'public' ? sql`s.search_public` : sql`s.search_pro`;
}

/** The protected table is joined only for audiences entitled to some of its values. */
export function protectedJoin(view: StructureView): SQL {
  return view.audience === 'public' ? sql`` : sql`LEFT JOIN structure_protected p ON p.structure_id = s.id`;
}

export function streetColumn(view: StructureView): SQL {
  return view.audience === 'public' ? sql`s.street_public` : guarded('exactAddress', view, sql`p.street`);
}

/** The structure is listed for this view (existence, counts, lookups by id). */
export function listedFor(view: StructureView): SQL {
  return sql`s.status = 'ONLINE' AND ${may('listed', view)}`;
}
