// The four operations this client sends. `pnpm codegen` checks each against the schema and
// types its variables and result (src/gql/); a field renamed or removed fails the typecheck.
import { graphql } from './gql/index.ts';

graphql(`
  fragment StructureSummary on Structure {
    id name kind city postalCode departmentCode phone website services openingHours stale
    location { lat lon precision }
  }
`);

/** The nearest structures to a point, nearest first, with their distance in km. */
export const nearestHelp = graphql(`
  query NearestHelp($near: GeoPointInput!, $radiusKm: Float, $first: Int!) {
    structures(near: $near, radiusKm: $radiusKm, first: $first) {
      totalCount
      edges { distanceKm node { ...StructureSummary } }
    }
  }
`);

/** A department's structures, optionally matching a search (French, accent-insensitive), page by page. */
export const departmentStructures = graphql(`
  query DepartmentStructures($departmentCode: String!, $search: String, $first: Int!, $after: String) {
    structures(filter: { departmentCode: $departmentCode, search: $search }, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...StructureSummary } }
    }
  }
`);

/** One structure, null when unknown or hidden from this caller (the API does not tell which). */
export const structureById = graphql(`
  query StructureById($id: ID!) {
    structure(id: $id) {
      ...StructureSummary
      description email
      address { street postalCode city }
      notices { kind message startsOn endsOn }
    }
  }
`);

/** The national helplines, with whether each is open now (Paris time). */
export const helplines = graphql(`
  query Helplines {
    helplines { id number name hours free cost channels openNow website }
  }
`);
