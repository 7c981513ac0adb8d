// Accounts, sessions, memberships, API keys, the audit log and the shared rate-limit
// counters. Secrets (passwords, session tokens, API keys) are stored only as hashes.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accountStatusEnum, auditActionEnum, emailTokenPurposeEnum, roleEnum, sessionTransportEnum } from './enums.ts';
import { structures } from './structures.ts';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Lower-cased on write: one account per address whatever its case. */
    email: text().notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum().notNull(),
    status: accountStatusEnum().notNull(),
    name: text().notNull(),
    organisation: text(),
    jobTitle: text('job_title'),
    justification: text(),
    /** The structure named at registration, when it exists (any visibility); admins decide. */
    claimedStructureId: uuid('claimed_structure_id').references(() => structures.id, { onDelete: 'set null' }),
    vettedAt: timestamp('vetted_at', { withTimezone: true }),
    /** Professionals only: after this, the account sees what an anonymous caller sees. */
    vettedUntil: timestamp('vetted_until', { withTimezone: true }),
    vettedBy: uuid('vetted_by'),
    vettingNote: text('vetting_note'),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the owner of the address proved it (a link or code we mailed); staff accounts at creation. */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  },
  (t) => [index('users_status_idx').on(t.role, t.status, t.createdAt)],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.structureId] }), index('memberships_structure_idx').on(t.structureId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** SHA-256 of the token, hex: the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    transport: sessionTransportEnum().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /**
     * Read-your-writes with read replicas: after the account writes, its reads go to the primary
     * until this time (set on each write, on every instance alike since it is in the primary).
     */
    primaryUntil: timestamp('primary_until', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * The one-time code that lets the first admin be created from the back office (a fresh install
 * has no account). One row at most; written at start-up while no admin exists, deleted when used.
 */
export const firstAdminSetup = pgTable('first_admin_setup', {
  id: integer().primaryKey().default(1),
  codeHash: text('code_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Single-use tokens we mail (address verification, password reset); stored only as hashes. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: emailTokenPurposeEnum().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('email_tokens_user_idx').on(t.userId, t.purpose)],
);

export const apiKeys = pgTable('api_keys', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  /** SHA-256 of the key, hex; `prefix` (its first characters) lets admins tell keys apart. */
  keyHash: text('key_hash').notNull().unique(),
  prefix: text().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  usageCount: bigint('usage_count', { mode: 'number' }).notNull().default(0),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});

/** Who did what, when, to which structure or account: ids and field names only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: auditActionEnum().notNull(),
    actorId: uuid('actor_id'),
    structureId: uuid('structure_id'),
    subjectUserId: uuid('subject_user_id'),
    apiKeyId: uuid('api_key_id'),
    referralId: uuid('referral_id'),
    fields: text().array().notNull().default(sql`'{}'`),
    /** How many events one entry stands for (a login failure burst). */
    count: integer().notNull().default(1),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_structure_idx').on(t.structureId, t.at),
  ],
);

/** rate-limiter-flexible's counters (RateLimiterDrizzle), shared by every API instance. */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
});
