// Contributions (anyone) and the revisions of every structure (whatever path changed it).
// Both hold listing data, protected values included: read only by moderators' queries.

import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { reportReasonEnum, revisionActionEnum, submissionKindEnum, submissionStatusEnum } from './enums.ts';
import { structures } from './structures.ts';

export const submissions = pgTable(
  'submissions',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: submissionKindEnum().notNull(),
    status: submissionStatusEnum().notNull().default('PENDING'),
    /** The listing it is about (set on approval for a new one). */
    structureId: uuid('structure_id').references(() => structures.id, { onDelete: 'set null' }),
    departmentCode: text('department_code'),
    /** NEW_STRUCTURE: the proposed listing; CORRECTION: the changed fields only. */
    proposed: jsonb(),
    /** CORRECTION: the listing's values of the changed fields when it was written (conflicts). */
    base: jsonb(),
    reason: reportReasonEnum(),
    comment: text(),
    /** How moderators may reach the submitter, when given: for moderators only. */
    submitterContact: jsonb('submitter_contact'),
    submitterUserId: uuid('submitter_user_id'),
    /** A retried request with the same key returns the first result. */
    idempotencyKey: text('idempotency_key'),
    /** Whose key it is (account, API key or hashed address): one submitter cannot hit another's. */
    idempotencyScope: text('idempotency_scope'),
    requestHash: text('request_hash'),
    /** Imported records (data·inclusion): the source, its id for the record, and a digest of its content. */
    source: text(),
    sourceId: text('source_id'),
    sourceDigest: text('source_digest'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
    revisionNumber: integer('revision_number'),
  },
  (t) => [
    unique('submissions_idempotency_key').on(t.idempotencyScope, t.idempotencyKey),
    index('submissions_queue_idx').on(t.status, t.createdAt, t.id),
    index('submissions_structure_idx').on(t.structureId),
    // A re-import of the same record (same source, id and content) is recognised, never stored twice.
    unique('submissions_source_record').on(t.source, t.sourceId, t.sourceDigest),
  ],
);

export const revisions = pgTable(
  'revisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per structure. */
    number: integer().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: revisionActionEnum().notNull(),
    submissionId: uuid('submission_id'),
    /** Whole documents (repere_structure_document): NULL before the first. */
    before: jsonb(),
    after: jsonb().notNull(),
  },
  (t) => [unique('revisions_structure_number_key').on(t.structureId, t.number), index('revisions_at_idx').on(t.at)],
);
