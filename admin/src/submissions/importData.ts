// The data·inclusion import: both files sent as text in a JSON POST (the API reads up to 8 MB
// from moderators), answered with what became of each record.

import type { ImportDataInclusionMutation } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';

export type ImportReport = ImportDataInclusionMutation['importDataInclusion'];
export type ImportProblem = ImportReport['problems'][number];

/** What the API reads from a moderator in one request (api/src/http/body.ts). */
export const maxImportBytes = 8 * 1024 * 1024;

const mutation = graphql(`mutation ImportDataInclusion($structures: String!, $services: String!) {
  importDataInclusion(structures: $structures, services: $services) {
    created corrections unchanged invalid
    records { index sourceId outcome duplicateOf }
    problems { file index field message key params } } }`);

export async function importDataInclusion(structures: string, services: string): Promise<ImportReport> {
  return (await request(mutation, { structures, services })).importDataInclusion;
}
