/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AccessMode =
  | 'BY_PHONE'
  | 'REFERRAL_ONLY'
  | 'REMOTE'
  | 'WALK_IN';

/** EXPIRED: vetting lapsed (12 months); the account then sees what an anonymous caller sees. */
export type AccountStatus =
  | 'EXPIRED'
  | 'PENDING'
  | 'REJECTED'
  | 'REVOKED'
  | 'VETTED';

export type AddressPatchInput = {
  city?: string | null | undefined;
  complement?: string | null | undefined;
  inseeCode?: string | null | undefined;
  postalCode?: string | null | undefined;
  street?: string | null | undefined;
};

export type AuditAction =
  | 'API_KEY_CREATED'
  | 'API_KEY_REVOKED'
  | 'CONFIDENTIAL_READ'
  | 'EMAIL_VERIFIED'
  | 'HELPLINE_CHANGED'
  | 'LOGIN_FAILURE_BURST'
  | 'PASSWORD_RESET'
  | 'PROFESSIONAL_APPROVED'
  | 'PROFESSIONAL_REJECTED'
  | 'PROFESSIONAL_REVOKED'
  | 'REFERRAL_READ'
  | 'SCALE_PUBLISHED'
  | 'STAFF_REVOKED'
  | 'USER_CREATED';

export type AuditFilter = {
  actions?: Array<AuditAction> | null | undefined;
  actorId?: string | number | null | undefined;
  from?: string | null | undefined;
  structureId?: string | number | null | undefined;
  subjectUserId?: string | number | null | undefined;
  to?: string | null | undefined;
};

export type ContactInput = {
  email?: string | null | undefined;
  name?: string | null | undefined;
  /** E.164. */
  phone?: string | null | undefined;
};

export type FirstAdminInput = {
  email: string;
  name: string;
  password: string;
  /** The code printed in the server’s log at start-up. */
  setupCode: string;
};

export type Gender =
  | 'ANY'
  | 'BOYS'
  | 'GIRLS';

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

/** A helpline as admins write it; `id` (slug) names it: saving an existing id updates it. */
export type HelplineInput = {
  audience?: string | null | undefined;
  channels: Array<HelplineChannel>;
  cost?: string | null | undefined;
  description?: string | null | undefined;
  free: boolean;
  /** OpenStreetMap opening_hours syntax. */
  hours?: string | null | undefined;
  /** Short stable id, e.g. "119". */
  id: string;
  name: string;
  number: string;
  website?: string | null | undefined;
};

export type ImportFile =
  | 'SERVICES'
  | 'STRUCTURES';

export type ImportOutcome =
  /** Duplicates a listing: queued as a correction of it. */
  | 'CORRECTION'
  /** Skipped: see problems. */
  | 'INVALID'
  /** Queued as a new listing. */
  | 'NEW_STRUCTURE'
  /** Already imported, or the listing it duplicates already says it all. */
  | 'UNCHANGED';

/** Language of the mails we send: FR (default) or EN. */
export type Language =
  | 'EN'
  | 'FR';

export type LocationPrecision =
  | 'APPROXIMATE'
  | 'EXACT';

export type Mobiliser =
  | 'FAMILIES'
  | 'PROFESSIONALS'
  | 'YOUNG_PEOPLE';

export type NoticeInput = {
  /** YYYY-MM-DD; open-ended when absent. */
  endsOn?: string | null | undefined;
  kind: NoticeKind;
  message: string;
  /** YYYY-MM-DD. */
  startsOn: string;
};

export type NoticeKind =
  | 'CHANGED_HOURS'
  | 'CLOSURE'
  | 'MESSAGE';

export type PlaceCentreSource =
  /** The commune's own centre (GeoNames). */
  | 'COMMUNE'
  /** Approximate: the middle of the commune's intercommunality (EPCI) members that have a centre of their own. */
  | 'SAME_EPCI'
  /** GeoNames lacks this commune: the centre of a commune sharing one of its postal codes. */
  | 'SAME_POSTAL_CODE';

export type PostalAddressInput = {
  city: string;
  complement?: string | null | undefined;
  /** INSEE code of the commune (found from the postal code when absent). */
  inseeCode?: string | null | undefined;
  postalCode: string;
  street?: string | null | undefined;
};

/** EXPIRING: vetted, ending within 30 days. */
export type ProfessionalStatus =
  | 'EXPIRED'
  | 'EXPIRING'
  | 'PENDING'
  | 'REJECTED'
  | 'REVOKED'
  | 'VETTED';

export type ReferralBox =
  | 'INBOX'
  | 'SENT';

export type ReferralStatus =
  | 'ACKNOWLEDGED'
  | 'CLOSED'
  | 'SENT';

export type ReportReason =
  | 'CLOSED'
  | 'OTHER'
  | 'WRONG_ADDRESS'
  | 'WRONG_HOURS'
  | 'WRONG_PHONE';

export type RevisionAction =
  | 'ARCHIVE'
  | 'CREATE'
  | 'IMPORT'
  | 'RESTORE'
  | 'SUBMISSION'
  | 'UPDATE'
  | 'VERIFY';

export type Role =
  | 'ADMIN'
  | 'MODERATOR'
  | 'PROFESSIONAL';

/** Mildest first. */
export type ScaleBand =
  | 'BLACK'
  | 'GREEN'
  | 'ORANGE'
  | 'RED';

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

/** A moderator or admin account, created by an admin with a first password to hand over. */
export type StaffAccountInput = {
  email: string;
  name: string;
  password: string;
  role: Role;
};

export type StructureFilter = {
  departmentCode?: string | null | undefined;
  kinds?: Array<StructureKind> | null | undefined;
  /** Only listings not verified for six months, or never. */
  needsVerification?: boolean | null | undefined;
  /** Open now in Europe/Paris time, public holidays and closures included. */
  openNow?: boolean | null | undefined;
  postalCode?: string | null | undefined;
  regionCode?: string | null | undefined;
  /** French full-text search, accent-insensitive, on names, cities and descriptions. */
  search?: string | null | undefined;
  services?: Array<ServiceCategory> | null | undefined;
  /** Moderators only: list these statuses instead of ONLINE (drafts, archives, closed). */
  statuses?: Array<StructureStatus> | null | undefined;
  /** Only listings whose fields you may see changed at or after this time (a change of a field hidden from you does not count). Listings that left your view are not here: `structureChanges` gives them as removals, for apps that keep a copy. */
  updatedSince?: string | null | undefined;
  /** Only these visibilities, among the structures the viewer may list. */
  visibilities?: Array<Visibility> | null | undefined;
};

/** A whole structure. Without location, the geocoder (when configured) finds it from the address. */
export type StructureInput = {
  accessModes?: Array<AccessMode> | null | undefined;
  accessibility?: string | null | undefined;
  address: PostalAddressInput;
  ageMax?: number | null | undefined;
  ageMin?: number | null | undefined;
  capacityPlaces?: number | null | undefined;
  /** Found from the postal code when absent. */
  departmentCode?: string | null | undefined;
  description?: string | null | undefined;
  email?: string | null | undefined;
  finess?: string | null | undefined;
  gender?: Gender | null | undefined;
  intakeCriteria?: string | null | undefined;
  internalNotes?: string | null | undefined;
  kind: StructureKind;
  languages?: Array<string> | null | undefined;
  location?: GeoPointInput | null | undefined;
  mobilisers?: Array<Mobiliser> | null | undefined;
  name: string;
  notices?: Array<NoticeInput> | null | undefined;
  /** OpenStreetMap opening_hours syntax. */
  openingHours?: string | null | undefined;
  /** E.164. */
  phone?: string | null | undefined;
  professionalContact?: ContactInput | null | undefined;
  servedDepartments?: Array<string> | null | undefined;
  servedRegions?: Array<string> | null | undefined;
  servesNationwide?: boolean | null | undefined;
  services: Array<ServiceCategory>;
  siret?: string | null | undefined;
  situations?: Array<string> | null | undefined;
  /** ONLINE by default. */
  status?: StructureStatus | null | undefined;
  visibility: Visibility;
  website?: string | null | undefined;
};

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

/** Changes: absent fields stay; null clears an optional field. */
export type StructurePatch = {
  accessModes?: Array<AccessMode> | null | undefined;
  accessibility?: string | null | undefined;
  address?: AddressPatchInput | null | undefined;
  ageMax?: number | null | undefined;
  ageMin?: number | null | undefined;
  capacityPlaces?: number | null | undefined;
  departmentCode?: string | null | undefined;
  description?: string | null | undefined;
  email?: string | null | undefined;
  finess?: string | null | undefined;
  gender?: Gender | null | undefined;
  intakeCriteria?: string | null | undefined;
  internalNotes?: string | null | undefined;
  kind?: StructureKind | null | undefined;
  languages?: Array<string> | null | undefined;
  location?: GeoPointInput | null | undefined;
  mobilisers?: Array<Mobiliser> | null | undefined;
  name?: string | null | undefined;
  notices?: Array<NoticeInput> | null | undefined;
  /** OpenStreetMap opening_hours syntax. */
  openingHours?: string | null | undefined;
  /** E.164. */
  phone?: string | null | undefined;
  professionalContact?: ContactInput | null | undefined;
  servedDepartments?: Array<string> | null | undefined;
  servedRegions?: Array<string> | null | undefined;
  servesNationwide?: boolean | null | undefined;
  services?: Array<ServiceCategory> | null | undefined;
  siret?: string | null | undefined;
  situations?: Array<string> | null | undefined;
  status?: StructureStatus | null | undefined;
  visibility?: Visibility | null | undefined;
  website?: string | null | undefined;
};

export type StructureStatus =
  | 'CLOSED'
  | 'DRAFT'
  | 'OFFLINE'
  | 'ONLINE';

export type SubmissionKind =
  | 'CORRECTION'
  | 'NEW_STRUCTURE'
  | 'REPORT';

export type SubmissionStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

export type Urgency =
  | 'ROUTINE'
  | 'SOON'
  | 'URGENT';

export type Visibility =
  | 'CONFIDENTIAL'
  | 'PUBLIC'
  | 'RESTRICTED';

export type VerifyEmailMutationVariables = Exact<{
  t: string;
}>;


export type VerifyEmailMutation = { verifyEmail: boolean };

export type RequestResetMutationVariables = Exact<{
  e: string;
  l?: Language | null | undefined;
}>;


export type RequestResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  t: string;
  p: string;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type NeedsFirstAdminQueryVariables = Exact<{ [key: string]: never; }>;


export type NeedsFirstAdminQuery = { needsFirstAdmin: boolean };

export type CreateFirstAdminMutationVariables = Exact<{
  input: FirstAdminInput;
}>;


export type CreateFirstAdminMutation = { createFirstAdmin: boolean };

export type AccountFieldsFragment = { id: string, email: string, name: string, role: Role };

export type AccountsQueryVariables = Exact<{
  search: string;
}>;


export type AccountsQuery = { accounts: Array<{ id: string, email: string, name: string, role: Role }> };

export type AccountQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountQuery = { account: { id: string, email: string, name: string, role: Role } | null };

export type ApiKeyFieldsFragment = { id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, usageCount: number, revokedAt: string | null };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, usageCount: number, revokedAt: string | null }> };

export type CreateApiKeyMutationVariables = Exact<{
  name: string;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, usageCount: number, revokedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, usageCount: number, revokedAt: string | null } } };

export type AuditEntryFieldsFragment = { id: string, at: string, action: AuditAction, actorId: string | null, apiKeyId: string | null, subjectUserId: string | null, structureId: string | null, fields: Array<string>, count: number, structure: { id: string, name: string } | null, actor: { id: string, email: string, name: string, role: Role } | null, subjectUser: { id: string, email: string, name: string, role: Role } | null };

export type AuditLogQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: AuditFilter | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, action: AuditAction, actorId: string | null, apiKeyId: string | null, subjectUserId: string | null, structureId: string | null, fields: Array<string>, count: number, structure: { id: string, name: string } | null, actor: { id: string, email: string, name: string, role: Role } | null, subjectUser: { id: string, email: string, name: string, role: Role } | null } }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, email: string, name: string, role: Role, status: AccountStatus, structures: Array<{ id: string, name: string }> } | null };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { viewer: { id: string } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { submissions: { totalCount: number }, structures: { totalCount: number }, coverageGaps: Array<{ code: string, name: string }> };

export type HelplineFieldsFragment = { id: string, number: string, name: string, description: string | null, hours: string | null, free: boolean, cost: string | null, channels: Array<HelplineChannel>, audience: string | null, website: string | null, openNow: boolean | null };

export type HelplinesQueryVariables = Exact<{ [key: string]: never; }>;


export type HelplinesQuery = { helplines: Array<{ id: string, number: string, name: string, description: string | null, hours: string | null, free: boolean, cost: string | null, channels: Array<HelplineChannel>, audience: string | null, website: string | null, openNow: boolean | null }> };

export type SaveHelplineMutationVariables = Exact<{
  input: HelplineInput;
}>;


export type SaveHelplineMutation = { saveHelpline: { id: string, number: string, name: string, description: string | null, hours: string | null, free: boolean, cost: string | null, channels: Array<HelplineChannel>, audience: string | null, website: string | null, openNow: boolean | null } };

export type DeleteHelplineMutationVariables = Exact<{
  id: string;
}>;


export type DeleteHelplineMutation = { deleteHelpline: boolean };

export type StaffAccountFieldsFragment = { id: string, name: string, email: string, role: Role, status: AccountStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null };

export type StaffAccountsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  status?: ProfessionalStatus | null | undefined;
}>;


export type StaffAccountsQuery = { staffAccounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, email: string, role: Role, status: AccountStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null } }> } };

export type CreateStaffAccountMutationVariables = Exact<{
  input: StaffAccountInput;
}>;


export type CreateStaffAccountMutation = { createStaffAccount: { user: { id: string, name: string, email: string, role: Role, status: AccountStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null } } };

export type RevokeStaffAccountMutationVariables = Exact<{
  userId: string | number;
  reason: string;
}>;


export type RevokeStaffAccountMutation = { revokeStaffAccount: { user: { id: string, name: string, email: string, role: Role, status: AccountStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null } } };

export type ProfessionalFieldsFragment = { id: string, name: string, email: string, organisation: string | null, jobTitle: string | null, justification: string | null, status: AccountStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null, vettedAt: string | null, vettedUntil: string | null, vettingNote: string | null, claimedStructure: { id: string, name: string, city: string | null, visibility: Visibility } | null };

export type ProfessionalsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  status?: ProfessionalStatus | null | undefined;
}>;


export type ProfessionalsQuery = { professionals: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, email: string, organisation: string | null, jobTitle: string | null, justification: string | null, status: AccountStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null, vettedAt: string | null, vettedUntil: string | null, vettingNote: string | null, claimedStructure: { id: string, name: string, city: string | null, visibility: Visibility } | null } }> } };

export type ApproveProfessionalMutationVariables = Exact<{
  userId: string | number;
  text: string;
}>;


export type ApproveProfessionalMutation = { result: { user: { id: string, name: string, email: string, organisation: string | null, jobTitle: string | null, justification: string | null, status: AccountStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null, vettedAt: string | null, vettedUntil: string | null, vettingNote: string | null, claimedStructure: { id: string, name: string, city: string | null, visibility: Visibility } | null } } };

export type RejectProfessionalMutationVariables = Exact<{
  userId: string | number;
  text: string;
}>;


export type RejectProfessionalMutation = { result: { user: { id: string, name: string, email: string, organisation: string | null, jobTitle: string | null, justification: string | null, status: AccountStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null, vettedAt: string | null, vettedUntil: string | null, vettingNote: string | null, claimedStructure: { id: string, name: string, city: string | null, visibility: Visibility } | null } } };

export type RevokeProfessionalMutationVariables = Exact<{
  userId: string | number;
  text: string;
}>;


export type RevokeProfessionalMutation = { result: { user: { id: string, name: string, email: string, organisation: string | null, jobTitle: string | null, justification: string | null, status: AccountStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null, vettedAt: string | null, vettedUntil: string | null, vettingNote: string | null, claimedStructure: { id: string, name: string, city: string | null, visibility: Visibility } | null } } };

export type ReferralFieldsFragment = { id: string, direction: ReferralBox, urgency: Urgency, status: ReferralStatus, message: string, createdAt: string, acknowledgedAt: string | null, closedAt: string | null, purgeAt: string, fromStructure: { id: string, name: string } | null, toStructure: { id: string, name: string } | null };

export type ReferralsQueryVariables = Exact<{
  box?: ReferralBox | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ReferralsQuery = { referrals: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, direction: ReferralBox, urgency: Urgency, status: ReferralStatus, message: string, createdAt: string, acknowledgedAt: string | null, closedAt: string | null, purgeAt: string, fromStructure: { id: string, name: string } | null, toStructure: { id: string, name: string } | null } }> } };

export type AcknowledgeReferralMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeReferralMutation = { acknowledgeReferral: { referral: { id: string, direction: ReferralBox, urgency: Urgency, status: ReferralStatus, message: string, createdAt: string, acknowledgedAt: string | null, closedAt: string | null, purgeAt: string, fromStructure: { id: string, name: string } | null, toStructure: { id: string, name: string } | null } } };

export type CloseReferralMutationVariables = Exact<{
  id: string | number;
}>;


export type CloseReferralMutation = { closeReferral: { referral: { id: string, direction: ReferralBox, urgency: Urgency, status: ReferralStatus, message: string, createdAt: string, acknowledgedAt: string | null, closedAt: string | null, purgeAt: string, fromStructure: { id: string, name: string } | null, toStructure: { id: string, name: string } | null } } };

export type SendReferralMutationVariables = Exact<{
  toStructureId: string | number;
  fromStructureId?: string | number | null | undefined;
  message: string;
  urgency: Urgency;
}>;


export type SendReferralMutation = { sendReferral: { referral: { id: string, direction: ReferralBox, urgency: Urgency, status: ReferralStatus, message: string, createdAt: string, acknowledgedAt: string | null, closedAt: string | null, purgeAt: string, fromStructure: { id: string, name: string } | null, toStructure: { id: string, name: string } | null } } };

export type RevisionsQueryVariables = Exact<{
  structureId: string | number;
}>;


export type RevisionsQuery = { revisions: Array<{ id: string, number: number, at: string, action: RevisionAction, actorId: string | null, submissionId: string | null, changes: Array<{ field: string, before: unknown, after: unknown }> }> };

export type RestoreRevisionMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreRevisionMutation = { restoreRevision: { revision: number } };

export type MarkVerifiedMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkVerifiedMutation = { markVerified: { revision: number } };

export type ScaleFieldsFragment = { version: number, publishedAt: string, bands: Array<{ band: ScaleBand, helplineIds: Array<string>, label: { fr: string, en: string }, advice: { fr: string, en: string }, helplines: Array<{ id: string }> }>, items: Array<{ id: string, band: ScaleBand, text: { fr: string, en: string } }> };

export type SelfAssessmentScaleQueryVariables = Exact<{ [key: string]: never; }>;


export type SelfAssessmentScaleQuery = { selfAssessmentScale: { version: number, publishedAt: string, bands: Array<{ band: ScaleBand, helplineIds: Array<string>, label: { fr: string, en: string }, advice: { fr: string, en: string }, helplines: Array<{ id: string }> }>, items: Array<{ id: string, band: ScaleBand, text: { fr: string, en: string } }> } };

export type PublishSelfAssessmentScaleMutationVariables = Exact<{
  content: unknown;
  expectedVersion?: number | null | undefined;
}>;


export type PublishSelfAssessmentScaleMutation = { publishSelfAssessmentScale: { version: number, publishedAt: string, bands: Array<{ band: ScaleBand, helplineIds: Array<string>, label: { fr: string, en: string }, advice: { fr: string, en: string }, helplines: Array<{ id: string }> }>, items: Array<{ id: string, band: ScaleBand, text: { fr: string, en: string } }> } };

export type StructureListFieldsFragment = { id: string, name: string, kind: StructureKind, visibility: Visibility, city: string | null, departmentCode: string, services: Array<ServiceCategory>, stale: boolean, lastVerifiedAt: string | null };

export type StructureRecordFieldsFragment = { description: string | null, postalCode: string | null, phone: string | null, email: string | null, website: string | null, openingHours: string | null, internalNotes: string | null, id: string, name: string, kind: StructureKind, visibility: Visibility, city: string | null, departmentCode: string, services: Array<ServiceCategory>, stale: boolean, lastVerifiedAt: string | null, location: { lat: number, lon: number, precision: LocationPrecision } | null, address: { street: string | null, postalCode: string | null, city: string | null } | null, professionalContact: { name: string | null, phone: string | null, email: string | null } | null };

export type StructuresQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: StructureFilter | null | undefined;
  near?: GeoPointInput | null | undefined;
  radiusKm?: number | null | undefined;
}>;


export type StructuresQuery = { structures: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ distanceKm: number | null, node: { id: string, name: string, kind: StructureKind, visibility: Visibility, city: string | null, departmentCode: string, services: Array<ServiceCategory>, stale: boolean, lastVerifiedAt: string | null } }> } };

export type StructuresMapQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: StructureFilter | null | undefined;
  near?: GeoPointInput | null | undefined;
  radiusKm?: number | null | undefined;
}>;


export type StructuresMapQuery = { structures: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ distanceKm: number | null, node: { id: string, name: string, kind: StructureKind, visibility: Visibility, city: string | null, departmentCode: string, services: Array<ServiceCategory>, stale: boolean, lastVerifiedAt: string | null, location: { lat: number, lon: number, precision: LocationPrecision } | null } }> } };

export type StructureCursorQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: StructureFilter | null | undefined;
  near?: GeoPointInput | null | undefined;
  radiusKm?: number | null | undefined;
}>;


export type StructureCursorQuery = { structures: { pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PlacesQueryVariables = Exact<{
  search: string;
}>;


export type PlacesQuery = { places: Array<{ inseeCode: string, name: string, postalCodes: Array<string>, departmentCode: string, departmentName: string, centreSource: PlaceCentreSource | null, centre: { lat: number, lon: number } | null }> };

export type StructureQueryVariables = Exact<{
  id: string | number;
}>;


export type StructureQuery = { structure: { description: string | null, postalCode: string | null, phone: string | null, email: string | null, website: string | null, openingHours: string | null, internalNotes: string | null, id: string, name: string, kind: StructureKind, visibility: Visibility, city: string | null, departmentCode: string, services: Array<ServiceCategory>, stale: boolean, lastVerifiedAt: string | null, location: { lat: number, lon: number, precision: LocationPrecision } | null, address: { street: string | null, postalCode: string | null, city: string | null } | null, professionalContact: { name: string | null, phone: string | null, email: string | null } | null } | null };

export type StructureRowQueryVariables = Exact<{
  id: string | number;
}>;


export type StructureRowQuery = { structure: { id: string, name: string, kind: StructureKind, visibility: Visibility, city: string | null, departmentCode: string, services: Array<ServiceCategory>, stale: boolean, lastVerifiedAt: string | null } | null };

export type CreateStructureMutationVariables = Exact<{
  input: StructureInput;
}>;


export type CreateStructureMutation = { createStructure: { revision: number, structure: { description: string | null, postalCode: string | null, phone: string | null, email: string | null, website: string | null, openingHours: string | null, internalNotes: string | null, id: string, name: string, kind: StructureKind, visibility: Visibility, city: string | null, departmentCode: string, services: Array<ServiceCategory>, stale: boolean, lastVerifiedAt: string | null, location: { lat: number, lon: number, precision: LocationPrecision } | null, address: { street: string | null, postalCode: string | null, city: string | null } | null, professionalContact: { name: string | null, phone: string | null, email: string | null } | null } } };

export type UpdateStructureMutationVariables = Exact<{
  id: string | number;
  input: StructurePatch;
}>;


export type UpdateStructureMutation = { updateStructure: { revision: number, structure: { description: string | null, postalCode: string | null, phone: string | null, email: string | null, website: string | null, openingHours: string | null, internalNotes: string | null, id: string, name: string, kind: StructureKind, visibility: Visibility, city: string | null, departmentCode: string, services: Array<ServiceCategory>, stale: boolean, lastVerifiedAt: string | null, location: { lat: number, lon: number, precision: LocationPrecision } | null, address: { street: string | null, postalCode: string | null, city: string | null } | null, professionalContact: { name: string | null, phone: string | null, email: string | null } | null } } };

export type SubmissionFieldsFragment = { id: string, kind: SubmissionKind, status: SubmissionStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null, departmentCode: string | null, comment: string | null, reason: ReportReason | null, revision: number | null, submitterContact: unknown, proposed: unknown, conflicts: Array<string> | null, changes: Array<{ field: string, before: unknown, after: unknown }> | null, structure: { id: string, name: string } | null };

export type SubmissionsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  status?: SubmissionStatus | null | undefined;
  kinds?: Array<SubmissionKind> | SubmissionKind | null | undefined;
  departmentCode?: string | null | undefined;
  olderThanDays?: number | null | undefined;
}>;


export type SubmissionsQuery = { submissions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: SubmissionKind, status: SubmissionStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null, departmentCode: string | null, comment: string | null, reason: ReportReason | null, revision: number | null, submitterContact: unknown, proposed: unknown, conflicts: Array<string> | null, changes: Array<{ field: string, before: unknown, after: unknown }> | null, structure: { id: string, name: string } | null } }> } };

export type ApproveSubmissionMutationVariables = Exact<{
  id: string | number;
  overrideConflicts?: boolean | null | undefined;
}>;


export type ApproveSubmissionMutation = { approveSubmission: { submission: { id: string, kind: SubmissionKind, status: SubmissionStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null, departmentCode: string | null, comment: string | null, reason: ReportReason | null, revision: number | null, submitterContact: unknown, proposed: unknown, conflicts: Array<string> | null, changes: Array<{ field: string, before: unknown, after: unknown }> | null, structure: { id: string, name: string } | null } } };

export type RejectSubmissionMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectSubmissionMutation = { rejectSubmission: { submission: { id: string, kind: SubmissionKind, status: SubmissionStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null, departmentCode: string | null, comment: string | null, reason: ReportReason | null, revision: number | null, submitterContact: unknown, proposed: unknown, conflicts: Array<string> | null, changes: Array<{ field: string, before: unknown, after: unknown }> | null, structure: { id: string, name: string } | null } } };

export type ImportDataInclusionMutationVariables = Exact<{
  structures: string;
  services: string;
}>;


export type ImportDataInclusionMutation = { importDataInclusion: { created: number, corrections: number, unchanged: number, invalid: number, records: Array<{ index: number, sourceId: string | null, outcome: ImportOutcome, duplicateOf: string | null }>, problems: Array<{ file: ImportFile, index: number, field: string, message: string, key: string, params: unknown }> } };

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
export const AccountFieldsFragmentDoc = new TypedDocumentString(`
    fragment AccountFields on User {
  id
  email
  name
  role
}
    `, {"fragmentName":"AccountFields"}) as unknown as TypedDocumentString<AccountFieldsFragment, unknown>;
export const ApiKeyFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  usageCount
  revokedAt
}
    `, {"fragmentName":"ApiKeyFields"}) as unknown as TypedDocumentString<ApiKeyFieldsFragment, unknown>;
export const AuditEntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuditEntryFields on AuditEntry {
  id
  at
  action
  actorId
  apiKeyId
  subjectUserId
  structureId
  structure {
    id
    name
  }
  fields
  count
  actor {
    id
    email
    name
    role
  }
  subjectUser {
    id
    email
    name
    role
  }
}
    `, {"fragmentName":"AuditEntryFields"}) as unknown as TypedDocumentString<AuditEntryFieldsFragment, unknown>;
export const HelplineFieldsFragmentDoc = new TypedDocumentString(`
    fragment HelplineFields on Helpline {
  id
  number
  name
  description
  hours
  free
  cost
  channels
  audience
  website
  openNow
}
    `, {"fragmentName":"HelplineFields"}) as unknown as TypedDocumentString<HelplineFieldsFragment, unknown>;
export const StaffAccountFieldsFragmentDoc = new TypedDocumentString(`
    fragment StaffAccountFields on User {
  id
  name
  email
  role
  status
  createdAt
  decidedAt
  decisionReason
}
    `, {"fragmentName":"StaffAccountFields"}) as unknown as TypedDocumentString<StaffAccountFieldsFragment, unknown>;
export const ProfessionalFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProfessionalFields on User {
  id
  name
  email
  organisation
  jobTitle
  justification
  status
  createdAt
  decidedAt
  decisionReason
  vettedAt
  vettedUntil
  vettingNote
  claimedStructure {
    id
    name
    city
    visibility
  }
}
    `, {"fragmentName":"ProfessionalFields"}) as unknown as TypedDocumentString<ProfessionalFieldsFragment, unknown>;
export const ReferralFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReferralFields on Referral {
  id
  direction
  urgency
  status
  message
  fromStructure {
    id
    name
  }
  toStructure {
    id
    name
  }
  createdAt
  acknowledgedAt
  closedAt
  purgeAt
}
    `, {"fragmentName":"ReferralFields"}) as unknown as TypedDocumentString<ReferralFieldsFragment, unknown>;
export const ScaleFieldsFragmentDoc = new TypedDocumentString(`
    fragment ScaleFields on SelfAssessmentScale {
  version
  publishedAt
  bands {
    band
    label {
      fr
      en
    }
    advice {
      fr
      en
    }
    helplines {
      id
    }
    helplineIds
  }
  items {
    id
    band
    text {
      fr
      en
    }
  }
}
    `, {"fragmentName":"ScaleFields"}) as unknown as TypedDocumentString<ScaleFieldsFragment, unknown>;
export const StructureListFieldsFragmentDoc = new TypedDocumentString(`
    fragment StructureListFields on Structure {
  id
  name
  kind
  visibility
  city
  departmentCode
  services
  stale
  lastVerifiedAt
}
    `, {"fragmentName":"StructureListFields"}) as unknown as TypedDocumentString<StructureListFieldsFragment, unknown>;
export const StructureRecordFieldsFragmentDoc = new TypedDocumentString(`
    fragment StructureRecordFields on Structure {
  ...StructureListFields
  description
  postalCode
  phone
  email
  website
  openingHours
  location {
    lat
    lon
    precision
  }
  address {
    street
    postalCode
    city
  }
  professionalContact {
    name
    phone
    email
  }
  internalNotes
}
    fragment StructureListFields on Structure {
  id
  name
  kind
  visibility
  city
  departmentCode
  services
  stale
  lastVerifiedAt
}`, {"fragmentName":"StructureRecordFields"}) as unknown as TypedDocumentString<StructureRecordFieldsFragment, unknown>;
export const SubmissionFieldsFragmentDoc = new TypedDocumentString(`
    fragment SubmissionFields on Submission {
  id
  kind
  status
  createdAt
  decidedAt
  decisionReason
  departmentCode
  comment
  reason
  revision
  submitterContact
  proposed
  conflicts
  changes {
    field
    before
    after
  }
  structure {
    id
    name
  }
}
    `, {"fragmentName":"SubmissionFields"}) as unknown as TypedDocumentString<SubmissionFieldsFragment, unknown>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($t: String!) {
  verifyEmail(token: $t)
}
    `) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const RequestResetDocument = new TypedDocumentString(`
    mutation RequestReset($e: String!, $l: Language) {
  requestPasswordReset(email: $e, language: $l)
}
    `) as unknown as TypedDocumentString<RequestResetMutation, RequestResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($t: String!, $p: String!) {
  resetPassword(token: $t, password: $p)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const NeedsFirstAdminDocument = new TypedDocumentString(`
    query NeedsFirstAdmin {
  needsFirstAdmin
}
    `) as unknown as TypedDocumentString<NeedsFirstAdminQuery, NeedsFirstAdminQueryVariables>;
export const CreateFirstAdminDocument = new TypedDocumentString(`
    mutation CreateFirstAdmin($input: FirstAdminInput!) {
  createFirstAdmin(input: $input)
}
    `) as unknown as TypedDocumentString<CreateFirstAdminMutation, CreateFirstAdminMutationVariables>;
export const AccountsDocument = new TypedDocumentString(`
    query Accounts($search: String!) {
  accounts(search: $search, first: 20) {
    ...AccountFields
  }
}
    fragment AccountFields on User {
  id
  email
  name
  role
}`) as unknown as TypedDocumentString<AccountsQuery, AccountsQueryVariables>;
export const AccountDocument = new TypedDocumentString(`
    query Account($id: ID!) {
  account(id: $id) {
    ...AccountFields
  }
}
    fragment AccountFields on User {
  id
  email
  name
  role
}`) as unknown as TypedDocumentString<AccountQuery, AccountQueryVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  apiKeys {
    ...ApiKeyFields
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  usageCount
  revokedAt
}`) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($name: String!) {
  createApiKey(name: $name) {
    key
    apiKey {
      ...ApiKeyFields
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  usageCount
  revokedAt
}`) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    apiKey {
      ...ApiKeyFields
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  usageCount
  revokedAt
}`) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {
  auditLog(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...AuditEntryFields
      }
    }
  }
}
    fragment AuditEntryFields on AuditEntry {
  id
  at
  action
  actorId
  apiKeyId
  subjectUserId
  structureId
  structure {
    id
    name
  }
  fields
  count
  actor {
    id
    email
    name
    role
  }
  subjectUser {
    id
    email
    name
    role
  }
}`) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    email
    name
    role
    status
    structures {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password, transport: COOKIE) {
    viewer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard {
  submissions(status: PENDING, first: 1) {
    totalCount
  }
  structures(first: 1, filter: {needsVerification: true}) {
    totalCount
  }
  coverageGaps {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const HelplinesDocument = new TypedDocumentString(`
    query Helplines {
  helplines {
    ...HelplineFields
  }
}
    fragment HelplineFields on Helpline {
  id
  number
  name
  description
  hours
  free
  cost
  channels
  audience
  website
  openNow
}`) as unknown as TypedDocumentString<HelplinesQuery, HelplinesQueryVariables>;
export const SaveHelplineDocument = new TypedDocumentString(`
    mutation SaveHelpline($input: HelplineInput!) {
  saveHelpline(input: $input) {
    ...HelplineFields
  }
}
    fragment HelplineFields on Helpline {
  id
  number
  name
  description
  hours
  free
  cost
  channels
  audience
  website
  openNow
}`) as unknown as TypedDocumentString<SaveHelplineMutation, SaveHelplineMutationVariables>;
export const DeleteHelplineDocument = new TypedDocumentString(`
    mutation DeleteHelpline($id: String!) {
  deleteHelpline(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteHelplineMutation, DeleteHelplineMutationVariables>;
export const StaffAccountsDocument = new TypedDocumentString(`
    query StaffAccounts($first: Int!, $after: String, $status: ProfessionalStatus) {
  staffAccounts(first: $first, after: $after, status: $status) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...StaffAccountFields
      }
    }
  }
}
    fragment StaffAccountFields on User {
  id
  name
  email
  role
  status
  createdAt
  decidedAt
  decisionReason
}`) as unknown as TypedDocumentString<StaffAccountsQuery, StaffAccountsQueryVariables>;
export const CreateStaffAccountDocument = new TypedDocumentString(`
    mutation CreateStaffAccount($input: StaffAccountInput!) {
  createStaffAccount(input: $input) {
    user {
      ...StaffAccountFields
    }
  }
}
    fragment StaffAccountFields on User {
  id
  name
  email
  role
  status
  createdAt
  decidedAt
  decisionReason
}`) as unknown as TypedDocumentString<CreateStaffAccountMutation, CreateStaffAccountMutationVariables>;
export const RevokeStaffAccountDocument = new TypedDocumentString(`
    mutation RevokeStaffAccount($userId: ID!, $reason: String!) {
  revokeStaffAccount(userId: $userId, reason: $reason) {
    user {
      ...StaffAccountFields
    }
  }
}
    fragment StaffAccountFields on User {
  id
  name
  email
  role
  status
  createdAt
  decidedAt
  decisionReason
}`) as unknown as TypedDocumentString<RevokeStaffAccountMutation, RevokeStaffAccountMutationVariables>;
export const ProfessionalsDocument = new TypedDocumentString(`
    query Professionals($first: Int!, $after: String, $status: ProfessionalStatus) {
  professionals(first: $first, after: $after, status: $status) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ProfessionalFields
      }
    }
  }
}
    fragment ProfessionalFields on User {
  id
  name
  email
  organisation
  jobTitle
  justification
  status
  createdAt
  decidedAt
  decisionReason
  vettedAt
  vettedUntil
  vettingNote
  claimedStructure {
    id
    name
    city
    visibility
  }
}`) as unknown as TypedDocumentString<ProfessionalsQuery, ProfessionalsQueryVariables>;
export const ApproveProfessionalDocument = new TypedDocumentString(`
    mutation ApproveProfessional($userId: ID!, $text: String!) {
  result: approveProfessional(userId: $userId, note: $text) {
    user {
      ...ProfessionalFields
    }
  }
}
    fragment ProfessionalFields on User {
  id
  name
  email
  organisation
  jobTitle
  justification
  status
  createdAt
  decidedAt
  decisionReason
  vettedAt
  vettedUntil
  vettingNote
  claimedStructure {
    id
    name
    city
    visibility
  }
}`) as unknown as TypedDocumentString<ApproveProfessionalMutation, ApproveProfessionalMutationVariables>;
export const RejectProfessionalDocument = new TypedDocumentString(`
    mutation RejectProfessional($userId: ID!, $text: String!) {
  result: rejectProfessional(userId: $userId, reason: $text) {
    user {
      ...ProfessionalFields
    }
  }
}
    fragment ProfessionalFields on User {
  id
  name
  email
  organisation
  jobTitle
  justification
  status
  createdAt
  decidedAt
  decisionReason
  vettedAt
  vettedUntil
  vettingNote
  claimedStructure {
    id
    name
    city
    visibility
  }
}`) as unknown as TypedDocumentString<RejectProfessionalMutation, RejectProfessionalMutationVariables>;
export const RevokeProfessionalDocument = new TypedDocumentString(`
    mutation RevokeProfessional($userId: ID!, $text: String!) {
  result: revokeProfessional(userId: $userId, reason: $text) {
    user {
      ...ProfessionalFields
    }
  }
}
    fragment ProfessionalFields on User {
  id
  name
  email
  organisation
  jobTitle
  justification
  status
  createdAt
  decidedAt
  decisionReason
  vettedAt
  vettedUntil
  vettingNote
  claimedStructure {
    id
    name
    city
    visibility
  }
}`) as unknown as TypedDocumentString<RevokeProfessionalMutation, RevokeProfessionalMutationVariables>;
export const ReferralsDocument = new TypedDocumentString(`
    query Referrals($box: ReferralBox, $first: Int!, $after: String) {
  referrals(box: $box, first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ReferralFields
      }
    }
  }
}
    fragment ReferralFields on Referral {
  id
  direction
  urgency
  status
  message
  fromStructure {
    id
    name
  }
  toStructure {
    id
    name
  }
  createdAt
  acknowledgedAt
  closedAt
  purgeAt
}`) as unknown as TypedDocumentString<ReferralsQuery, ReferralsQueryVariables>;
export const AcknowledgeReferralDocument = new TypedDocumentString(`
    mutation AcknowledgeReferral($id: ID!) {
  acknowledgeReferral(id: $id) {
    referral {
      ...ReferralFields
    }
  }
}
    fragment ReferralFields on Referral {
  id
  direction
  urgency
  status
  message
  fromStructure {
    id
    name
  }
  toStructure {
    id
    name
  }
  createdAt
  acknowledgedAt
  closedAt
  purgeAt
}`) as unknown as TypedDocumentString<AcknowledgeReferralMutation, AcknowledgeReferralMutationVariables>;
export const CloseReferralDocument = new TypedDocumentString(`
    mutation CloseReferral($id: ID!) {
  closeReferral(id: $id) {
    referral {
      ...ReferralFields
    }
  }
}
    fragment ReferralFields on Referral {
  id
  direction
  urgency
  status
  message
  fromStructure {
    id
    name
  }
  toStructure {
    id
    name
  }
  createdAt
  acknowledgedAt
  closedAt
  purgeAt
}`) as unknown as TypedDocumentString<CloseReferralMutation, CloseReferralMutationVariables>;
export const SendReferralDocument = new TypedDocumentString(`
    mutation SendReferral($toStructureId: ID!, $fromStructureId: ID, $message: String!, $urgency: Urgency!) {
  sendReferral(
    toStructureId: $toStructureId
    fromStructureId: $fromStructureId
    message: $message
    urgency: $urgency
  ) {
    referral {
      ...ReferralFields
    }
  }
}
    fragment ReferralFields on Referral {
  id
  direction
  urgency
  status
  message
  fromStructure {
    id
    name
  }
  toStructure {
    id
    name
  }
  createdAt
  acknowledgedAt
  closedAt
  purgeAt
}`) as unknown as TypedDocumentString<SendReferralMutation, SendReferralMutationVariables>;
export const RevisionsDocument = new TypedDocumentString(`
    query Revisions($structureId: ID!) {
  revisions(structureId: $structureId) {
    id
    number
    at
    action
    actorId
    submissionId
    changes {
      field
      before
      after
    }
  }
}
    `) as unknown as TypedDocumentString<RevisionsQuery, RevisionsQueryVariables>;
export const RestoreRevisionDocument = new TypedDocumentString(`
    mutation RestoreRevision($id: ID!) {
  restoreRevision(id: $id) {
    revision
  }
}
    `) as unknown as TypedDocumentString<RestoreRevisionMutation, RestoreRevisionMutationVariables>;
export const MarkVerifiedDocument = new TypedDocumentString(`
    mutation MarkVerified($id: ID!) {
  markVerified(id: $id) {
    revision
  }
}
    `) as unknown as TypedDocumentString<MarkVerifiedMutation, MarkVerifiedMutationVariables>;
export const SelfAssessmentScaleDocument = new TypedDocumentString(`
    query SelfAssessmentScale {
  selfAssessmentScale {
    ...ScaleFields
  }
}
    fragment ScaleFields on SelfAssessmentScale {
  version
  publishedAt
  bands {
    band
    label {
      fr
      en
    }
    advice {
      fr
      en
    }
    helplines {
      id
    }
    helplineIds
  }
  items {
    id
    band
    text {
      fr
      en
    }
  }
}`) as unknown as TypedDocumentString<SelfAssessmentScaleQuery, SelfAssessmentScaleQueryVariables>;
export const PublishSelfAssessmentScaleDocument = new TypedDocumentString(`
    mutation PublishSelfAssessmentScale($content: JSON!, $expectedVersion: Int) {
  publishSelfAssessmentScale(content: $content, expectedVersion: $expectedVersion) {
    ...ScaleFields
  }
}
    fragment ScaleFields on SelfAssessmentScale {
  version
  publishedAt
  bands {
    band
    label {
      fr
      en
    }
    advice {
      fr
      en
    }
    helplines {
      id
    }
    helplineIds
  }
  items {
    id
    band
    text {
      fr
      en
    }
  }
}`) as unknown as TypedDocumentString<PublishSelfAssessmentScaleMutation, PublishSelfAssessmentScaleMutationVariables>;
export const StructuresDocument = new TypedDocumentString(`
    query Structures($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {
  structures(
    first: $first
    after: $after
    filter: $filter
    near: $near
    radiusKm: $radiusKm
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      distanceKm
      node {
        ...StructureListFields
      }
    }
  }
}
    fragment StructureListFields on Structure {
  id
  name
  kind
  visibility
  city
  departmentCode
  services
  stale
  lastVerifiedAt
}`) as unknown as TypedDocumentString<StructuresQuery, StructuresQueryVariables>;
export const StructuresMapDocument = new TypedDocumentString(`
    query StructuresMap($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {
  structures(
    first: $first
    after: $after
    filter: $filter
    near: $near
    radiusKm: $radiusKm
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      distanceKm
      node {
        ...StructureListFields
        location {
          lat
          lon
          precision
        }
      }
    }
  }
}
    fragment StructureListFields on Structure {
  id
  name
  kind
  visibility
  city
  departmentCode
  services
  stale
  lastVerifiedAt
}`) as unknown as TypedDocumentString<StructuresMapQuery, StructuresMapQueryVariables>;
export const StructureCursorDocument = new TypedDocumentString(`
    query StructureCursor($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {
  structures(
    first: $first
    after: $after
    filter: $filter
    near: $near
    radiusKm: $radiusKm
  ) {
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<StructureCursorQuery, StructureCursorQueryVariables>;
export const PlacesDocument = new TypedDocumentString(`
    query Places($search: String!) {
  places(search: $search, first: 10) {
    inseeCode
    name
    postalCodes
    departmentCode
    departmentName
    centre {
      lat
      lon
    }
    centreSource
  }
}
    `) as unknown as TypedDocumentString<PlacesQuery, PlacesQueryVariables>;
export const StructureDocument = new TypedDocumentString(`
    query Structure($id: ID!) {
  structure(id: $id) {
    ...StructureRecordFields
  }
}
    fragment StructureListFields on Structure {
  id
  name
  kind
  visibility
  city
  departmentCode
  services
  stale
  lastVerifiedAt
}
fragment StructureRecordFields on Structure {
  ...StructureListFields
  description
  postalCode
  phone
  email
  website
  openingHours
  location {
    lat
    lon
    precision
  }
  address {
    street
    postalCode
    city
  }
  professionalContact {
    name
    phone
    email
  }
  internalNotes
}`) as unknown as TypedDocumentString<StructureQuery, StructureQueryVariables>;
export const StructureRowDocument = new TypedDocumentString(`
    query StructureRow($id: ID!) {
  structure(id: $id) {
    ...StructureListFields
  }
}
    fragment StructureListFields on Structure {
  id
  name
  kind
  visibility
  city
  departmentCode
  services
  stale
  lastVerifiedAt
}`) as unknown as TypedDocumentString<StructureRowQuery, StructureRowQueryVariables>;
export const CreateStructureDocument = new TypedDocumentString(`
    mutation CreateStructure($input: StructureInput!) {
  createStructure(input: $input) {
    revision
    structure {
      ...StructureRecordFields
    }
  }
}
    fragment StructureListFields on Structure {
  id
  name
  kind
  visibility
  city
  departmentCode
  services
  stale
  lastVerifiedAt
}
fragment StructureRecordFields on Structure {
  ...StructureListFields
  description
  postalCode
  phone
  email
  website
  openingHours
  location {
    lat
    lon
    precision
  }
  address {
    street
    postalCode
    city
  }
  professionalContact {
    name
    phone
    email
  }
  internalNotes
}`) as unknown as TypedDocumentString<CreateStructureMutation, CreateStructureMutationVariables>;
export const UpdateStructureDocument = new TypedDocumentString(`
    mutation UpdateStructure($id: ID!, $input: StructurePatch!) {
  updateStructure(id: $id, input: $input) {
    revision
    structure {
      ...StructureRecordFields
    }
  }
}
    fragment StructureListFields on Structure {
  id
  name
  kind
  visibility
  city
  departmentCode
  services
  stale
  lastVerifiedAt
}
fragment StructureRecordFields on Structure {
  ...StructureListFields
  description
  postalCode
  phone
  email
  website
  openingHours
  location {
    lat
    lon
    precision
  }
  address {
    street
    postalCode
    city
  }
  professionalContact {
    name
    phone
    email
  }
  internalNotes
}`) as unknown as TypedDocumentString<UpdateStructureMutation, UpdateStructureMutationVariables>;
export const SubmissionsDocument = new TypedDocumentString(`
    query Submissions($first: Int!, $after: String, $status: SubmissionStatus, $kinds: [SubmissionKind!], $departmentCode: String, $olderThanDays: Int) {
  submissions(
    first: $first
    after: $after
    status: $status
    kinds: $kinds
    departmentCode: $departmentCode
    olderThanDays: $olderThanDays
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...SubmissionFields
      }
    }
  }
}
    fragment SubmissionFields on Submission {
  id
  kind
  status
  createdAt
  decidedAt
  decisionReason
  departmentCode
  comment
  reason
  revision
  submitterContact
  proposed
  conflicts
  changes {
    field
    before
    after
  }
  structure {
    id
    name
  }
}`) as unknown as TypedDocumentString<SubmissionsQuery, SubmissionsQueryVariables>;
export const ApproveSubmissionDocument = new TypedDocumentString(`
    mutation ApproveSubmission($id: ID!, $overrideConflicts: Boolean) {
  approveSubmission(id: $id, overrideConflicts: $overrideConflicts) {
    submission {
      ...SubmissionFields
    }
  }
}
    fragment SubmissionFields on Submission {
  id
  kind
  status
  createdAt
  decidedAt
  decisionReason
  departmentCode
  comment
  reason
  revision
  submitterContact
  proposed
  conflicts
  changes {
    field
    before
    after
  }
  structure {
    id
    name
  }
}`) as unknown as TypedDocumentString<ApproveSubmissionMutation, ApproveSubmissionMutationVariables>;
export const RejectSubmissionDocument = new TypedDocumentString(`
    mutation RejectSubmission($id: ID!, $reason: String!) {
  rejectSubmission(id: $id, reason: $reason) {
    submission {
      ...SubmissionFields
    }
  }
}
    fragment SubmissionFields on Submission {
  id
  kind
  status
  createdAt
  decidedAt
  decisionReason
  departmentCode
  comment
  reason
  revision
  submitterContact
  proposed
  conflicts
  changes {
    field
    before
    after
  }
  structure {
    id
    name
  }
}`) as unknown as TypedDocumentString<RejectSubmissionMutation, RejectSubmissionMutationVariables>;
export const ImportDataInclusionDocument = new TypedDocumentString(`
    mutation ImportDataInclusion($structures: String!, $services: String!) {
  importDataInclusion(structures: $structures, services: $services) {
    created
    corrections
    unchanged
    invalid
    records {
      index
      sourceId
      outcome
      duplicateOf
    }
    problems {
      file
      index
      field
      message
      key
      params
    }
  }
}
    `) as unknown as TypedDocumentString<ImportDataInclusionMutation, ImportDataInclusionMutationVariables>;