// Removes a helpline after a confirmation naming it: it leaves the directory and the bands of
// the self-assessment scale that pointed to it.
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { notifyError } from '../graphql.ts';
import { deleteHelpline, type Helpline } from './data.ts';

export const DeleteHelplineButton = () => {
  const record = useRecordContext<Helpline>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const remove = async () => {
    setBusy(true);
    try {
      await deleteHelpline(record.id);
      notify('repere.helplines.deleted', { type: 'info' });
      refresh();
    } catch (e) {
      notifyError(notify, e);
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        color="error"
        disabled={busy}
        onClick={() => setOpen(true)}
        aria-label={`${translate('repere.helplines.delete')} ${record.name}`}
      >
        {translate('repere.helplines.delete')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="repere.helplines.deleteTitle"
        titleTranslateOptions={{ name: record.name }}
        content="repere.helplines.deleteConfirm"
        contentTranslateOptions={{ name: record.name, number: record.number }}
        confirm="repere.helplines.delete"
        confirmColor="warning"
        onConfirm={remove}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
