// What the back office asks about structures. The list asks only for its columns: a
// professional's read of a confidential structure's contact is audited, so it is read on its page.
import { graphql } from '../gql/index.ts';

graphql(`
  fragment StructureListFields on Structure {
    id name kind visibility city departmentCode services stale lastVerifiedAt
  }
`);

graphql(`
  fragment StructureRecordFields on Structure {
    ...StructureListFields description postalCode phone email website openingHours
    location { lat lon precision } address { street postalCode city }
    professionalContact { name phone email } internalNotes
  }
`);

// `near` and `radiusKm` come from the "near a place" filter; with them the order is nearest first.
export const structuresQuery = graphql(`
  query Structures($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {
    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {
      totalCount pageInfo { hasNextPage endCursor } edges { distanceKm node { ...StructureListFields } }
    }
  }
`);

/** The list with locations, for the map. */
export const structuresMapQuery = graphql(`
  query StructuresMap($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {
    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { distanceKm node { ...StructureListFields location { lat lon precision } } }
    }
  }
`);

/** Only the cursors: to reach page N without loading the rows before it. */
export const cursorQuery = graphql(`
  query StructureCursor($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {
    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const placesQuery = graphql(`
  query Places($search: String!) {
    places(search: $search, first: 10) {
      inseeCode name postalCodes departmentCode departmentName centre { lat lon } centreSource
    }
  }
`);

export const structureQuery = graphql(`query Structure($id: ID!) { structure(id: $id) { ...StructureRecordFields } }`);

/** One row of the list by id (react-admin's getMany: the few chosen in a filter or a reference). */
export const structureRowQuery = graphql(
  `query StructureRow($id: ID!) { structure(id: $id) { ...StructureListFields } }`,
);

export const createMutation = graphql(`
  mutation CreateStructure($input: StructureInput!) {
    createStructure(input: $input) { revision structure { ...StructureRecordFields } }
  }
`);

export const updateMutation = graphql(`
  mutation UpdateStructure($id: ID!, $input: StructurePatch!) {
    updateStructure(id: $id, input: $input) { revision structure { ...StructureRecordFields } }
  }
`);
