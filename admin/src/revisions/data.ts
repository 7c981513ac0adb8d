// A structure's revisions (moderators), newest first; restore one; mark the listing verified.
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';
import type { Handlers } from '../handlers.ts';
import { forgetStructureCursors } from '../structures/data.ts';

const revisionsQuery = graphql(`
  query Revisions($structureId: ID!) {
    revisions(structureId: $structureId) { id number at action actorId submissionId changes { field before after } }
  }
`);

const restoreMutation = graphql(`mutation RestoreRevision($id: ID!) { restoreRevision(id: $id) { revision } }`);

const markVerifiedMutation = graphql(`mutation MarkVerified($id: ID!) { markVerified(id: $id) { revision } }`);

export const revisions: Pick<Handlers, 'getManyReference'> = {
  async getManyReference(_resource, { id }) {
    const data = await request(revisionsQuery, { structureId: String(id) });
    return { data: data.revisions, total: data.revisions.length };
  },
};

export async function restoreRevision(id: string): Promise<number> {
  const data = await request(restoreMutation, { id });
  forgetStructureCursors();
  return data.restoreRevision.revision;
}

export async function markVerified(id: string): Promise<void> {
  await request(markVerifiedMutation, { id });
  forgetStructureCursors();
}
