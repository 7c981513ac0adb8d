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
    "mutation VerifyEmail($t: String!) { verifyEmail(token: $t) }": typeof types.VerifyEmailDocument,
    "mutation RequestReset($e: String!, $l: Language) { requestPasswordReset(email: $e, language: $l) }": typeof types.RequestResetDocument,
    "mutation ResetPassword($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }": typeof types.ResetPasswordDocument,
    "query NeedsFirstAdmin { needsFirstAdmin }": typeof types.NeedsFirstAdminDocument,
    "mutation CreateFirstAdmin($input: FirstAdminInput!) { createFirstAdmin(input: $input) }": typeof types.CreateFirstAdminDocument,
    "\n  fragment AccountFields on User { id email name role }\n": typeof types.AccountFieldsFragmentDoc,
    "\n  query Accounts($search: String!) { accounts(search: $search, first: 20) { ...AccountFields } }\n": typeof types.AccountsDocument,
    "query Account($id: ID!) { account(id: $id) { ...AccountFields } }": typeof types.AccountDocument,
    "\n  fragment ApiKeyFields on ApiKey { id name prefix createdAt lastUsedAt usageCount revokedAt }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "query ApiKeys { apiKeys { ...ApiKeyFields } }": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) { createApiKey(name: $name) { key apiKey { ...ApiKeyFields } } }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { apiKey { ...ApiKeyFields } } }\n": typeof types.RevokeApiKeyDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id at action actorId apiKeyId subjectUserId structureId structure { id name } fields count\n    actor { id email name role } subjectUser { id email name role }\n  }\n": typeof types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AuditEntryFields } }\n    }\n  }\n": typeof types.AuditLogDocument,
    "query Viewer { viewer { id email name role status structures { id name } } }": typeof types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password, transport: COOKIE) { viewer { id } }\n  }\n": typeof types.LoginDocument,
    "mutation Logout { logout }": typeof types.LogoutDocument,
    "\n  query Dashboard {\n    submissions(status: PENDING, first: 1) { totalCount }\n    structures(first: 1, filter: { needsVerification: true }) { totalCount }\n    coverageGaps { code name }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment HelplineFields on Helpline { id number name description hours free cost channels audience website openNow }\n": typeof types.HelplineFieldsFragmentDoc,
    "query Helplines { helplines { ...HelplineFields } }": typeof types.HelplinesDocument,
    "\n  mutation SaveHelpline($input: HelplineInput!) { saveHelpline(input: $input) { ...HelplineFields } }\n": typeof types.SaveHelplineDocument,
    "mutation DeleteHelpline($id: String!) { deleteHelpline(id: $id) }": typeof types.DeleteHelplineDocument,
    "\n  fragment StaffAccountFields on User { id name email role status createdAt decidedAt decisionReason }\n": typeof types.StaffAccountFieldsFragmentDoc,
    "\n  query StaffAccounts($first: Int!, $after: String, $status: ProfessionalStatus) {\n    staffAccounts(first: $first, after: $after, status: $status) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...StaffAccountFields } }\n    }\n  }\n": typeof types.StaffAccountsDocument,
    "\n  mutation CreateStaffAccount($input: StaffAccountInput!) {\n    createStaffAccount(input: $input) { user { ...StaffAccountFields } }\n  }\n": typeof types.CreateStaffAccountDocument,
    "\n  mutation RevokeStaffAccount($userId: ID!, $reason: String!) {\n    revokeStaffAccount(userId: $userId, reason: $reason) { user { ...StaffAccountFields } }\n  }\n": typeof types.RevokeStaffAccountDocument,
    "\n  fragment ProfessionalFields on User {\n    id name email organisation jobTitle justification status createdAt decidedAt decisionReason\n    vettedAt vettedUntil vettingNote claimedStructure { id name city visibility }\n  }\n": typeof types.ProfessionalFieldsFragmentDoc,
    "\n  query Professionals($first: Int!, $after: String, $status: ProfessionalStatus) {\n    professionals(first: $first, after: $after, status: $status) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...ProfessionalFields } }\n    }\n  }\n": typeof types.ProfessionalsDocument,
    "\n    mutation ApproveProfessional($userId: ID!, $text: String!) {\n      result: approveProfessional(userId: $userId, note: $text) { user { ...ProfessionalFields } }\n    }\n  ": typeof types.ApproveProfessionalDocument,
    "\n    mutation RejectProfessional($userId: ID!, $text: String!) {\n      result: rejectProfessional(userId: $userId, reason: $text) { user { ...ProfessionalFields } }\n    }\n  ": typeof types.RejectProfessionalDocument,
    "\n    mutation RevokeProfessional($userId: ID!, $text: String!) {\n      result: revokeProfessional(userId: $userId, reason: $text) { user { ...ProfessionalFields } }\n    }\n  ": typeof types.RevokeProfessionalDocument,
    "\n  fragment ReferralFields on Referral {\n    id direction urgency status message fromStructure { id name } toStructure { id name }\n    createdAt acknowledgedAt closedAt purgeAt\n  }\n": typeof types.ReferralFieldsFragmentDoc,
    "\n  query Referrals($box: ReferralBox, $first: Int!, $after: String) {\n    referrals(box: $box, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor } edges { node { ...ReferralFields } }\n    }\n  }\n": typeof types.ReferralsDocument,
    "\n  mutation AcknowledgeReferral($id: ID!) { acknowledgeReferral(id: $id) { referral { ...ReferralFields } } }\n": typeof types.AcknowledgeReferralDocument,
    "\n  mutation CloseReferral($id: ID!) { closeReferral(id: $id) { referral { ...ReferralFields } } }\n": typeof types.CloseReferralDocument,
    "\n  mutation SendReferral($toStructureId: ID!, $fromStructureId: ID, $message: String!, $urgency: Urgency!) {\n    sendReferral(toStructureId: $toStructureId, fromStructureId: $fromStructureId, message: $message, urgency: $urgency) {\n      referral { ...ReferralFields }\n    }\n  }\n": typeof types.SendReferralDocument,
    "\n  query Revisions($structureId: ID!) {\n    revisions(structureId: $structureId) { id number at action actorId submissionId changes { field before after } }\n  }\n": typeof types.RevisionsDocument,
    "mutation RestoreRevision($id: ID!) { restoreRevision(id: $id) { revision } }": typeof types.RestoreRevisionDocument,
    "mutation MarkVerified($id: ID!) { markVerified(id: $id) { revision } }": typeof types.MarkVerifiedDocument,
    "\n  fragment ScaleFields on SelfAssessmentScale {\n    version publishedAt bands { band label { fr en } advice { fr en } helplines { id } helplineIds }\n    items { id band text { fr en } }\n  }\n": typeof types.ScaleFieldsFragmentDoc,
    "query SelfAssessmentScale { selfAssessmentScale { ...ScaleFields } }": typeof types.SelfAssessmentScaleDocument,
    "\n  mutation PublishSelfAssessmentScale($content: JSON!, $expectedVersion: Int) {\n    publishSelfAssessmentScale(content: $content, expectedVersion: $expectedVersion) { ...ScaleFields }\n  }\n": typeof types.PublishSelfAssessmentScaleDocument,
    "\n  fragment StructureListFields on Structure {\n    id name kind visibility city departmentCode services stale lastVerifiedAt\n  }\n": typeof types.StructureListFieldsFragmentDoc,
    "\n  fragment StructureRecordFields on Structure {\n    ...StructureListFields description postalCode phone email website openingHours\n    location { lat lon precision } address { street postalCode city }\n    professionalContact { name phone email } internalNotes\n  }\n": typeof types.StructureRecordFieldsFragmentDoc,
    "\n  query Structures($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {\n    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {\n      totalCount pageInfo { hasNextPage endCursor } edges { distanceKm node { ...StructureListFields } }\n    }\n  }\n": typeof types.StructuresDocument,
    "\n  query StructuresMap($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {\n    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { distanceKm node { ...StructureListFields location { lat lon precision } } }\n    }\n  }\n": typeof types.StructuresMapDocument,
    "\n  query StructureCursor($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {\n    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.StructureCursorDocument,
    "\n  query Places($search: String!) {\n    places(search: $search, first: 10) {\n      inseeCode name postalCodes departmentCode departmentName centre { lat lon } centreSource\n    }\n  }\n": typeof types.PlacesDocument,
    "query Structure($id: ID!) { structure(id: $id) { ...StructureRecordFields } }": typeof types.StructureDocument,
    "query StructureRow($id: ID!) { structure(id: $id) { ...StructureListFields } }": typeof types.StructureRowDocument,
    "\n  mutation CreateStructure($input: StructureInput!) {\n    createStructure(input: $input) { revision structure { ...StructureRecordFields } }\n  }\n": typeof types.CreateStructureDocument,
    "\n  mutation UpdateStructure($id: ID!, $input: StructurePatch!) {\n    updateStructure(id: $id, input: $input) { revision structure { ...StructureRecordFields } }\n  }\n": typeof types.UpdateStructureDocument,
    "\n  fragment SubmissionFields on Submission {\n    id kind status createdAt decidedAt decisionReason departmentCode comment reason revision\n    submitterContact proposed conflicts changes { field before after } structure { id name }\n  }\n": typeof types.SubmissionFieldsFragmentDoc,
    "\n  query Submissions($first: Int!, $after: String, $status: SubmissionStatus, $kinds: [SubmissionKind!],\n    $departmentCode: String, $olderThanDays: Int) {\n    submissions(first: $first, after: $after, status: $status, kinds: $kinds, departmentCode: $departmentCode,\n      olderThanDays: $olderThanDays) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...SubmissionFields } }\n    }\n  }\n": typeof types.SubmissionsDocument,
    "\n  mutation ApproveSubmission($id: ID!, $overrideConflicts: Boolean) {\n    approveSubmission(id: $id, overrideConflicts: $overrideConflicts) { submission { ...SubmissionFields } }\n  }\n": typeof types.ApproveSubmissionDocument,
    "\n  mutation RejectSubmission($id: ID!, $reason: String!) {\n    rejectSubmission(id: $id, reason: $reason) { submission { ...SubmissionFields } }\n  }\n": typeof types.RejectSubmissionDocument,
    "mutation ImportDataInclusion($structures: String!, $services: String!) {\n  importDataInclusion(structures: $structures, services: $services) {\n    created corrections unchanged invalid\n    records { index sourceId outcome duplicateOf }\n    problems { file index field message key params } } }": typeof types.ImportDataInclusionDocument,
};
const documents: Documents = {
    "mutation VerifyEmail($t: String!) { verifyEmail(token: $t) }": types.VerifyEmailDocument,
    "mutation RequestReset($e: String!, $l: Language) { requestPasswordReset(email: $e, language: $l) }": types.RequestResetDocument,
    "mutation ResetPassword($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }": types.ResetPasswordDocument,
    "query NeedsFirstAdmin { needsFirstAdmin }": types.NeedsFirstAdminDocument,
    "mutation CreateFirstAdmin($input: FirstAdminInput!) { createFirstAdmin(input: $input) }": types.CreateFirstAdminDocument,
    "\n  fragment AccountFields on User { id email name role }\n": types.AccountFieldsFragmentDoc,
    "\n  query Accounts($search: String!) { accounts(search: $search, first: 20) { ...AccountFields } }\n": types.AccountsDocument,
    "query Account($id: ID!) { account(id: $id) { ...AccountFields } }": types.AccountDocument,
    "\n  fragment ApiKeyFields on ApiKey { id name prefix createdAt lastUsedAt usageCount revokedAt }\n": types.ApiKeyFieldsFragmentDoc,
    "query ApiKeys { apiKeys { ...ApiKeyFields } }": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) { createApiKey(name: $name) { key apiKey { ...ApiKeyFields } } }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { apiKey { ...ApiKeyFields } } }\n": types.RevokeApiKeyDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id at action actorId apiKeyId subjectUserId structureId structure { id name } fields count\n    actor { id email name role } subjectUser { id email name role }\n  }\n": types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AuditEntryFields } }\n    }\n  }\n": types.AuditLogDocument,
    "query Viewer { viewer { id email name role status structures { id name } } }": types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password, transport: COOKIE) { viewer { id } }\n  }\n": types.LoginDocument,
    "mutation Logout { logout }": types.LogoutDocument,
    "\n  query Dashboard {\n    submissions(status: PENDING, first: 1) { totalCount }\n    structures(first: 1, filter: { needsVerification: true }) { totalCount }\n    coverageGaps { code name }\n  }\n": types.DashboardDocument,
    "\n  fragment HelplineFields on Helpline { id number name description hours free cost channels audience website openNow }\n": types.HelplineFieldsFragmentDoc,
    "query Helplines { helplines { ...HelplineFields } }": types.HelplinesDocument,
    "\n  mutation SaveHelpline($input: HelplineInput!) { saveHelpline(input: $input) { ...HelplineFields } }\n": types.SaveHelplineDocument,
    "mutation DeleteHelpline($id: String!) { deleteHelpline(id: $id) }": types.DeleteHelplineDocument,
    "\n  fragment StaffAccountFields on User { id name email role status createdAt decidedAt decisionReason }\n": types.StaffAccountFieldsFragmentDoc,
    "\n  query StaffAccounts($first: Int!, $after: String, $status: ProfessionalStatus) {\n    staffAccounts(first: $first, after: $after, status: $status) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...StaffAccountFields } }\n    }\n  }\n": types.StaffAccountsDocument,
    "\n  mutation CreateStaffAccount($input: StaffAccountInput!) {\n    createStaffAccount(input: $input) { user { ...StaffAccountFields } }\n  }\n": types.CreateStaffAccountDocument,
    "\n  mutation RevokeStaffAccount($userId: ID!, $reason: String!) {\n    revokeStaffAccount(userId: $userId, reason: $reason) { user { ...StaffAccountFields } }\n  }\n": types.RevokeStaffAccountDocument,
    "\n  fragment ProfessionalFields on User {\n    id name email organisation jobTitle justification status createdAt decidedAt decisionReason\n    vettedAt vettedUntil vettingNote claimedStructure { id name city visibility }\n  }\n": types.ProfessionalFieldsFragmentDoc,
    "\n  query Professionals($first: Int!, $after: String, $status: ProfessionalStatus) {\n    professionals(first: $first, after: $after, status: $status) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...ProfessionalFields } }\n    }\n  }\n": types.ProfessionalsDocument,
    "\n    mutation ApproveProfessional($userId: ID!, $text: String!) {\n      result: approveProfessional(userId: $userId, note: $text) { user { ...ProfessionalFields } }\n    }\n  ": types.ApproveProfessionalDocument,
    "\n    mutation RejectProfessional($userId: ID!, $text: String!) {\n      result: rejectProfessional(userId: $userId, reason: $text) { user { ...ProfessionalFields } }\n    }\n  ": types.RejectProfessionalDocument,
    "\n    mutation RevokeProfessional($userId: ID!, $text: String!) {\n      result: revokeProfessional(userId: $userId, reason: $text) { user { ...ProfessionalFields } }\n    }\n  ": types.RevokeProfessionalDocument,
    "\n  fragment ReferralFields on Referral {\n    id direction urgency status message fromStructure { id name } toStructure { id name }\n    createdAt acknowledgedAt closedAt purgeAt\n  }\n": types.ReferralFieldsFragmentDoc,
    "\n  query Referrals($box: ReferralBox, $first: Int!, $after: String) {\n    referrals(box: $box, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor } edges { node { ...ReferralFields } }\n    }\n  }\n": types.ReferralsDocument,
    "\n  mutation AcknowledgeReferral($id: ID!) { acknowledgeReferral(id: $id) { referral { ...ReferralFields } } }\n": types.AcknowledgeReferralDocument,
    "\n  mutation CloseReferral($id: ID!) { closeReferral(id: $id) { referral { ...ReferralFields } } }\n": types.CloseReferralDocument,
    "\n  mutation SendReferral($toStructureId: ID!, $fromStructureId: ID, $message: String!, $urgency: Urgency!) {\n    sendReferral(toStructureId: $toStructureId, fromStructureId: $fromStructureId, message: $message, urgency: $urgency) {\n      referral { ...ReferralFields }\n    }\n  }\n": types.SendReferralDocument,
    "\n  query Revisions($structureId: ID!) {\n    revisions(structureId: $structureId) { id number at action actorId submissionId changes { field before after } }\n  }\n": types.RevisionsDocument,
    "mutation RestoreRevision($id: ID!) { restoreRevision(id: $id) { revision } }": types.RestoreRevisionDocument,
    "mutation MarkVerified($id: ID!) { markVerified(id: $id) { revision } }": types.MarkVerifiedDocument,
    "\n  fragment ScaleFields on SelfAssessmentScale {\n    version publishedAt bands { band label { fr en } advice { fr en } helplines { id } helplineIds }\n    items { id band text { fr en } }\n  }\n": types.ScaleFieldsFragmentDoc,
    "query SelfAssessmentScale { selfAssessmentScale { ...ScaleFields } }": types.SelfAssessmentScaleDocument,
    "\n  mutation PublishSelfAssessmentScale($content: JSON!, $expectedVersion: Int) {\n    publishSelfAssessmentScale(content: $content, expectedVersion: $expectedVersion) { ...ScaleFields }\n  }\n": types.PublishSelfAssessmentScaleDocument,
    "\n  fragment StructureListFields on Structure {\n    id name kind visibility city departmentCode services stale lastVerifiedAt\n  }\n": types.StructureListFieldsFragmentDoc,
    "\n  fragment StructureRecordFields on Structure {\n    ...StructureListFields description postalCode phone email website openingHours\n    location { lat lon precision } address { street postalCode city }\n    professionalContact { name phone email } internalNotes\n  }\n": types.StructureRecordFieldsFragmentDoc,
    "\n  query Structures($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {\n    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {\n      totalCount pageInfo { hasNextPage endCursor } edges { distanceKm node { ...StructureListFields } }\n    }\n  }\n": types.StructuresDocument,
    "\n  query StructuresMap($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {\n    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { distanceKm node { ...StructureListFields location { lat lon precision } } }\n    }\n  }\n": types.StructuresMapDocument,
    "\n  query StructureCursor($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {\n    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.StructureCursorDocument,
    "\n  query Places($search: String!) {\n    places(search: $search, first: 10) {\n      inseeCode name postalCodes departmentCode departmentName centre { lat lon } centreSource\n    }\n  }\n": types.PlacesDocument,
    "query Structure($id: ID!) { structure(id: $id) { ...StructureRecordFields } }": types.StructureDocument,
    "query StructureRow($id: ID!) { structure(id: $id) { ...StructureListFields } }": types.StructureRowDocument,
    "\n  mutation CreateStructure($input: StructureInput!) {\n    createStructure(input: $input) { revision structure { ...StructureRecordFields } }\n  }\n": types.CreateStructureDocument,
    "\n  mutation UpdateStructure($id: ID!, $input: StructurePatch!) {\n    updateStructure(id: $id, input: $input) { revision structure { ...StructureRecordFields } }\n  }\n": types.UpdateStructureDocument,
    "\n  fragment SubmissionFields on Submission {\n    id kind status createdAt decidedAt decisionReason departmentCode comment reason revision\n    submitterContact proposed conflicts changes { field before after } structure { id name }\n  }\n": types.SubmissionFieldsFragmentDoc,
    "\n  query Submissions($first: Int!, $after: String, $status: SubmissionStatus, $kinds: [SubmissionKind!],\n    $departmentCode: String, $olderThanDays: Int) {\n    submissions(first: $first, after: $after, status: $status, kinds: $kinds, departmentCode: $departmentCode,\n      olderThanDays: $olderThanDays) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...SubmissionFields } }\n    }\n  }\n": types.SubmissionsDocument,
    "\n  mutation ApproveSubmission($id: ID!, $overrideConflicts: Boolean) {\n    approveSubmission(id: $id, overrideConflicts: $overrideConflicts) { submission { ...SubmissionFields } }\n  }\n": types.ApproveSubmissionDocument,
    "\n  mutation RejectSubmission($id: ID!, $reason: String!) {\n    rejectSubmission(id: $id, reason: $reason) { submission { ...SubmissionFields } }\n  }\n": types.RejectSubmissionDocument,
    "mutation ImportDataInclusion($structures: String!, $services: String!) {\n  importDataInclusion(structures: $structures, services: $services) {\n    created corrections unchanged invalid\n    records { index sourceId outcome duplicateOf }\n    problems { file index field message key params } } }": types.ImportDataInclusionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyEmail($t: String!) { verifyEmail(token: $t) }"): typeof import('./graphql').VerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestReset($e: String!, $l: Language) { requestPasswordReset(email: $e, language: $l) }"): typeof import('./graphql').RequestResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetPassword($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NeedsFirstAdmin { needsFirstAdmin }"): typeof import('./graphql').NeedsFirstAdminDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateFirstAdmin($input: FirstAdminInput!) { createFirstAdmin(input: $input) }"): typeof import('./graphql').CreateFirstAdminDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountFields on User { id email name role }\n"): typeof import('./graphql').AccountFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Accounts($search: String!) { accounts(search: $search, first: 20) { ...AccountFields } }\n"): typeof import('./graphql').AccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Account($id: ID!) { account(id: $id) { ...AccountFields } }"): typeof import('./graphql').AccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyFields on ApiKey { id name prefix createdAt lastUsedAt usageCount revokedAt }\n"): typeof import('./graphql').ApiKeyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeys { apiKeys { ...ApiKeyFields } }"): typeof import('./graphql').ApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!) { createApiKey(name: $name) { key apiKey { ...ApiKeyFields } } }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { apiKey { ...ApiKeyFields } } }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryFields on AuditEntry {\n    id at action actorId apiKeyId subjectUserId structureId structure { id name } fields count\n    actor { id email name role } subjectUser { id email name role }\n  }\n"): typeof import('./graphql').AuditEntryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...AuditEntryFields } }\n    }\n  }\n"): typeof import('./graphql').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer { viewer { id email name role status structures { id name } } }"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password, transport: COOKIE) { viewer { id } }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout { logout }"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    submissions(status: PENDING, first: 1) { totalCount }\n    structures(first: 1, filter: { needsVerification: true }) { totalCount }\n    coverageGaps { code name }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HelplineFields on Helpline { id number name description hours free cost channels audience website openNow }\n"): typeof import('./graphql').HelplineFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Helplines { helplines { ...HelplineFields } }"): typeof import('./graphql').HelplinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveHelpline($input: HelplineInput!) { saveHelpline(input: $input) { ...HelplineFields } }\n"): typeof import('./graphql').SaveHelplineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteHelpline($id: String!) { deleteHelpline(id: $id) }"): typeof import('./graphql').DeleteHelplineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffAccountFields on User { id name email role status createdAt decidedAt decisionReason }\n"): typeof import('./graphql').StaffAccountFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffAccounts($first: Int!, $after: String, $status: ProfessionalStatus) {\n    staffAccounts(first: $first, after: $after, status: $status) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...StaffAccountFields } }\n    }\n  }\n"): typeof import('./graphql').StaffAccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStaffAccount($input: StaffAccountInput!) {\n    createStaffAccount(input: $input) { user { ...StaffAccountFields } }\n  }\n"): typeof import('./graphql').CreateStaffAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeStaffAccount($userId: ID!, $reason: String!) {\n    revokeStaffAccount(userId: $userId, reason: $reason) { user { ...StaffAccountFields } }\n  }\n"): typeof import('./graphql').RevokeStaffAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfessionalFields on User {\n    id name email organisation jobTitle justification status createdAt decidedAt decisionReason\n    vettedAt vettedUntil vettingNote claimedStructure { id name city visibility }\n  }\n"): typeof import('./graphql').ProfessionalFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Professionals($first: Int!, $after: String, $status: ProfessionalStatus) {\n    professionals(first: $first, after: $after, status: $status) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...ProfessionalFields } }\n    }\n  }\n"): typeof import('./graphql').ProfessionalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ApproveProfessional($userId: ID!, $text: String!) {\n      result: approveProfessional(userId: $userId, note: $text) { user { ...ProfessionalFields } }\n    }\n  "): typeof import('./graphql').ApproveProfessionalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RejectProfessional($userId: ID!, $text: String!) {\n      result: rejectProfessional(userId: $userId, reason: $text) { user { ...ProfessionalFields } }\n    }\n  "): typeof import('./graphql').RejectProfessionalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RevokeProfessional($userId: ID!, $text: String!) {\n      result: revokeProfessional(userId: $userId, reason: $text) { user { ...ProfessionalFields } }\n    }\n  "): typeof import('./graphql').RevokeProfessionalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReferralFields on Referral {\n    id direction urgency status message fromStructure { id name } toStructure { id name }\n    createdAt acknowledgedAt closedAt purgeAt\n  }\n"): typeof import('./graphql').ReferralFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Referrals($box: ReferralBox, $first: Int!, $after: String) {\n    referrals(box: $box, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor } edges { node { ...ReferralFields } }\n    }\n  }\n"): typeof import('./graphql').ReferralsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeReferral($id: ID!) { acknowledgeReferral(id: $id) { referral { ...ReferralFields } } }\n"): typeof import('./graphql').AcknowledgeReferralDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseReferral($id: ID!) { closeReferral(id: $id) { referral { ...ReferralFields } } }\n"): typeof import('./graphql').CloseReferralDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendReferral($toStructureId: ID!, $fromStructureId: ID, $message: String!, $urgency: Urgency!) {\n    sendReferral(toStructureId: $toStructureId, fromStructureId: $fromStructureId, message: $message, urgency: $urgency) {\n      referral { ...ReferralFields }\n    }\n  }\n"): typeof import('./graphql').SendReferralDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Revisions($structureId: ID!) {\n    revisions(structureId: $structureId) { id number at action actorId submissionId changes { field before after } }\n  }\n"): typeof import('./graphql').RevisionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RestoreRevision($id: ID!) { restoreRevision(id: $id) { revision } }"): typeof import('./graphql').RestoreRevisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkVerified($id: ID!) { markVerified(id: $id) { revision } }"): typeof import('./graphql').MarkVerifiedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScaleFields on SelfAssessmentScale {\n    version publishedAt bands { band label { fr en } advice { fr en } helplines { id } helplineIds }\n    items { id band text { fr en } }\n  }\n"): typeof import('./graphql').ScaleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SelfAssessmentScale { selfAssessmentScale { ...ScaleFields } }"): typeof import('./graphql').SelfAssessmentScaleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishSelfAssessmentScale($content: JSON!, $expectedVersion: Int) {\n    publishSelfAssessmentScale(content: $content, expectedVersion: $expectedVersion) { ...ScaleFields }\n  }\n"): typeof import('./graphql').PublishSelfAssessmentScaleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StructureListFields on Structure {\n    id name kind visibility city departmentCode services stale lastVerifiedAt\n  }\n"): typeof import('./graphql').StructureListFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StructureRecordFields on Structure {\n    ...StructureListFields description postalCode phone email website openingHours\n    location { lat lon precision } address { street postalCode city }\n    professionalContact { name phone email } internalNotes\n  }\n"): typeof import('./graphql').StructureRecordFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Structures($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {\n    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {\n      totalCount pageInfo { hasNextPage endCursor } edges { distanceKm node { ...StructureListFields } }\n    }\n  }\n"): typeof import('./graphql').StructuresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StructuresMap($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {\n    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { distanceKm node { ...StructureListFields location { lat lon precision } } }\n    }\n  }\n"): typeof import('./graphql').StructuresMapDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StructureCursor($first: Int!, $after: String, $filter: StructureFilter, $near: GeoPointInput, $radiusKm: Float) {\n    structures(first: $first, after: $after, filter: $filter, near: $near, radiusKm: $radiusKm) {\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').StructureCursorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Places($search: String!) {\n    places(search: $search, first: 10) {\n      inseeCode name postalCodes departmentCode departmentName centre { lat lon } centreSource\n    }\n  }\n"): typeof import('./graphql').PlacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Structure($id: ID!) { structure(id: $id) { ...StructureRecordFields } }"): typeof import('./graphql').StructureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StructureRow($id: ID!) { structure(id: $id) { ...StructureListFields } }"): typeof import('./graphql').StructureRowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStructure($input: StructureInput!) {\n    createStructure(input: $input) { revision structure { ...StructureRecordFields } }\n  }\n"): typeof import('./graphql').CreateStructureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStructure($id: ID!, $input: StructurePatch!) {\n    updateStructure(id: $id, input: $input) { revision structure { ...StructureRecordFields } }\n  }\n"): typeof import('./graphql').UpdateStructureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubmissionFields on Submission {\n    id kind status createdAt decidedAt decisionReason departmentCode comment reason revision\n    submitterContact proposed conflicts changes { field before after } structure { id name }\n  }\n"): typeof import('./graphql').SubmissionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Submissions($first: Int!, $after: String, $status: SubmissionStatus, $kinds: [SubmissionKind!],\n    $departmentCode: String, $olderThanDays: Int) {\n    submissions(first: $first, after: $after, status: $status, kinds: $kinds, departmentCode: $departmentCode,\n      olderThanDays: $olderThanDays) {\n      totalCount pageInfo { hasNextPage endCursor } edges { node { ...SubmissionFields } }\n    }\n  }\n"): typeof import('./graphql').SubmissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveSubmission($id: ID!, $overrideConflicts: Boolean) {\n    approveSubmission(id: $id, overrideConflicts: $overrideConflicts) { submission { ...SubmissionFields } }\n  }\n"): typeof import('./graphql').ApproveSubmissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectSubmission($id: ID!, $reason: String!) {\n    rejectSubmission(id: $id, reason: $reason) { submission { ...SubmissionFields } }\n  }\n"): typeof import('./graphql').RejectSubmissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ImportDataInclusion($structures: String!, $services: String!) {\n  importDataInclusion(structures: $structures, services: $services) {\n    created corrections unchanged invalid\n    records { index sourceId outcome duplicateOf }\n    problems { file index field message key params } } }"): typeof import('./graphql').ImportDataInclusionDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
