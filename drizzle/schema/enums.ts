import {
  accessModes,
  accountStatuses,
  auditActions,
  emailTokenPurposes,
  genders,
  helplineChannels,
  mobilisers,
  noticeKinds,
  referralStatuses,
  reportReasons,
  revisionActions,
  roles,
  scaleBands,
  serviceCategories,
  sessionTransports,
  structureKinds,
  structureStatuses,
  submissionKinds,
  submissionStatuses,
  urgencies,
  visibilities,
} from '@repere/shared/enums';
import { pgEnum } from 'drizzle-orm/pg-core';

export const visibilityEnum = pgEnum('visibility', visibilities);
export const structureStatusEnum = pgEnum('structure_status', structureStatuses);
export const structureKindEnum = pgEnum('structure_kind', structureKinds);
export const serviceCategoryEnum = pgEnum('service_category', serviceCategories);
export const accessModeEnum = pgEnum('access_mode', accessModes);
export const mobiliserEnum = pgEnum('mobiliser', mobilisers);
export const genderEnum = pgEnum('gender', genders);
export const noticeKindEnum = pgEnum('notice_kind', noticeKinds);
export const helplineChannelEnum = pgEnum('helpline_channel', helplineChannels);
export const roleEnum = pgEnum('role', roles);
export const accountStatusEnum = pgEnum('account_status', accountStatuses);
export const sessionTransportEnum = pgEnum('session_transport', sessionTransports);
export const auditActionEnum = pgEnum('audit_action', auditActions);
export const emailTokenPurposeEnum = pgEnum('email_token_purpose', emailTokenPurposes);
export const submissionKindEnum = pgEnum('submission_kind', submissionKinds);
export const submissionStatusEnum = pgEnum('submission_status', submissionStatuses);
export const reportReasonEnum = pgEnum('report_reason', reportReasons);
export const revisionActionEnum = pgEnum('revision_action', revisionActions);
export const urgencyEnum = pgEnum('urgency', urgencies);
export const referralStatusEnum = pgEnum('referral_status', referralStatuses);
export const scaleBandEnum = pgEnum('scale_band', scaleBands);
