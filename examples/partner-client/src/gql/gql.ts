/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment StructureSummary on Structure {\n    id name kind city postalCode departmentCode phone website services openingHours stale\n    location { lat lon precision }\n  }\n": typeof types.StructureSummaryFragmentDoc,
    "\n  query NearestHelp($near: GeoPointInput!, $radiusKm: Float, $first: Int!) {\n    structures(near: $near, radiusKm: $radiusKm, first: $first) {\n      totalCount\n      edges { distanceKm node { ...StructureSummary } }\n    }\n  }\n": typeof types.NearestHelpDocument,
    "\n  query DepartmentStructures($departmentCode: String!, $search: String, $first: Int!, $after: String) {\n    structures(filter: { departmentCode: $departmentCode, search: $search }, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...StructureSummary } }\n    }\n  }\n": typeof types.DepartmentStructuresDocument,
    "\n  query StructureById($id: ID!) {\n    structure(id: $id) {\n      ...StructureSummary\n      description email\n      address { street postalCode city }\n      notices { kind message startsOn endsOn }\n    }\n  }\n": typeof types.StructureByIdDocument,
    "\n  query Helplines {\n    helplines { id number name hours free cost channels openNow website }\n  }\n": typeof types.HelplinesDocument,
};
const documents: Documents = {
    "\n  fragment StructureSummary on Structure {\n    id name kind city postalCode departmentCode phone website services openingHours stale\n    location { lat lon precision }\n  }\n": types.StructureSummaryFragmentDoc,
    "\n  query NearestHelp($near: GeoPointInput!, $radiusKm: Float, $first: Int!) {\n    structures(near: $near, radiusKm: $radiusKm, first: $first) {\n      totalCount\n      edges { distanceKm node { ...StructureSummary } }\n    }\n  }\n": types.NearestHelpDocument,
    "\n  query DepartmentStructures($departmentCode: String!, $search: String, $first: Int!, $after: String) {\n    structures(filter: { departmentCode: $departmentCode, search: $search }, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...StructureSummary } }\n    }\n  }\n": types.DepartmentStructuresDocument,
    "\n  query StructureById($id: ID!) {\n    structure(id: $id) {\n      ...StructureSummary\n      description email\n      address { street postalCode city }\n      notices { kind message startsOn endsOn }\n    }\n  }\n": types.StructureByIdDocument,
    "\n  query Helplines {\n    helplines { id number name hours free cost channels openNow website }\n  }\n": types.HelplinesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StructureSummary on Structure {\n    id name kind city postalCode departmentCode phone website services openingHours stale\n    location { lat lon precision }\n  }\n"): typeof import('./graphql').StructureSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NearestHelp($near: GeoPointInput!, $radiusKm: Float, $first: Int!) {\n    structures(near: $near, radiusKm: $radiusKm, first: $first) {\n      totalCount\n      edges { distanceKm node { ...StructureSummary } }\n    }\n  }\n"): typeof import('./graphql').NearestHelpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentStructures($departmentCode: String!, $search: String, $first: Int!, $after: String) {\n    structures(filter: { departmentCode: $departmentCode, search: $search }, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...StructureSummary } }\n    }\n  }\n"): typeof import('./graphql').DepartmentStructuresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StructureById($id: ID!) {\n    structure(id: $id) {\n      ...StructureSummary\n      description email\n      address { street postalCode city }\n      notices { kind message startsOn endsOn }\n    }\n  }\n"): typeof import('./graphql').StructureByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Helplines {\n    helplines { id number name hours free cost channels openNow website }\n  }\n"): typeof import('./graphql').HelplinesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
