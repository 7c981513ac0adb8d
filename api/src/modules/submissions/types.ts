// A contribution as GraphQL shows it: its author sees its id and status; moderators see
// everything, with the field-by-field diff against the listing now and its conflicts.

import type { StructurePatch } from '@repere/shared/curation';
import { reportReasons, submissionKinds, submissionStatuses } from '@repere/shared/enums';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { encodeId } from '../../ids.ts';
import { FieldChangeRef } from '../revisions/diff-types.ts';
import { structureDocument } from '../structures/editing.ts';
import { loadStructure } from '../structures/loader.ts';
import { Structure } from '../structures/types.ts';
import { problemsOf } from './checks.ts';
import { conflictsOf, proposedChanges } from './fields.ts';
import type { SubmissionRow } from './store.ts';

export const SubmissionKindEnum = builder.enumType('SubmissionKind', { values: submissionKinds });
export const SubmissionStatusEnum = builder.enumType('SubmissionStatus', { values: submissionStatuses });
export const ReportReasonEnum = builder.enumType('ReportReason', { values: reportReasons });

const moderators = {
  authScopes: { level: 'moderator' as const },
  unauthorizedResolver: () => null,
  nullable: true as const,
};

/** The listing now, as moderators see it (loaded once per submission and request). */
const current = new WeakMap<SubmissionRow, Promise<Record<string, unknown> | null>>();
function currentDocument(s: SubmissionRow, ctx: Context) {
  let found = current.get(s);
  if (!found) {
    found = s.structureId ? structureDocument(ctx.db, s.structureId) : Promise.resolve(null);
    current.set(s, found);
  }
  return found;
}

/** What the listing as it would become fails (checked once per submission and request). */
const checked = new WeakMap<SubmissionRow, Promise<string[]>>();
function problems(s: SubmissionRow, ctx: Context) {
  let found = checked.get(s);
  if (!found) {
    found = currentDocument(s, ctx).then((now) => problemsOf(ctx.db, s.proposed as StructurePatch, now));
    checked.set(s, found);
  }
  return found;
}

export const Submission = builder.objectRef<SubmissionRow>('Submission');
Submission.implement({
  description: 'A contribution: a new listing, a correction or a report. Details are for moderators.',
  fields: (t) => ({
    id: t.id({ resolve: (s) => encodeId('Submission', s.id) }),
    kind: t.expose('kind', { type: SubmissionKindEnum }),
    status: t.expose('status', { type: SubmissionStatusEnum }),
    createdAt: t.field({ type: 'DateTime', resolve: (s) => s.createdAt }),
    structure: t.field({
      type: Structure,
      ...moderators,
      description: 'The listing it is about (for a new one, once approved).',
      resolve: (s, _args, ctx) => loadStructure(ctx, s.structureId),
    }),
    departmentCode: t.exposeString('departmentCode', { ...moderators }),
    reason: t.expose('reason', { type: ReportReasonEnum, ...moderators }),
    comment: t.exposeString('comment', { ...moderators }),
    source: t.exposeString('source', { ...moderators, description: 'Imported: where from (a data·inclusion source).' }),
    sourceId: t.exposeString('sourceId', { ...moderators, description: "Imported: the record's id at its source." }),
    proposed: t.field({ type: 'JSON', ...moderators, resolve: (s) => s.proposed }),
    submitterContact: t.field({ type: 'JSON', ...moderators, resolve: (s) => s.submitterContact }),
    changes: t.field({
      type: [FieldChangeRef],
      ...moderators,
      description: 'Field by field: the listing now (before) against what is proposed (after).',
      resolve: async (s, _args, ctx) => {
        if (s.kind === 'REPORT' || !s.proposed) return [];
        const now = s.kind === 'CORRECTION' ? await currentDocument(s, ctx) : null;
        return proposedChanges(s.proposed as StructurePatch, now);
      },
    }),
    conflicts: t.stringList({
      ...moderators,
      description:
        'Fields changed in the listing since this correction was written, and `checks` when the listing as it ' +
        'would become fails a check (see problems): it is not applied blindly.',
      resolve: async (s, _args, ctx) => {
        if (s.kind !== 'CORRECTION' || s.status !== 'PENDING') return [];
        const changed = conflictsOf(s.proposed as StructurePatch, s.base, await currentDocument(s, ctx));
        return (await problems(s, ctx)).length ? [...changed, 'checks'] : changed;
      },
    }),
    problems: t.stringList({
      ...moderators,
      description:
        'What the listing as it would become fails (postal code and department, hours…). Its author was not ' +
        'told when the check read values hidden from them.',
      resolve: async (s, _args, ctx) => {
        if (s.kind !== 'CORRECTION' || s.status !== 'PENDING') return [];
        return problems(s, ctx);
      },
    }),
    decidedAt: t.field({ type: 'DateTime', ...moderators, resolve: (s) => s.decidedAt }),
    decisionReason: t.exposeString('decisionReason', { ...moderators }),
    revision: t.exposeInt('revisionNumber', { ...moderators, description: 'The revision its approval made.' }),
  }),
});

export const SubmissionPayload = builder.objectRef<{ submission: SubmissionRow }>('SubmissionPayload');
SubmissionPayload.implement({
  fields: (t) => ({ submission: t.field({ type: Submission, resolve: (p) => p.submission }) }),
});
