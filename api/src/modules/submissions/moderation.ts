// The moderation queue (moderators): approve applies a contribution atomically, exactly once;
// a correction whose fields changed since it was written is refused unless overridden.
import type { ModeratorStructureInput, StructurePatch } from '@repere/shared/curation';
import { decisionReason } from '@repere/shared/curation';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { decodeId } from '../../ids.ts';
import { maxPageSize } from '../../limits.ts';
import { decodeKeysetCursor, encodeKeysetCursor, pageOf } from '../../paging.ts';
import { applyPatch, changeStructure, createStructure } from '../structures/editing.ts';
import { editor } from '../structures/mutations.ts';
import { GeoPointInput } from '../structures/queries.ts';
import { conflictsOf } from './fields.ts';
import { findSubmission, listSubmissions, recordDecision, type SubmissionRow } from './store.ts';
import { Submission, SubmissionKindEnum, SubmissionPayload, SubmissionStatusEnum } from './types.ts';

const SubmissionConnection = builder.connectionObject(
  {
    type: Submission,
    name: 'SubmissionConnection',
    fields: (t) => ({
      totalCount: t.int({ resolve: (c) => (c as unknown as { totalCount: () => Promise<number> }).totalCount() }),
    }),
  },
  { name: 'SubmissionEdge' },
);

builder.queryField('submissions', (t) =>
  t.field({
    type: SubmissionConnection,
    authScopes: { level: 'moderator' },
    description: 'The moderation queue, oldest first (moderators).',
    args: {
      status: t.arg({ type: SubmissionStatusEnum }),
      kinds: t.arg({ type: [SubmissionKindEnum] }),
      departmentCode: t.arg.string({ validate: z.string().max(3) }),
      olderThanDays: t.arg.int({ validate: z.number().int().min(0).max(3650) }),
      structureId: t.arg.id(),
      first: t.arg.int({ defaultValue: 20, validate: z.number().int().min(1).max(maxPageSize) }),
      after: t.arg.string({ validate: z.string().max(1000) }),
    },
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 20;
      const structureId = args.structureId ? decodeId(args.structureId, 'Structure', 'structureId') : null;
      const page = await listSubmissions(
        ctx.db,
        { ...args, structureId: args.structureId ? (structureId ?? '00000000-0000-0000-0000-000000000000') : null },
        first,
        args.after ? decodeKeysetCursor(args.after, 'submissions') : null,
      );
      return {
        ...pageOf(page.rows, first, Boolean(args.after), (s) =>
          encodeKeysetCursor('submissions', { at: s.createdAt, id: s.id }),
        ),
        totalCount: page.total,
      };
    },
  }),
);

builder.queryField('submission', (t) =>
  t.field({
    type: Submission,
    nullable: true,
    authScopes: { level: 'moderator' },
    description: 'One contribution (moderators); null when unknown.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = decodeId(args.id, 'Submission');
      return id ? findSubmission(ctx.db, id) : null;
    },
  }),
);

/** Locks the submission and checks nobody decided it first. */
async function pending(tx: Context['db'], globalId: string): Promise<SubmissionRow> {
  const id = decodeId(globalId, 'Submission');
  const submission = id ? await findSubmission(tx, id, true) : null;
  if (!submission) throw notFound('submission');
  if (submission.status !== 'PENDING') {
    const status = submission.status.toLowerCase();
    throw new AppError('CONFLICT', `This submission was already ${status}.`, {
      key: 'alreadyDecided',
      params: { status },
    });
  }
  return submission;
}

interface ApproveOptions {
  overrideConflicts: boolean;
  /** For a new listing: coordinates given (or corrected) by the moderator. */
  location?: { lat: number; lon: number } | null;
  confirmLocation: boolean;
}

async function approve(ctx: Context, globalId: string, options: ApproveOptions) {
  const { overrideConflicts } = options;
  const by = editor(ctx, options.confirmLocation);
  const id = await ctx.db.transaction(async (tx) => {
    const s = await pending(tx, globalId);
    const source = { action: 'SUBMISSION' as const, submissionId: s.id };
    let structureId = s.structureId;
    let revision: number | null = null;
    if (s.kind === 'NEW_STRUCTURE') {
      const proposed = s.proposed as ModeratorStructureInput;
      const input = options.location ? { ...proposed, location: options.location } : proposed;
      structureId = await createStructure(tx, input, by, source);
      revision = 1;
    } else if (s.kind === 'CORRECTION' && structureId) {
      const patch = s.proposed as StructurePatch;
      revision = await changeStructure(
        tx,
        structureId,
        {
          next: (current) => {
            const conflicts = conflictsOf(patch, s.base, current as Record<string, unknown>);
            if (conflicts.length && !overrideConflicts) {
              throw new AppError(
                'CONFLICT',
                `The listing changed since this correction was written (${conflicts.join(', ')}): review the diff, then approve with overrideConflicts.`,
                { key: 'correctionConflict', params: { fields: conflicts } },
                { conflicts },
              );
            }
            return applyPatch(current, patch);
          },
        },
        by,
        source,
      );
    } else if (s.kind === 'REPORT' && structureId && s.reason === 'CLOSED') {
      revision = await changeStructure(tx, structureId, { next: (c) => ({ ...c, status: 'CLOSED' }) }, by, source);
    }
    await recordDecision(tx, {
      id: s.id,
      status: 'APPROVED',
      decidedBy: by.actorId,
      structureId,
      revisionNumber: revision,
    });
    return s.id;
  });
  return { submission: (await findSubmission(ctx.db, id)) as SubmissionRow };
}

builder.mutationFields((t) => ({
  approveSubmission: t.field({
    type: SubmissionPayload,
    authScopes: { level: 'moderator' },
    description:
      'Applies a contribution atomically (a new listing, a correction, a closure report). Exactly one moderator wins; the other gets CONFLICT.',
    args: {
      id: t.arg.id({ required: true }),
      overrideConflicts: t.arg.boolean({
        defaultValue: false,
        description: 'Apply a correction even though the listing changed since it was written.',
      }),
      location: t.arg({
        type: GeoPointInput,
        description: 'For a new listing: its coordinates, when the submitter gave none (or wrong ones).',
      }),
      confirmLocation: t.arg.boolean({
        defaultValue: false,
        description: "Keep coordinates outside the department's outline (small islands).",
      }),
    },
    resolve: (_root, args, ctx) =>
      approve(ctx, args.id, {
        overrideConflicts: args.overrideConflicts ?? false,
        location: args.location,
        confirmLocation: args.confirmLocation ?? false,
      }),
  }),
  rejectSubmission: t.field({
    type: SubmissionPayload,
    authScopes: { level: 'moderator' },
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true, validate: decisionReason }) },
    resolve: async (_root, args, ctx) => {
      const id = await ctx.db.transaction(async (tx) => {
        const s = await pending(tx, args.id);
        await recordDecision(tx, { id: s.id, status: 'REJECTED', decidedBy: editor(ctx).actorId, reason: args.reason });
        return s.id;
      });
      return { submission: (await findSubmission(ctx.db, id)) as SubmissionRow };
    },
  }),
}));
