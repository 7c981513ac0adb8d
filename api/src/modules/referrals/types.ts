// Referrals (vetted professionals): a member of one structure tells another structure that a
// young person it follows is coming. Only the sender and the receiving members read it; every
// read is audited before it is returned.
import { referralStatuses, urgencies } from '@repere/shared/enums';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { type Context, isProfessional, type UserViewer } from '../../context.ts';
import { AppError, badInput, notFound } from '../../errors.ts';
import { decodeId, encodeId } from '../../ids.ts';
import { maxPageSize } from '../../limits.ts';
import { decodeKeysetCursor, encodeKeysetCursor, pageOf } from '../../paging.ts';
import { decodeStructureId } from '../structures/ids.ts';
import { loadStructure } from '../structures/loader.ts';
import { findStructures } from '../structures/store.ts';
import { Structure } from '../structures/types.ts';
import {
  advanceReferral,
  findReadable,
  insertReferral,
  listReferrals,
  type Reader,
  type ReferralRow,
} from './store.ts';

const UrgencyEnum = builder.enumType('Urgency', { values: urgencies });
const ReferralStatusEnum = builder.enumType('ReferralStatus', { values: referralStatuses });
const ReferralBoxEnum = builder.enumType('ReferralBox', { values: ['INBOX', 'SENT'] as const });

export const maxMessageLength = 1000;

const structureField = (pick: (r: ReferralRow) => string) => (r: ReferralRow, _args: object, ctx: Context) =>
  loadStructure(ctx, pick(r));

const Referral = builder.objectRef<ReferralRow>('Referral');
Referral.implement({
  description: 'A referral between structures. No identity: the message must not name the young person.',
  fields: (t) => ({
    id: t.id({ resolve: (r) => encodeId('Referral', r.id) }),
    direction: t.field({
      type: ReferralBoxEnum,
      resolve: (r, _args, ctx) => (ctx.viewer.kind === 'user' && r.senderId === ctx.viewer.userId ? 'SENT' : 'INBOX'),
    }),
    urgency: t.expose('urgency', { type: UrgencyEnum }),
    status: t.expose('status', { type: ReferralStatusEnum }),
    message: t.exposeString('message'),
    fromStructure: t.field({ type: Structure, nullable: true, resolve: structureField((r) => r.fromStructureId) }),
    toStructure: t.field({ type: Structure, nullable: true, resolve: structureField((r) => r.toStructureId) }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    acknowledgedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.acknowledgedAt }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.closedAt }),
    purgeAt: t.field({ type: 'DateTime', description: 'Deleted for good at this time.', resolve: (r) => r.purgeAt }),
  }),
});

const ReferralConnection = builder.connectionObject({ type: Referral, name: 'ReferralConnection' });
const ReferralPayload = builder.objectRef<{ referral: ReferralRow }>('ReferralPayload');
ReferralPayload.implement({ fields: (t) => ({ referral: t.field({ type: Referral, resolve: (p) => p.referral }) }) });

/** Referrals are for vetted professionals only (not moderators: they never read them). */
function reader(ctx: Context): Reader & { viewer: UserViewer } {
  if (ctx.viewer.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Log in first.', { key: 'logIn', params: {} });
  if (!isProfessional(ctx.viewer)) {
    throw new AppError('FORBIDDEN', 'Referrals are for vetted professionals of listed structures.', {
      key: 'referralsForPros',
      params: {},
    });
  }
  return { userId: ctx.viewer.userId, structureIds: ctx.viewer.structureIds, viewer: ctx.viewer };
}

/** Every referral returned is a read: audited before the answer. */
async function audited<T extends ReferralRow | ReferralRow[]>(ctx: Context, rows: T): Promise<T> {
  const list = Array.isArray(rows) ? rows : [rows];
  await Promise.all(list.map((r) => ctx.audit.readReferral(r.id, r.toStructureId)));
  return rows;
}

async function advance(ctx: Context, globalId: string, to: 'ACKNOWLEDGED' | 'CLOSED') {
  const r = reader(ctx);
  const id = decodeId(globalId, 'Referral');
  if (!id) throw notFound('referral');
  const moved = await advanceReferral(ctx.db, r, id, to);
  if (moved) return { referral: await audited(ctx, moved) };
  const existing = await findReadable(ctx.db, r, id);
  if (!existing) throw notFound('referral');
  if (!r.structureIds.includes(existing.toStructureId)) {
    throw new AppError('FORBIDDEN', 'Only the receiving structure acknowledges or closes a referral.', {
      key: 'referralReceiver',
      params: {},
    });
  }
  const status = existing.status.toLowerCase();
  throw new AppError('CONFLICT', `This referral is already ${status}.`, { key: 'referralAlready', params: { status } });
}

builder.queryField('referrals', (t) =>
  t.field({
    type: ReferralConnection,
    description: "The viewer's structures' inbox and the referrals the viewer sent, newest first.",
    args: {
      box: t.arg({ type: ReferralBoxEnum }),
      first: t.arg.int({ defaultValue: 20, validate: z.number().int().min(1).max(maxPageSize) }),
      after: t.arg.string({ validate: z.string().max(1000) }),
    },
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 20;
      const rows = await listReferrals(
        ctx.db,
        reader(ctx),
        args.box ?? null,
        first,
        args.after ? decodeKeysetCursor(args.after, 'referrals') : null,
      );
      await audited(ctx, rows.slice(0, first));
      return pageOf(rows, first, Boolean(args.after), (r) =>
        encodeKeysetCursor('referrals', { at: r.createdAt, id: r.id }),
      );
    },
  }),
);

builder.mutationFields((t) => ({
  sendReferral: t.field({
    type: ReferralPayload,
    description:
      "Tells another structure that a young person you follow is coming to its area. Never write the young person's identity (name, birth date, address, phone).",
    args: {
      toStructureId: t.arg.id({ required: true }),
      fromStructureId: t.arg.id({ description: 'Your structure (needed when you are a member of several).' }),
      message: t.arg.string({
        required: true,
        validate: z
          .string()
          .trim()
          .min(1, 'message is required')
          .max(maxMessageLength, `message must have at most ${maxMessageLength} characters`),
      }),
      urgency: t.arg({ type: UrgencyEnum, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const r = reader(ctx);
      const from = args.fromStructureId ? decodeStructureId(args.fromStructureId, 'fromStructureId') : null;
      const sender = from ?? (r.structureIds.length === 1 ? r.structureIds[0] : null);
      if (!sender || !r.structureIds.includes(sender)) {
        throw r.structureIds.length
          ? badInput('fromStructureId: give one of your structures.', {
              key: 'fromStructure',
              params: { field: 'fromStructureId' },
            })
          : new AppError('FORBIDDEN', 'Only a member of a listed structure sends referrals.', {
              key: 'referralSender',
              params: {},
            });
      }
      const to = decodeStructureId(args.toStructureId, 'toStructureId');
      const [target] = to ? await findStructures(ctx.db, ctx.view, [to], new Date()) : [];
      if (!target) throw notFound('structure');
      if (target.id === sender) {
        throw badInput('toStructureId: that is your own structure.', {
          key: 'ownStructure',
          params: { field: 'toStructureId' },
        });
      }
      const referral = await insertReferral(ctx.db, {
        fromStructureId: sender,
        toStructureId: target.id,
        senderId: r.userId,
        urgency: args.urgency,
        message: args.message.trim(),
      });
      return { referral: await audited(ctx, referral) };
    },
  }),
  acknowledgeReferral: t.field({
    type: ReferralPayload,
    description: 'The receiving structure has seen it.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => advance(ctx, args.id, 'ACKNOWLEDGED'),
  }),
  closeReferral: t.field({
    type: ReferralPayload,
    description: 'Done: purged 90 days from now.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => advance(ctx, args.id, 'CLOSED'),
  }),
}));
