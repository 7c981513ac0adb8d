import { helplineChannels } from '@repere/shared/enums';
import { helplineInput } from '@repere/shared/inputs';
import { builder } from '../../builder.ts';
import { invalidInput, notFound } from '../../errors.ts';
import { writeAudit } from '../audit/store.ts';
import { checkOpeningHours, isOpenAt } from '../structures/opening-hours.ts';
import { deleteHelpline, type HelplineRow, listHelplines, saveHelpline } from './store.ts';

const HelplineChannelEnum = builder.enumType('HelplineChannel', { values: helplineChannels });

export const Helpline = builder.objectRef<HelplineRow>('Helpline');
Helpline.implement({
  description: 'A national phone, SMS or chat service; it has no place.',
  fields: (t) => ({
    id: t.exposeID('slug', { description: 'Stable short id, e.g. "119".' }),
    number: t.exposeString('number'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    hours: t.exposeString('openingHours', { nullable: true, description: 'OpenStreetMap opening_hours syntax.' }),
    free: t.exposeBoolean('free'),
    cost: t.exposeString('cost', { nullable: true }),
    channels: t.expose('channels', { type: [HelplineChannelEnum] }),
    audience: t.exposeString('audience', { nullable: true }),
    website: t.exposeString('website', { nullable: true }),
    openNow: t.boolean({
      nullable: true,
      description: 'Open at this moment (Europe/Paris time, public holidays included); null when hours are unknown.',
      resolve: (h) => (h.openingHours ? isOpenAt(h.openingHours, new Date()) : null),
    }),
  }),
});

builder.queryFields((t) => ({
  helplines: t.field({
    type: [Helpline],
    resolve: (_root, _args, ctx) => listHelplines(ctx.db),
  }),
}));

const HelplineInput = builder.inputType('HelplineInput', {
  description: 'A helpline as admins write it; `id` (slug) names it: saving an existing id updates it.',
  fields: (t) => ({
    id: t.string({ required: true, description: 'Short stable id, e.g. "119".' }),
    number: t.string({ required: true }),
    name: t.string({ required: true }),
    description: t.string(),
    hours: t.string({ description: 'OpenStreetMap opening_hours syntax.' }),
    free: t.boolean({ required: true }),
    cost: t.string(),
    channels: t.field({ type: [HelplineChannelEnum], required: true }),
    audience: t.string(),
    website: t.string(),
  }),
});

const actor = (viewer: { kind: string; userId?: string }) => (viewer.kind === 'user' ? (viewer.userId ?? null) : null);

builder.mutationFields((t) => ({
  saveHelpline: t.field({
    type: Helpline,
    authScopes: { admin: true },
    description: 'Creates or updates a helpline (admins).',
    args: { input: t.arg({ type: HelplineInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { id, hours, ...rest } = input;
      const parsed = helplineInput.safeParse(
        Object.fromEntries(Object.entries({ ...rest, slug: id, openingHours: hours }).filter(([, v]) => v != null)),
      );
      if (!parsed.success) {
        throw invalidInput(parsed.error.issues);
      }
      if (parsed.data.openingHours) {
        checkOpeningHours(parsed.data.openingHours, 'hours');
      }
      const saved = await saveHelpline(ctx.db, parsed.data);
      await writeAudit(ctx.db, [
        { action: 'HELPLINE_CHANGED', actorId: actor(ctx.viewer as never), fields: [saved.slug] },
      ]);
      return saved;
    },
  }),
  deleteHelpline: t.boolean({
    authScopes: { admin: true },
    description: 'Removes a helpline (admins).',
    args: { id: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!(await deleteHelpline(ctx.db, args.id))) throw notFound('helpline');
      await writeAudit(ctx.db, [
        { action: 'HELPLINE_CHANGED', actorId: actor(ctx.viewer as never), fields: [args.id] },
      ]);
      return true;
    },
  }),
}));
