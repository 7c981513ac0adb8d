// A structure's revisions (moderators), newest first; restore one; mark the listing verified.
import type { DataProvider } from 'react-admin';
import { gql } from '../graphql.ts';
import { forgetStructureCursors } from '../structures/data.ts';

const query = `query Revisions($structureId: ID!) {
  revisions(structureId: $structureId) { id number at action actorId submissionId changes { field before after } } }`;

export const revisions: Pick<DataProvider, 'getManyReference'> = {
  async getManyReference(_resource, { id }) {
    const data = await gql<{ revisions: { id: string }[] }>(query, { structureId: String(id) });
    return { data: data.revisions as never[], total: data.revisions.length };
  },
};

export async function restoreRevision(id: string): Promise<number> {
  const data = await gql<{ restoreRevision: { revision: number } }>(
    'mutation RestoreRevision($id: ID!) { restoreRevision(id: $id) { revision } }',
    { id },
  );
  forgetStructureCursors();
  return data.restoreRevision.revision;
}

export async function markVerified(id: string): Promise<void> {
  await gql('mutation MarkVerified($id: ID!) { markVerified(id: $id) { revision } }', { id });
  forgetStructureCursors();
}
