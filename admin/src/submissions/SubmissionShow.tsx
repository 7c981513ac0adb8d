// One contribution: what it changes field by field, its conflicts first, then the decision.
import { Alert, AlertTitle } from '@mui/material';
import {
  FunctionField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ChangesTable, type FieldChange } from '../ChangesTable.tsx';
import { LocaleDateField } from '../i18n/localeFields.tsx';
import { reportReasonChoices, submissionKindChoices, submissionStatusChoices } from './choices.ts';
import { DecisionButtons } from './DecisionButtons.tsx';

const Conflicts = () => {
  const record = useRecordContext<{ conflicts?: string[] | null }>();
  const translate = useTranslate();
  if (!record?.conflicts?.length) return null;
  return (
    <Alert severity="warning" data-conflicts="true">
      <AlertTitle>{translate('repere.submission.conflictsTitle')}</AlertTitle>
      {record.conflicts.map((f) => translate(`resources.structures.fields.${f}`, { _: f })).join(', ')}
    </Alert>
  );
};

const Changes = (_props: { source: string }) => {
  const record = useRecordContext<{ changes?: FieldChange[] | null }>();
  // SimpleShowLayout labels it (by its source).
  return <ChangesTable changes={record?.changes} />;
};

export const Contact = (_props: { source: string }) => (
  <FunctionField
    source="submitterContact"
    render={(r: { submitterContact?: Record<string, string> | null }) =>
      r.submitterContact ? Object.values(r.submitterContact).filter(Boolean).join(' · ') || '—' : '—'
    }
  />
);

export const SubmissionShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="title" variant="h6" component="h2" emptyText="—" />
      <Conflicts />
      <DecisionButtons />
      <SelectField source="kind" choices={submissionKindChoices} />
      <SelectField source="status" choices={submissionStatusChoices} />
      <LocaleDateField source="createdAt" showTime />
      <TextField source="departmentCode" emptyText="—" />
      <SelectField source="reason" choices={reportReasonChoices} emptyText="—" />
      <TextField source="comment" emptyText="—" />
      <Contact source="submitterContact" />
      <Changes source="changes" />
      <LocaleDateField source="decidedAt" showTime emptyText="—" />
      <TextField source="decisionReason" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
