// National helplines (admins): the whole list (a few dozen), saved whole by `saveHelpline`,
// removed by `deleteHelpline`.

import type { HelplineChannel, HelplineFieldsFragment } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';
import type { Handlers } from '../handlers.ts';

export const helplineChannels: readonly HelplineChannel[] = ['PHONE', 'SMS', 'CHAT', 'EMAIL', 'APP'];

/** A helpline as listed, or as edited (a new one has no `openNow` yet). */
export type Helpline = Omit<HelplineFieldsFragment, 'openNow'> & { openNow?: boolean | null };

graphql(`
  fragment HelplineFields on Helpline { id number name description hours free cost channels audience website openNow }
`);

const helplinesQuery = graphql(`query Helplines { helplines { ...HelplineFields } }`);

const saveMutation = graphql(`
  mutation SaveHelpline($input: HelplineInput!) { saveHelpline(input: $input) { ...HelplineFields } }
`);

const deleteMutation = graphql(`mutation DeleteHelpline($id: String!) { deleteHelpline(id: $id) }`);

export const helplines: Pick<Handlers, 'getList'> = {
  async getList(_resource, { pagination }) {
    const data = await request(helplinesQuery);
    const perPage = pagination?.perPage ?? 50;
    const start = ((pagination?.page ?? 1) - 1) * perPage;
    return { data: data.helplines.slice(start, start + perPage), total: data.helplines.length };
  },
};

/** Creates or replaces a helpline: every field is sent (absent ones are cleared). */
export async function saveHelpline(line: Helpline): Promise<Helpline> {
  const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  const input = {
    id: line.id.trim(),
    number: line.number.trim(),
    name: line.name.trim(),
    description: blank(line.description),
    hours: blank(line.hours),
    free: line.free,
    cost: blank(line.cost),
    channels: line.channels,
    audience: blank(line.audience),
    website: blank(line.website),
  };
  return (await request(saveMutation, { input })).saveHelpline;
}

/** Removes a helpline for good (the server answers false when the id is unknown). */
export async function deleteHelpline(id: string): Promise<boolean> {
  return (await request(deleteMutation, { id })).deleteHelpline;
}
