// A dialog asking for a required text (a reason, a note of what was checked) before an action;
// the server's refusal is shown inside it.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslate } from 'react-admin';

interface Props {
  open: boolean;
  title: string;
  label: string;
  confirm: string;
  onClose: () => void;
  onConfirm: (text: string) => Promise<void>;
}

export const ReasonDialog = ({ open, title, label, confirm, onClose, onConfirm }: Props) => {
  const translate = useTranslate();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!text.trim()) {
      setError(translate('ra.validation.required'));
      return;
    }
    setBusy(true);
    try {
      await onConfirm(text.trim());
      setText('');
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={`${id}-title`} fullWidth maxWidth="sm">
      <DialogTitle id={`${id}-title`}>{translate(title)}</DialogTitle>
      <DialogContent>
        {error ? (
          <Alert severity="error" sx={{ mb: 1 }}>
            {error}
          </Alert>
        ) : null}
        <TextField
          autoFocus
          required
          multiline
          minRows={2}
          fullWidth
          margin="dense"
          label={translate(label)}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={submit}>
          {translate(confirm)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
