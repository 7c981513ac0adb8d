// Helplines are phone or chat services with no place: they have no location at all.
import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { helplineChannelEnum } from './enums.ts';

export const helplines = pgTable('helplines', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  number: text().notNull(),
  name: text().notNull(),
  description: text(),
  // OpenStreetMap opening_hours syntax, e.g. "24/7" or "Mo-Fr 09:00-23:00".
  openingHours: text('opening_hours'),
  free: boolean().notNull(),
  cost: text(),
  channels: helplineChannelEnum().array().notNull().default(sql`'{}'`),
  audience: text(),
  website: text(),
  position: integer().notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
