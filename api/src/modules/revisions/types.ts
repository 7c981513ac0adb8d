// Revisions of a structure (moderators): who, when, what changed, and restoring one.
import { revisionActions } from '@repere/shared/enums';
import { builder } from '../../builder.ts';
import { encodeId } from '../../ids.ts';
import { decodeStructureId } from '../structures/ids.ts';
import { diffDocuments } from './diff.ts';
import { FieldChangeRef } from './diff-types.ts';
import { listRevisions, type RevisionRow } from './store.ts';

const RevisionActionEnum = builder.enumType('RevisionAction', { values: revisionActions });

export const Revision = builder.objectRef<RevisionRow>('Revision');
Revision.implement({
  description: 'One change of a structure: the whole listing before and after (moderators).',
  fields: (t) => ({
    id: t.id({ resolve: (r) => encodeId('Revision', r.id) }),
    number: t.exposeInt('number'),
    at: t.field({ type: 'DateTime', resolve: (r) => r.at }),
    action: t.expose('action', { type: RevisionActionEnum }),
    actorId: t.id({ nullable: true, resolve: (r) => (r.actorId ? encodeId('User', r.actorId) : null) }),
    submissionId: t.id({
      nullable: true,
      resolve: (r) => (r.submissionId ? encodeId('Submission', r.submissionId) : null),
    }),
    before: t.field({ type: 'JSON', nullable: true, resolve: (r) => r.before }),
    after: t.field({ type: 'JSON', resolve: (r) => r.after }),
    changes: t.field({ type: [FieldChangeRef], resolve: (r) => diffDocuments(r.before, r.after) }),
  }),
});

builder.queryField('revisions', (t) =>
  t.field({
    type: [Revision],
    authScopes: { level: 'moderator' },
    description: 'Every revision of a structure, newest first (moderators).',
    args: { structureId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => {
      const id = decodeStructureId(args.structureId, 'structureId');
      return id ? listRevisions(ctx.db, id) : [];
    },
  }),
);
