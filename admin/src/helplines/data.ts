// National helplines (admins): the whole list (a few dozen), saved whole by `saveHelpline`,
// removed by `deleteHelpline`.
import type { DataProvider } from 'react-admin';
import { gql } from '../graphql.ts';

export const helplineChannels = ['PHONE', 'SMS', 'CHAT', 'EMAIL', 'APP'] as const;

export interface Helpline {
  id: string;
  number: string;
  name: string;
  description: string | null;
  hours: string | null;
  free: boolean;
  cost: string | null;
  channels: string[];
  audience: string | null;
  website: string | null;
  openNow?: boolean | null;
}

const fields = 'id number name description hours free cost channels audience website openNow';

export const helplines: Pick<DataProvider, 'getList'> = {
  async getList(_resource, { pagination }) {
    const data = await gql<{ helplines: Helpline[] }>(`query Helplines { helplines { ${fields} } }`);
    const perPage = pagination?.perPage ?? 50;
    const start = ((pagination?.page ?? 1) - 1) * perPage;
    return { data: data.helplines.slice(start, start + perPage) as never[], total: data.helplines.length };
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
  const data = await gql<{ saveHelpline: Helpline }>(
    `mutation SaveHelpline($input: HelplineInput!) { saveHelpline(input: $input) { ${fields} } }`,
    { input },
  );
  return data.saveHelpline;
}

/** Removes a helpline for good (the server answers false when the id is unknown). */
export async function deleteHelpline(id: string): Promise<boolean> {
  const data = await gql<{ deleteHelpline: boolean }>(
    `mutation DeleteHelpline($id: String!) { deleteHelpline(id: $id) }`,
    { id },
  );
  return data.deleteHelpline;
}
