// Choices for the queue's filters and fields; labels are i18n keys.
import { reportReasons, submissionKinds, submissionStatuses } from '@repere/shared/enums';

const choices = (values: readonly string[], prefix: string) =>
  values.map((id) => ({ id, name: `repere.${prefix}.${id}` }));

export const submissionKindChoices = choices(submissionKinds, 'submissionKind');
export const submissionStatusChoices = choices(submissionStatuses, 'submissionStatus');
export const reportReasonChoices = choices(reportReasons, 'reportReason');
