// Helplines: national phone and chat services, public to everyone, with no place.
import type { HelplineChannel } from '@repere/shared/enums';
import type { HelplineInput, HelplineValues } from '@repere/shared/inputs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export interface HelplineRow {
  id: string;
  slug: string;
  number: string;
  name: string;
  description: string | null;
  openingHours: string | null;
  free: boolean;
  cost: string | null;
  channels: HelplineChannel[];
  audience: string | null;
  website: string | null;
}

export function listHelplines(db: Db): Promise<HelplineRow[]> {
  return db.rows<HelplineRow>(sql`/* helplines-list */
    SELECT id, slug, number, name, description, opening_hours AS "openingHours", free, cost,
      channels::text[] AS channels, audience, website
    FROM helplines ORDER BY position, slug`);
}

/** Inserts or updates helplines by slug (seeds). */
export async function upsertHelplines(db: Db, helplines: HelplineInput[]): Promise<void> {
  const rows = helplines.map((h, position) => ({ ...h, position }));
  await db.rows(sql`/* helplines-upsert */
    INSERT INTO helplines (slug, number, name, description, opening_hours, free, cost, channels, audience, website, position)
    SELECT slug, number, name, description, "openingHours", free, cost, channels, audience, website, position
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) AS x(slug text, number text, name text,
      description text, "openingHours" text, free boolean, cost text, channels helpline_channel[], audience text,
      website text, position int)
    ON CONFLICT (slug) DO UPDATE SET number = excluded.number, name = excluded.name,
      description = excluded.description, opening_hours = excluded.opening_hours, free = excluded.free,
      cost = excluded.cost, channels = excluded.channels, audience = excluded.audience,
      website = excluded.website, position = excluded.position, updated_at = now()`);
}

/** Creates or updates one helpline by slug (admins); returns it. */
export async function saveHelpline(db: Db, h: HelplineValues): Promise<HelplineRow> {
  const [row] = await db.rows<HelplineRow>(sql`/* helpline-save */
    WITH x AS (
      INSERT INTO helplines (slug, number, name, description, opening_hours, free, cost, channels, audience, website, position)
      VALUES (${h.slug}, ${h.number}, ${h.name}, ${h.description ?? null}, ${h.openingHours ?? null}, ${h.free},
        ${h.cost ?? null}, ${`{${h.channels.join(',')}}`}::helpline_channel[], ${h.audience ?? null}, ${h.website ?? null},
        (SELECT coalesce(max(position), -1) + 1 FROM helplines))
      ON CONFLICT (slug) DO UPDATE SET number = excluded.number, name = excluded.name,
        description = excluded.description, opening_hours = excluded.opening_hours, free = excluded.free,
        cost = excluded.cost, channels = excluded.channels, audience = excluded.audience, website = excluded.website,
        updated_at = now()
      RETURNING *
    ) SELECT id, slug, number, name, description, opening_hours AS "openingHours", free, cost,
      channels::text[] AS channels, audience, website FROM x`);
  return row as HelplineRow;
}

export async function deleteHelpline(db: Db, slug: string): Promise<boolean> {
  const rows = await db.rows(sql`/* helpline-delete */ DELETE FROM helplines WHERE slug = ${slug} RETURNING id`);
  return rows.length > 0;
}
