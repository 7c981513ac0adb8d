// Referrals between structures: no identity field, a bounded message, purged 90 days after
// closing (or sending, when never closed). Read only by the sender and the receiving members.
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { referralStatusEnum, urgencyEnum } from './enums.ts';
import { structures } from './structures.ts';

export const referrals = pgTable(
  'referrals',
  {
    id: uuid().primaryKey().defaultRandom(),
    fromStructureId: uuid('from_structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    toStructureId: uuid('to_structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id').references(() => users.id, { onDelete: 'set null' }),
    urgency: urgencyEnum().notNull(),
    message: text().notNull(),
    status: referralStatusEnum().notNull().default('SENT'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
  },
  (t) => [
    index('referrals_to_idx').on(t.toStructureId, t.createdAt),
    index('referrals_sender_idx').on(t.senderId, t.createdAt),
    index('referrals_purge_idx').on(t.closedAt, t.createdAt),
  ],
);
