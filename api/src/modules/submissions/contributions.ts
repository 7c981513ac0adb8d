// Contributions, open to anyone (rate-limited): a new listing, a correction, a report. Each is
// stored before the answer; an idempotency key makes a retry return the first result.
import {
  comment,
  idempotencyKey,
  type ModeratorStructureInput,
  reportReason,
  type StructurePatch,
  structureSubmissionInput,
  submitterContact,
} from '@repere/shared/curation';
import { type AccessLevel, canSee } from '@repere/shared/policy';
import { builder } from '../../builder.ts';
import { type Context, levelFor } from '../../context.ts';
import { badInput, notFound } from '../../errors.ts';
import { RateLimitedError } from '../../rate-limits.ts';
import { digest } from '../accounts/secrets.ts';
import {
  applyPatch,
  checkInput,
  documentToInput,
  type StructureDocument,
  structureDocument,
} from '../structures/editing.ts';
import { decodeStructureId } from '../structures/ids.ts';
import { describingFields, PostalAddressInput, StructurePatch as StructurePatchInput } from '../structures/inputs.ts';
import { structureFields, writeGroups } from '../structures/registry.ts';
import { findStructures, type StructureRow } from '../structures/store.ts';
import { ServiceCategoryEnum, StructureKindEnum, VisibilityEnum } from '../structures/types.ts';
import { checkPatch } from './checks.ts';
import { baseOf, patchPaths } from './fields.ts';
import { insertSubmission, type NewSubmission } from './store.ts';
import { ReportReasonEnum, SubmissionPayload } from './types.ts';

const SubmitterContactInput = builder.inputType('SubmitterContactInput', {
  description: 'How moderators may reach you (optional; never shown to the public).',
  fields: (t) => ({ name: t.string(), email: t.string(), phone: t.string() }),
  validate: submitterContact,
});

const StructureSubmissionInput = builder.inputType('StructureSubmissionInput', {
  description: 'A new listing proposed by anyone; moderators check it before it is listed.',
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: StructureKindEnum, required: true }),
    visibility: t.field({
      type: VisibilityEnum,
      description: 'PUBLIC unless the structure must stay off public maps.',
    }),
    services: t.field({ type: [ServiceCategoryEnum], required: true }),
    address: t.field({ type: PostalAddressInput, required: true }),
    departmentCode: t.string(),
    ...describingFields(t),
    contact: t.field({ type: SubmitterContactInput }),
    comment: t.string(),
  }),
  validate: structureSubmissionInput,
});

/** Test-only fault injection: dies right after the contribution is committed (no answer sent). */
function failpoint() {
  if (process.env.NODE_ENV === 'test' && process.env.REPERE_FAILPOINT === 'after-contribution-stored') {
    process.kill(process.pid, 'SIGKILL');
  }
}

async function store(
  ctx: Context,
  submission: Omit<NewSubmission, 'requestHash' | 'submitterUserId' | 'idempotencyScope'>,
  args: object,
) {
  const { idempotencyKey: _key, ...request } = args as Record<string, unknown>;
  const userId = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
  const row = await insertSubmission(ctx.db, {
    ...submission,
    submitterUserId: userId,
    // Keys are per submitter, so nobody can reach or detect another's.
    idempotencyScope: userId ? `user:${userId}` : ctx.apiKeyId ? `key:${ctx.apiKeyId}` : `ip:${digest(ctx.http.ip)}`,
    requestHash: digest(JSON.stringify({ kind: submission.kind, request })),
  });
  failpoint();
  return { submission: row };
}

/** A contribution about a structure hidden from its author answers like one about an unknown id. */
async function visibleStructure(ctx: Context, globalId: string): Promise<StructureRow> {
  const id = decodeStructureId(globalId, 'structureId');
  const [row] = id ? await findStructures(ctx.db, ctx.view, [id], new Date()) : [];
  if (!row) throw notFound('structure');
  return row;
}

/**
 * The listing as it would become must be valid (postal code, hours…) before it is queued. Its
 * checks read stored values: their messages go back only to an author who may see every one of
 * them. Anyone else gets messages about what they sent; a conflict with hidden values is queued
 * like any correction, and moderators see it (Submission.problems).
 */
async function checkCorrection(
  ctx: Context,
  structure: StructureRow,
  level: AccessLevel,
  patch: StructurePatch,
  doc: StructureDocument | null,
) {
  const hidden = new Set(
    Object.values(structureFields)
      .filter((spec) => !canSee(spec.group, structure.visibility, level))
      .flatMap((spec) => spec.writes),
  );
  // Without the postal code the place cannot be checked: the author's values are, on their own.
  if (hidden.has('address.postalCode')) return checkPatch(ctx.db, patch);
  // Only values the author may see (or sent) take part, so any message is theirs to read.
  const visible = withoutPaths(documentToInput(doc ?? {}), hidden);
  await checkInput(ctx.db, applyPatch(visible, patch), { location: !hidden.has('location') });
}

function withoutPaths(input: ModeratorStructureInput, paths: Set<string>): ModeratorStructureInput {
  const out: Record<string, unknown> = { ...input };
  const address: Record<string, unknown> = { ...(input.address as object) };
  for (const path of paths) {
    const [head, sub] = path.split('.') as [string, string | undefined];
    if (sub && head === 'address') delete address[sub];
    else if (!sub) delete out[head];
  }
  out.address = address;
  return out as ModeratorStructureInput;
}

async function limited(ctx: Context) {
  try {
    await ctx.limits.contribution(ctx.http.ip);
  } catch (error) {
    if (error instanceof RateLimitedError) {
      ctx.http.setStatus(429);
      ctx.http.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    throw error;
  }
}

const keyDescription = 'A retry with the same key returns the first result instead of a duplicate.';

builder.mutationFields((t) => ({
  submitStructure: t.field({
    type: SubmissionPayload,
    description: 'Proposes a new listing (anyone). Stored before the answer; moderators review it.',
    args: {
      input: t.arg({ type: StructureSubmissionInput, required: true }),
      idempotencyKey: t.arg.string({ validate: idempotencyKey, description: keyDescription }),
    },
    resolve: async (_root, args, ctx) => {
      await limited(ctx);
      const { contact, comment: note, ...proposed } = structureSubmissionInput.parse(args.input);
      const place = await checkInput(ctx.db, { ...proposed, status: 'ONLINE' });
      return store(
        ctx,
        {
          kind: 'NEW_STRUCTURE',
          departmentCode: place.departmentCode,
          proposed,
          comment: note ?? null,
          submitterContact: contact ?? null,
          idempotencyKey: args.idempotencyKey ?? null,
        },
        args,
      );
    },
  }),
  suggestCorrection: t.field({
    type: SubmissionPayload,
    description: 'Proposes changes to a listing, to fields you can see (anyone).',
    args: {
      structureId: t.arg.id({ required: true }),
      changes: t.arg({ type: StructurePatchInput, required: true }),
      comment: t.arg.string({ validate: comment }),
      idempotencyKey: t.arg.string({ validate: idempotencyKey, description: keyDescription }),
    },
    resolve: async (_root, args, ctx) => {
      await limited(ctx);
      const structure = await visibleStructure(ctx, args.structureId);
      const patch = args.changes as StructurePatch;
      const level = levelFor(ctx.viewer, structure.id);
      const writable = writeGroups();
      for (const path of patchPaths(patch)) {
        const group = writable[path] ?? 'moderation';
        if (group === 'moderation' || !canSee(group, structure.visibility, level)) {
          throw badInput(`changes.${path}: not a field you can change on this listing.`, {
            key: 'notChangeable',
            params: { field: `changes.${path}` },
          });
        }
      }
      const doc = await structureDocument(ctx.db, structure.id);
      await checkCorrection(ctx, structure, level, patch, doc);
      return store(
        ctx,
        {
          kind: 'CORRECTION',
          structureId: structure.id,
          departmentCode: structure.departmentCode,
          proposed: patch,
          base: baseOf(patch, doc),
          comment: args.comment ?? null,
          idempotencyKey: args.idempotencyKey ?? null,
        },
        args,
      );
    },
  }),
  reportStructure: t.field({
    type: SubmissionPayload,
    description: 'Reports a listing as closed or wrong (anyone).',
    args: {
      structureId: t.arg.id({ required: true }),
      reason: t.arg({ type: ReportReasonEnum, required: true, validate: reportReason }),
      comment: t.arg.string({ validate: comment }),
      idempotencyKey: t.arg.string({ validate: idempotencyKey, description: keyDescription }),
    },
    resolve: async (_root, args, ctx) => {
      await limited(ctx);
      const structure = await visibleStructure(ctx, args.structureId);
      return store(
        ctx,
        {
          kind: 'REPORT',
          structureId: structure.id,
          departmentCode: structure.departmentCode,
          reason: args.reason,
          comment: args.comment ?? null,
          idempotencyKey: args.idempotencyKey ?? null,
        },
        args,
      );
    },
  }),
}));
