// Direct editing by moderators: create, update, archive, mark verified, restore a revision.
// Every one writes a revision (editing.ts).
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { decodeId } from '../../ids.ts';
import { findRevision } from '../revisions/store.ts';
import { applyPatch, changeStructure, createStructure, documentToInput, type Editor } from './editing.ts';
import { decodeStructureId } from './ids.ts';
import { StructureInput, StructurePatch } from './inputs.ts';
import { findStructures, type StructureRow } from './store.ts';
import { Structure } from './types.ts';

export const StructurePayload = builder.objectRef<{ structure: StructureRow; revision: number }>('StructurePayload');
StructurePayload.implement({
  fields: (t) => ({
    structure: t.field({ type: Structure, resolve: (p) => p.structure }),
    revision: t.exposeInt('revision', { description: 'The revision number now current.' }),
  }),
});

export const editor = (ctx: Context, confirmLocation = false): Editor => ({
  actorId: ctx.viewer.kind === 'user' ? ctx.viewer.userId : null,
  geocoder: ctx.geocoder,
  confirmLocation,
});

const confirmLocationArg = {
  description:
    "Keep coordinates more than 3 km outside the department's outline (small islands are missing from it). The revision records it.",
  defaultValue: false,
};

export async function payload(ctx: Context, id: string, revision: number) {
  const [structure] = await findStructures(ctx.db, ctx.view, [id], new Date());
  if (!structure) throw notFound('structure');
  return { structure, revision };
}

const structureId = (globalId: string) => {
  const id = decodeStructureId(globalId);
  if (!id) throw notFound('structure');
  return id;
};

builder.mutationFields((t) => ({
  createStructure: t.field({
    type: StructurePayload,
    authScopes: { level: 'moderator' },
    description: 'A new listing, verified now (revision 1).',
    args: {
      input: t.arg({ type: StructureInput, required: true }),
      confirmLocation: t.arg.boolean(confirmLocationArg),
    },
    resolve: async (_root, args, ctx) => {
      const id = await createStructure(ctx.db, args.input as never, editor(ctx, args.confirmLocation ?? false), {
        action: 'CREATE',
      });
      return payload(ctx, id, 1);
    },
  }),
  updateStructure: t.field({
    type: StructurePayload,
    authScopes: { level: 'moderator' },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: StructurePatch, required: true }),
      confirmLocation: t.arg.boolean(confirmLocationArg),
    },
    resolve: async (_root, args, ctx) => {
      const id = structureId(args.id);
      const revision = await changeStructure(
        ctx.db,
        id,
        { next: (current) => applyPatch(current, args.input as never) },
        editor(ctx, args.confirmLocation ?? false),
        { action: 'UPDATE' },
      );
      return payload(ctx, id, revision);
    },
  }),
  archiveStructure: t.field({
    type: StructurePayload,
    authScopes: { level: 'moderator' },
    description: 'Takes a listing offline (kept, with its revisions; restorable).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = structureId(args.id);
      const revision = await changeStructure(
        ctx.db,
        id,
        { next: (current) => ({ ...current, status: 'OFFLINE' }) },
        editor(ctx),
        { action: 'ARCHIVE' },
      );
      return payload(ctx, id, revision);
    },
  }),
  markVerified: t.field({
    type: StructurePayload,
    authScopes: { level: 'moderator' },
    description: 'Records that the listing was checked now (lastVerifiedAt).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = structureId(args.id);
      const revision = await changeStructure(ctx.db, id, { next: (c) => c, verify: true }, editor(ctx), {
        action: 'VERIFY',
      });
      return payload(ctx, id, revision);
    },
  }),
  restoreRevision: t.field({
    type: StructurePayload,
    authScopes: { level: 'moderator' },
    description: "Brings back a revision's values, as a new revision (the verification date stays).",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const revisionId = decodeId(args.id, 'Revision');
      const revision = revisionId ? await findRevision(ctx.db, revisionId) : null;
      if (!revision) throw notFound('revision');
      const number = await changeStructure(
        ctx.db,
        revision.structureId,
        { next: () => documentToInput(revision.after) },
        editor(ctx),
        { action: 'RESTORE' },
      );
      return payload(ctx, revision.structureId, number);
    },
  }),
}));
