// The self-assessment scale, versioned (each publication is a new version), and the only
// trace evaluations leave: a count per day and band. Nothing about the person.
import { date, integer, jsonb, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scaleBandEnum } from './enums.ts';

export const assessmentScales = pgTable('assessment_scales', {
  version: integer().primaryKey(),
  /** { bands: [{ band, label, advice, helplines }], items: [{ id, band, text }] }, texts as { fr, en }. */
  content: jsonb().notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  publishedBy: uuid('published_by'),
});

export const assessmentDailyCounts = pgTable(
  'assessment_daily_counts',
  {
    day: date().notNull(),
    band: scaleBandEnum().notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.band] })],
);
