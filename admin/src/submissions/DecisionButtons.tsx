// Approve or reject a pending contribution. The server decides: a CONFLICT (the listing changed
// since the correction was written) is shown with its message, and may be overridden knowingly.
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { notifyError } from '../graphql.ts';
import { ReasonDialog } from '../ReasonDialog.tsx';
import { approveSubmission, rejectSubmission, type Submission } from './data.ts';

interface Failure {
  message: string;
  status?: number;
  body?: { errors?: { extensions?: { conflicts?: string[] } }[] };
}

export const DecisionButtons = () => {
  const record = useRecordContext<Submission>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [conflict, setConflict] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  if (record?.status !== 'PENDING') return null;

  const approve = async (overrideConflicts: boolean) => {
    setBusy(true);
    try {
      await approveSubmission(record.id, overrideConflicts);
      setConflict(null);
      notify('repere.submission.approved', { type: 'success' });
      refresh();
    } catch (error) {
      const e = error as Failure;
      if (e.status === 409 && e.body?.errors?.[0]?.extensions?.conflicts?.length) setConflict(e.message);
      else notifyError(notify, e);
    } finally {
      setBusy(false);
    }
  };

  const reject = async (reason: string) => {
    await rejectSubmission(record.id, reason);
    setRejecting(false);
    notify('repere.submission.rejected', { type: 'info' });
    refresh();
  };

  return (
    <Stack sx={{ gap: 1, my: 1 }}>
      {conflict ? (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" variant="outlined" disabled={busy} onClick={() => approve(true)}>
              {translate('repere.submission.override')}
            </Button>
          }
        >
          <strong>{translate('repere.submission.conflictLead')}</strong> {conflict}
        </Alert>
      ) : null}
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button
          variant="contained"
          color="success"
          startIcon={<CheckIcon />}
          disabled={busy}
          onClick={() => approve(false)}
        >
          {translate('repere.submission.approve')}
        </Button>
        <Button
          variant="outlined"
          color="error"
          startIcon={<CloseIcon />}
          disabled={busy}
          onClick={() => setRejecting(true)}
        >
          {translate('repere.submission.reject')}
        </Button>
      </Stack>
      <ReasonDialog
        open={rejecting}
        title="repere.submission.rejectTitle"
        label="repere.submission.reason"
        confirm="repere.submission.reject"
        onClose={() => setRejecting(false)}
        onConfirm={reject}
      />
    </Stack>
  );
};
