// What the back office asks about structures. The list asks only for its columns: a
// professional's read of a confidential structure's contact is audited, so it is read on its page.
export const listFields = `id name kind visibility city departmentCode services stale lastVerifiedAt`;

export const recordFields = `${listFields} description postalCode phone email website openingHours
  location { lat lon precision } address { street postalCode city }
  professionalContact { name phone email } internalNotes`;

// `near` and `radiusKm` come from the "near a place" filter; with them the order is nearest first.
const listArgs = '$first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float';
const listParams = 'first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm';

export const structuresQuery = `query Structures(${listArgs}) {
  structures(${listParams}) {
    totalCount pageInfo { hasNextPage endCursor } edges { distanceKm node { ${listFields} } } } }`;

/** The list with locations, for the map. */
export const structuresMapQuery = `query StructuresMap(${listArgs}) {
  structures(${listParams}) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { distanceKm node { ${listFields} location { lat lon precision } } } } }`;

export const placesQuery = `query Places($search: String!) {
  places(search: $search, first: 10) { inseeCode name postalCodes departmentCode departmentName centre { lat lon } centreSource } }`;

export const createMutation = `mutation CreateStructure($input: StructureInput!) {
  createStructure(input: $input) { revision structure { ${recordFields} } } }`;

/** Only the cursors: to reach page N without loading the rows before it. */
export const cursorQuery = `query StructureCursor(${listArgs}) {
  structures(${listParams}) { pageInfo { hasNextPage endCursor } } }`;

export const structureQuery = `query Structure($id: ID!) { structure(id: $id) { ${recordFields} } }`;

export const updateMutation = `mutation UpdateStructure($id: ID!, $input: StructurePatch!) {
  updateStructure(id: $id, input: $input) { revision structure { ${recordFields} } } }`;
