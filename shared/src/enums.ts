// Closed vocabularies shared by the database, the API and the back office.
// Values are GraphQL enum names; French labels live with the UI.

export const visibilities = ['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'] as const;
export type Visibility = (typeof visibilities)[number];

export const structureStatuses = ['DRAFT', 'ONLINE', 'OFFLINE', 'CLOSED'] as const;
export type StructureStatus = (typeof structureStatuses)[number];

export const structureKinds = [
  'ASSOCIATION',
  'DAY_CENTRE',
  'SHELTER',
  'RESPITE',
  'HEALTH',
  'LEGAL_JUSTICE',
  'CHILD_WELFARE',
  'POLICE_GENDARMERIE',
  'HELPLINE_SERVICE',
  'OTHER',
] as const;
export type StructureKind = (typeof structureKinds)[number];

export const serviceCategories = [
  'LISTENING_SUPPORT',
  'SHELTER',
  'RESPITE',
  'HEALTH',
  'SEXUAL_REPRODUCTIVE_HEALTH',
  'LEGAL_AID',
  'OUTREACH',
  'EDUCATION_INTEGRATION',
  'FAMILY_SUPPORT',
  'PROFESSIONAL_TRAINING',
] as const;
export type ServiceCategory = (typeof serviceCategories)[number];

export const accessModes = ['WALK_IN', 'BY_PHONE', 'REMOTE', 'REFERRAL_ONLY'] as const;
export type AccessMode = (typeof accessModes)[number];

export const mobilisers = ['YOUNG_PEOPLE', 'FAMILIES', 'PROFESSIONALS'] as const;
export type Mobiliser = (typeof mobilisers)[number];

export const genders = ['ANY', 'GIRLS', 'BOYS'] as const;
export type Gender = (typeof genders)[number];

export const noticeKinds = ['CLOSURE', 'CHANGED_HOURS', 'MESSAGE'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const helplineChannels = ['PHONE', 'SMS', 'CHAT', 'EMAIL', 'APP'] as const;
export type HelplineChannel = (typeof helplineChannels)[number];

/** Roles of an account; an anonymous caller or a partner app has none. */
export const roles = ['PROFESSIONAL', 'MODERATOR', 'ADMIN'] as const;
export type Role = (typeof roles)[number];

/** Where an account stands: PENDING until vetted; VETTED professionals expire after 12 months. */
export const accountStatuses = ['PENDING', 'VETTED', 'REJECTED', 'REVOKED'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/** How a session token travels: an httpOnly cookie (back office) or a bearer header (API clients). */
export const sessionTransports = ['COOKIE', 'TOKEN'] as const;
export type SessionTransport = (typeof sessionTransports)[number];

/** What an emailed single-use token proves: the address is theirs, or they may set a new password. */
export const emailTokenPurposes = ['VERIFY', 'RESET'] as const;
export type EmailTokenPurpose = (typeof emailTokenPurposes)[number];

/** Languages of the mails we send (French unless asked). */
export const languages = ['FR', 'EN'] as const;
export type Language = (typeof languages)[number];

/** Audited actions (the audit log holds who, when, which structure or account, never listing data). */
export const auditActions = [
  'CONFIDENTIAL_READ',
  'PROFESSIONAL_APPROVED',
  'PROFESSIONAL_REJECTED',
  'PROFESSIONAL_REVOKED',
  'USER_CREATED',
  'API_KEY_CREATED',
  'API_KEY_REVOKED',
  'LOGIN_FAILURE_BURST',
  'REFERRAL_READ',
  'SCALE_PUBLISHED',
  'HELPLINE_CHANGED',
  'STAFF_REVOKED',
  'EMAIL_VERIFIED',
  'PASSWORD_RESET',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** Contributions from anyone: a new listing, a correction, or a report about a listing. */
export const submissionKinds = ['NEW_STRUCTURE', 'CORRECTION', 'REPORT'] as const;
export type SubmissionKind = (typeof submissionKinds)[number];

export const submissionStatuses = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export const reportReasons = ['CLOSED', 'WRONG_PHONE', 'WRONG_ADDRESS', 'WRONG_HOURS', 'OTHER'] as const;
export type ReportReason = (typeof reportReasons)[number];

/** What made a revision of a structure. */
export const revisionActions = ['CREATE', 'IMPORT', 'UPDATE', 'ARCHIVE', 'VERIFY', 'RESTORE', 'SUBMISSION'] as const;
export type RevisionAction = (typeof revisionActions)[number];

/** How soon the receiving structure should act on a referral. */
export const urgencies = ['ROUTINE', 'SOON', 'URGENT'] as const;
export type Urgency = (typeof urgencies)[number];

export const referralStatuses = ['SENT', 'ACKNOWLEDGED', 'CLOSED'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Bands of the self-assessment scale, mildest first. */
export const scaleBands = ['GREEN', 'ORANGE', 'RED', 'BLACK'] as const;
export type ScaleBand = (typeof scaleBands)[number];
