// Creating a moderator or admin: name, e-mail, role and a first password (generated, editable);
// once created, the password is shown this once, to hand over.
import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { type FormEvent, useId, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { notifyError } from '../graphql.ts';
import { staffRoleChoices } from './choices.ts';
import { createStaffAccount, generatePassword, type StaffAccountInput } from './data.ts';

const blank = (): StaffAccountInput => ({ name: '', email: '', role: 'MODERATOR', password: generatePassword() });

export const CreateStaffButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const id = useId();
  const [input, setInput] = useState<StaffAccountInput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const set = (field: keyof StaffAccountInput) => (e: { target: { value: string } }) =>
    setInput((i) => (i ? { ...i, [field]: e.target.value } : i));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!input) return;
    setBusy(true);
    try {
      const user = await createStaffAccount(input);
      setCreated({ email: user.email, password: input.password });
      setInput(null);
      setError(null);
      refresh();
    } catch (err) {
      // The server's message names the field it refuses (an e-mail already used, a short password).
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created?.password ?? '');
      notify('repere.staff.copied', { type: 'info' });
    } catch (err) {
      notifyError(notify, err);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setInput(blank())}>
        {translate('repere.staff.create')}
      </Button>
      <Dialog
        open={input !== null}
        onClose={() => setInput(null)}
        aria-labelledby={`${id}-form`}
        fullWidth
        maxWidth="sm"
      >
        <form onSubmit={submit} noValidate>
          <DialogTitle id={`${id}-form`}>{translate('repere.staff.createTitle')}</DialogTitle>
          <DialogContent>
            {error ? (
              <Alert severity="error" sx={{ mb: 1 }}>
                {error}
              </Alert>
            ) : null}
            <TextField
              autoFocus
              required
              fullWidth
              margin="dense"
              label={translate('resources.moderators.fields.name')}
              value={input?.name ?? ''}
              onChange={set('name')}
            />
            <TextField
              required
              fullWidth
              margin="dense"
              type="email"
              label={translate('resources.moderators.fields.email')}
              value={input?.email ?? ''}
              onChange={set('email')}
            />
            <TextField
              select
              required
              fullWidth
              margin="dense"
              label={translate('resources.moderators.fields.role')}
              value={input?.role ?? 'MODERATOR'}
              onChange={set('role')}
              slotProps={{ select: { native: true } }}
            >
              {staffRoleChoices.map((c) => (
                <option key={c.id} value={c.id}>
                  {translate(c.name)}
                </option>
              ))}
            </TextField>
            <TextField
              required
              fullWidth
              margin="dense"
              label={translate('repere.staff.password')}
              helperText={translate('repere.staff.passwordHelp')}
              value={input?.password ?? ''}
              onChange={set('password')}
              slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setInput(null)}>{translate('ra.action.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={busy}>
              {translate('repere.staff.create')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
      <Dialog open={created !== null} aria-labelledby={`${id}-created`} fullWidth maxWidth="sm">
        <DialogTitle id={`${id}-created`}>{translate('repere.staff.created', { email: created?.email })}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('repere.staff.warning')}
          </Alert>
          <Typography component="code" data-password="true" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {created?.password}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button startIcon={<ContentCopyIcon />} onClick={copy}>
            {translate('repere.staff.copy')}
          </Button>
          <Button variant="contained" onClick={() => setCreated(null)}>
            {translate('repere.staff.done')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
