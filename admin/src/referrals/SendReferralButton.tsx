// "Signaler une arrivée": a professional member of a structure tells this one that a young
// person they follow is coming. Urgency and a short message, never the young person's identity.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { type Urgency, urgencies } from '@repere/shared/enums';
import { useId, useState } from 'react';
import { useGetIdentity, useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { sendReferral } from './data.ts';

export const maxMessageLength = 1000;

interface Identity {
  structures?: { id: string; name: string }[];
}

export const SendReferralButton = () => {
  const record = useRecordContext<{ id: string; name: string }>();
  const { permissions } = usePermissions();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const notify = useNotify();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [urgency, setUrgency] = useState<Urgency>('ROUTINE');
  const [from, setFrom] = useState<string>('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = ((identity as Identity | undefined)?.structures ?? []).filter((s) => s.id !== record?.id);
  // Only professionals who are members of another structure send referrals (the server checks).
  if (!record || permissions !== 'PROFESSIONAL' || !mine.length) return null;
  const fromId = from || mine[0]!.id;

  const submit = async () => {
    if (!message.trim()) {
      setError(translate('ra.validation.required'));
      return;
    }
    setBusy(true);
    try {
      await sendReferral({ toStructureId: record.id, fromStructureId: fromId, message: message.trim(), urgency });
      notify('repere.referrals.sent_ok', { type: 'success' });
      setOpen(false);
      setMessage('');
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" variant="contained" onClick={() => setOpen(true)}>
        {translate('repere.referrals.send')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`${id}-title`} fullWidth maxWidth="sm">
        <DialogTitle id={`${id}-title`}>{translate('repere.referrals.sendTitle', { name: record.name })}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="identity-warning">
            {translate('repere.referrals.warning')}
          </Alert>
          {error ? (
            <Alert severity="error" sx={{ mb: 1 }}>
              {error}
            </Alert>
          ) : null}
          {mine.length > 1 ? (
            <TextField
              select
              fullWidth
              margin="dense"
              label={translate('repere.referrals.from')}
              value={fromId}
              onChange={(e) => setFrom(e.target.value)}
            >
              {mine.map((s) => (
                <MenuItem key={s.id} value={s.id}>
                  {s.name}
                </MenuItem>
              ))}
            </TextField>
          ) : null}
          <TextField
            select
            fullWidth
            margin="dense"
            label={translate('resources.referrals.fields.urgency')}
            value={urgency}
            onChange={(e) => setUrgency(urgencies.find((u) => u === e.target.value) ?? 'ROUTINE')}
          >
            {urgencies.map((u) => (
              <MenuItem key={u} value={u}>
                {translate(`repere.referrals.urgency.${u}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            required
            multiline
            minRows={4}
            fullWidth
            margin="dense"
            label={translate('resources.referrals.fields.message')}
            value={message}
            onChange={(e) => setMessage(e.target.value.slice(0, maxMessageLength))}
            slotProps={{ htmlInput: { maxLength: maxMessageLength } }}
            helperText={translate('repere.referrals.count', { count: message.length, max: maxMessageLength })}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={busy} onClick={submit}>
            {translate('repere.referrals.send')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
