import { helplineChannels } from '@repere/shared/enums';
import { builder } from '../../builder.ts';
import { isOpenAt } from '../structures/opening-hours.ts';
import { type HelplineRow, listHelplines } from './store.ts';

const HelplineChannelEnum = builder.enumType('HelplineChannel', { values: helplineChannels });

const Helpline = builder.objectRef<HelplineRow>('Helpline');
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
