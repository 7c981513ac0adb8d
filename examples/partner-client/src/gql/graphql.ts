/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type GeoPointInput = {
  lat: number;
  lon: number;
};

export type HelplineChannel =
  | 'APP'
  | 'CHAT'
  | 'EMAIL'
  | 'PHONE'
  | 'SMS';

export type LocationPrecision =
  | 'APPROXIMATE'
  | 'EXACT';

export type NoticeKind =
  | 'CHANGED_HOURS'
  | 'CLOSURE'
  | 'MESSAGE';

export type ServiceCategory =
  | 'EDUCATION_INTEGRATION'
  | 'FAMILY_SUPPORT'
  | 'HEALTH'
  | 'LEGAL_AID'
  | 'LISTENING_SUPPORT'
  | 'OUTREACH'
  | 'PROFESSIONAL_TRAINING'
  | 'RESPITE'
  | 'SEXUAL_REPRODUCTIVE_HEALTH'
  | 'SHELTER';

export type StructureKind =
  | 'ASSOCIATION'
  | 'CHILD_WELFARE'
  | 'DAY_CENTRE'
  | 'HEALTH'
  | 'HELPLINE_SERVICE'
  | 'LEGAL_JUSTICE'
  | 'OTHER'
  | 'POLICE_GENDARMERIE'
  | 'RESPITE'
  | 'SHELTER';

export type StructureSummaryFragment = { id: string, name: string, kind: StructureKind, city: string | null, postalCode: string | null, departmentCode: string, phone: string | null, website: string | null, services: Array<ServiceCategory>, openingHours: string | null, stale: boolean, location: { lat: number, lon: number, precision: LocationPrecision } | null };

export type NearestHelpQueryVariables = Exact<{
  near: GeoPointInput;
  radiusKm?: number | null | undefined;
  first: number;
}>;


export type NearestHelpQuery = { structures: { totalCount: number, edges: Array<{ distanceKm: number | null, node: { id: string, name: string, kind: StructureKind, city: string | null, postalCode: string | null, departmentCode: string, phone: string | null, website: string | null, services: Array<ServiceCategory>, openingHours: string | null, stale: boolean, location: { lat: number, lon: number, precision: LocationPrecision } | null } }> } };

export type DepartmentStructuresQueryVariables = Exact<{
  departmentCode: string;
  search?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type DepartmentStructuresQuery = { structures: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, kind: StructureKind, city: string | null, postalCode: string | null, departmentCode: string, phone: string | null, website: string | null, services: Array<ServiceCategory>, openingHours: string | null, stale: boolean, location: { lat: number, lon: number, precision: LocationPrecision } | null } }> } };

export type StructureByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type StructureByIdQuery = { structure: { description: string | null, email: string | null, id: string, name: string, kind: StructureKind, city: string | null, postalCode: string | null, departmentCode: string, phone: string | null, website: string | null, services: Array<ServiceCategory>, openingHours: string | null, stale: boolean, address: { street: string | null, postalCode: string | null, city: string | null } | null, notices: Array<{ kind: NoticeKind, message: string, startsOn: string, endsOn: string | null }>, location: { lat: number, lon: number, precision: LocationPrecision } | null } | null };

export type HelplinesQueryVariables = Exact<{ [key: string]: never; }>;


export type HelplinesQuery = { helplines: Array<{ id: string, number: string, name: string, hours: string | null, free: boolean, cost: string | null, channels: Array<HelplineChannel>, openNow: boolean | null, website: string | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const StructureSummaryFragmentDoc = new TypedDocumentString(`
    fragment StructureSummary on Structure {
  id
  name
  kind
  city
  postalCode
  departmentCode
  phone
  website
  services
  openingHours
  stale
  location {
    lat
    lon
    precision
  }
}
    `, {"fragmentName":"StructureSummary"}) as unknown as TypedDocumentString<StructureSummaryFragment, unknown>;
export const NearestHelpDocument = new TypedDocumentString(`
    query NearestHelp($near: GeoPointInput!, $radiusKm: Float, $first: Int!) {
  structures(near: $near, radiusKm: $radiusKm, first: $first) {
    totalCount
    edges {
      distanceKm
      node {
        ...StructureSummary
      }
    }
  }
}
    fragment StructureSummary on Structure {
  id
  name
  kind
  city
  postalCode
  departmentCode
  phone
  website
  services
  openingHours
  stale
  location {
    lat
    lon
    precision
  }
}`) as unknown as TypedDocumentString<NearestHelpQuery, NearestHelpQueryVariables>;
export const DepartmentStructuresDocument = new TypedDocumentString(`
    query DepartmentStructures($departmentCode: String!, $search: String, $first: Int!, $after: String) {
  structures(
    filter: {departmentCode: $departmentCode, search: $search}
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...StructureSummary
      }
    }
  }
}
    fragment StructureSummary on Structure {
  id
  name
  kind
  city
  postalCode
  departmentCode
  phone
  website
  services
  openingHours
  stale
  location {
    lat
    lon
    precision
  }
}`) as unknown as TypedDocumentString<DepartmentStructuresQuery, DepartmentStructuresQueryVariables>;
export const StructureByIdDocument = new TypedDocumentString(`
    query StructureById($id: ID!) {
  structure(id: $id) {
    ...StructureSummary
    description
    email
    address {
      street
      postalCode
      city
    }
    notices {
      kind
      message
      startsOn
      endsOn
    }
  }
}
    fragment StructureSummary on Structure {
  id
  name
  kind
  city
  postalCode
  departmentCode
  phone
  website
  services
  openingHours
  stale
  location {
    lat
    lon
    precision
  }
}`) as unknown as TypedDocumentString<StructureByIdQuery, StructureByIdQueryVariables>;
export const HelplinesDocument = new TypedDocumentString(`
    query Helplines {
  helplines {
    id
    number
    name
    hours
    free
    cost
    channels
    openNow
    website
  }
}
    `) as unknown as TypedDocumentString<HelplinesQuery, HelplinesQueryVariables>;