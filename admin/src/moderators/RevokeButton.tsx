// Revoking a staff account, with a required reason. The server decides who may be revoked (not
// oneself): its refusal is shown in the dialog, so the button is offered on every live account.
import BlockIcon from '@mui/icons-material/Block';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ReasonDialog } from '../ReasonDialog.tsx';
import { revokeStaffAccount, type StaffAccount } from './data.ts';

export const RevokeButton = () => {
  const record = useRecordContext<StaffAccount>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record || record.status === 'REVOKED') return null;
  const revoke = async (reason: string) => {
    await revokeStaffAccount(record.id, reason);
    setOpen(false);
    notify('repere.staff.revoked', { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button size="small" color="error" startIcon={<BlockIcon />} onClick={() => setOpen(true)}>
        {translate('repere.staff.revoke')}
      </Button>
      <ReasonDialog
        open={open}
        title="repere.staff.revokeTitle"
        label="repere.staff.reason"
        confirm="repere.staff.revoke"
        onClose={() => setOpen(false)}
        onConfirm={revoke}
      />
    </>
  );
};
