// One professional: who they say they are, what they claim, and the admin's decision.
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import {
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../i18n/localeFields.tsx';
import { ReasonDialog } from '../ReasonDialog.tsx';
import { accountStatusChoices } from './choices.ts';
import { decide } from './data.ts';

type Action = 'approve' | 'reject' | 'revoke';

const labels: Record<Action, { title: string; label: string; confirm: string; done: string }> = {
  approve: {
    title: 'repere.professional.approveTitle',
    label: 'repere.professional.note',
    confirm: 'repere.professional.approve',
    done: 'repere.professional.approved',
  },
  reject: {
    title: 'repere.professional.rejectTitle',
    label: 'repere.professional.reason',
    confirm: 'repere.professional.reject',
    done: 'repere.professional.rejected',
  },
  revoke: {
    title: 'repere.professional.revokeTitle',
    label: 'repere.professional.reason',
    confirm: 'repere.professional.revoke',
    done: 'repere.professional.revoked',
  },
};

const Decisions = () => {
  const record = useRecordContext<{ id: string; status: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [action, setAction] = useState<Action | null>(null);
  if (!record) return null;
  const offered: Action[] =
    record.status === 'PENDING' ? ['approve', 'reject'] : record.status === 'VETTED' ? ['revoke'] : [];
  const confirm = async (text: string) => {
    if (!action) return;
    await decide(action, record.id, text);
    notify(labels[action].done, { type: 'success' });
    setAction(null);
    refresh();
  };
  return (
    <Stack direction="row" sx={{ gap: 1, my: 1 }}>
      {offered.map((a) => (
        <Button
          key={a}
          variant={a === 'approve' ? 'contained' : 'outlined'}
          color={a === 'approve' ? 'success' : 'error'}
          onClick={() => setAction(a)}
        >
          {translate(labels[a].confirm)}
        </Button>
      ))}
      {action ? <ReasonDialog open {...labels[action]} onClose={() => setAction(null)} onConfirm={confirm} /> : null}
    </Stack>
  );
};

export const ProfessionalShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" variant="h6" component="h2" />
      <Decisions />
      <SelectField source="status" choices={accountStatusChoices} />
      <TextField source="email" />
      <TextField source="organisation" emptyText="—" />
      <TextField source="jobTitle" emptyText="—" />
      <TextField source="justification" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
      <ReferenceField
        source="claimedStructure.id"
        label="resources.professionals.fields.claimedStructure"
        reference="structures"
        link="show"
        emptyText="—"
      >
        <TextField source="name" />
      </ReferenceField>
      <LocaleDateField source="createdAt" showTime />
      <LocaleDateField source="vettedUntil" emptyText="—" />
      <TextField source="vettingNote" emptyText="—" />
      <TextField source="decisionReason" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
