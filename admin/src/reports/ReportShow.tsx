// One report: what is said about which listing, what approving it does, then the decision.
import { Alert } from '@mui/material';
import { SelectField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../i18n/localeFields.tsx';
import { reportReasonChoices, submissionStatusChoices } from '../submissions/choices.ts';
import { DecisionButtons } from '../submissions/DecisionButtons.tsx';
import type { Submission } from '../submissions/data.ts';
import { Contact } from '../submissions/SubmissionShow.tsx';
import { StructureLink } from './StructureLink.tsx';

/** The server closes the listing when a CLOSED report is approved; the moderator should know first. */
const ApprovalEffect = () => {
  const record = useRecordContext<Submission>();
  const translate = useTranslate();
  if (record?.status !== 'PENDING') return null;
  const closes = record.reason === 'CLOSED';
  return (
    <Alert severity={closes ? 'warning' : 'info'} data-approval-effect={closes ? 'closes' : 'none'}>
      {translate(closes ? 'repere.report.closes' : 'repere.report.noChange')}
    </Alert>
  );
};

export const ReportShow = () => (
  <Show>
    <SimpleShowLayout>
      <StructureLink source="structure" />
      <SelectField source="reason" choices={reportReasonChoices} />
      <ApprovalEffect />
      <DecisionButtons />
      <TextField source="comment" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
      <SelectField source="status" choices={submissionStatusChoices} />
      <LocaleDateField source="createdAt" showTime />
      <TextField source="departmentCode" emptyText="—" />
      <Contact source="submitterContact" />
      <LocaleDateField source="decidedAt" showTime emptyText="—" />
      <TextField source="decisionReason" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
