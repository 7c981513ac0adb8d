// structureChanges: the change feed for apps that keep a copy of the directory. Each change in
// the viewer's view since a time, oldest first: the listing as the viewer sees it now, or a
// StructureRemoval (id and time only) when it left the view, whatever the reason.
import { keyed } from '@repere/shared/issues';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { encodeId } from '../../ids.ts';
import { pageSizeInput } from '../../limits.ts';
import { decodeFeedCursor, encodeFeedCursor, feedCheckpoint, feedEntries, sinceInput } from './feed.ts';
import { findStructures, type StructureRow } from './store.ts';
import { Structure } from './types.ts';
import { feedAudience } from './visibility.ts';

interface Removal {
  removedId: string;
  removedAt: Date;
}

export const StructureRemoval = builder.objectRef<Removal>('StructureRemoval');
StructureRemoval.implement({
  description:
    'A listing that left your view (for any reason, which is not told): delete your copy. Only ids you could ' +
    'see once ever come as removals. A listing that comes back later comes as a Structure again.',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'removedId' in value,
  fields: (t) => ({
    id: t.id({ description: 'The id the listing had as a Structure.', resolve: (r) => r.removedId }),
    removedAt: t.field({ type: 'DateTime', resolve: (r) => r.removedAt }),
  }),
});

const StructureChange = builder.unionType('StructureChange', {
  types: [Structure, StructureRemoval],
  resolveType: (value) => ('removedId' in value ? StructureRemoval : Structure),
});

interface ChangeEdge {
  node: StructureRow | Removal;
  cursor: string;
  changedAt: Date;
}

const StructureChangeConnection = builder.connectionObject(
  {
    type: StructureChange,
    name: 'StructureChangeConnection',
    fields: (t) => ({
      checkpoint: t.field({
        type: 'DateTime',
        description:
          'Pass as `since` at your next sync, once every page is read: a change still being written when the ' +
          'walk began is stamped after it. The same on every page of one walk.',
        resolve: (c) => (c as unknown as { checkpoint: string }).checkpoint,
      }),
    }),
  },
  {
    name: 'StructureChangeEdge',
    fields: (t) => ({
      changedAt: t.field({
        type: 'DateTime',
        description: 'When what you see of it last changed (or when it left).',
        resolve: (edge) => (edge as unknown as ChangeEdge).changedAt,
      }),
    }),
  },
);

/** One page of the viewer's changes: listings read through the viewer's own store. */
async function changesPage(ctx: Context, since: Date, first: number, after: string | null | undefined) {
  const key = after ? decodeFeedCursor(after) : null;
  const checkpoint = key?.checkpoint ?? (await feedCheckpoint(ctx.db));
  const entries = await feedEntries(ctx.db, feedAudience(ctx.view), since, key, first + 1);
  const page = entries.slice(0, first);
  const listed = page.filter((e) => e.listed).map((e) => e.id);
  // The view decides again: a row the feed calls listed but the view does not list (a change
  // between the two reads) is left out; its departure comes at the next sync.
  const rows = new Map(
    (await findStructures(ctx.db, ctx.view, listed, new Date()))
      .filter((r) => r.status === 'ONLINE')
      .map((r) => [r.id, r]),
  );
  const edges = page.flatMap((e): ChangeEdge[] => {
    const cursor = encodeFeedCursor(e, checkpoint);
    const changedAt = new Date(e.at);
    if (!e.listed)
      return [{ node: { removedId: encodeId('Structure', e.id), removedAt: changedAt }, cursor, changedAt }];
    const row = rows.get(e.id);
    return row ? [{ node: row, cursor, changedAt }] : [];
  });
  // The cursor of the page's last entry, even when that entry was left out.
  const last = page.at(-1);
  return {
    edges,
    checkpoint,
    pageInfo: {
      hasNextPage: entries.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: last ? encodeFeedCursor(last, checkpoint) : (after ?? null),
    },
  };
}

builder.queryField('structureChanges', (t) =>
  t.field({
    type: StructureChangeConnection,
    description:
      'What changed in your view of the directory at or after `since`, oldest first: listings as you see them ' +
      'now, and removals (id and time only) of listings that left your view. A change of a field you may not ' +
      'see is not a change. Walk the pages with `after` (pageInfo.endCursor), then keep `checkpoint` for the ' +
      'next sync. For a first copy, a `since` in the past (1970-01-01T00:00:00Z) walks your whole view.',
    complexity: (args) => ({ field: 5, multiplier: args.first ?? 100 }),
    args: {
      since: t.arg({
        type: 'DateTime',
        required: true,
        validate: sinceInput,
      }),
      first: t.arg.int({
        defaultValue: 100,
        validate: pageSizeInput,
      }),
      after: t.arg.string({
        validate: z.string().max(1000, keyed('badCursor', 'after: not a cursor returned by structureChanges.')),
      }),
    },
    resolve: (_root, args, ctx) => changesPage(ctx, args.since, args.first ?? 100, args.after),
  }),
);
