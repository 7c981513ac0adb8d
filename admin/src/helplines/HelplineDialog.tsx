// The dialog that adds or changes a helpline: every field of HelplineInput. The id names the
// line, so it is fixed once saved; the server validates the rest and its refusal is shown.
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  TextField,
} from '@mui/material';
import { useId, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { type Helpline, helplineChannels, saveHelpline } from './data.ts';

export const emptyHelpline: Helpline = {
  id: '',
  number: '',
  name: '',
  description: null,
  hours: null,
  free: true,
  cost: null,
  channels: ['PHONE'],
  audience: null,
  website: null,
};

type TextKey = 'id' | 'number' | 'name' | 'description' | 'hours' | 'cost' | 'audience' | 'website';

export const HelplineDialog = ({ initial, onClose }: { initial: Helpline; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const id = useId();
  const [line, setLine] = useState<Helpline>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = !initial.id;
  const text = (key: TextKey, options: { required?: boolean; multiline?: boolean; type?: string } = {}) => (
    <TextField
      fullWidth
      margin="dense"
      required={options.required}
      multiline={options.multiline}
      minRows={options.multiline ? 2 : undefined}
      type={options.type}
      disabled={key === 'id' && !isNew}
      label={translate(`resources.helplines.fields.${key}`, { _: key })}
      helperText={key === 'hours' ? translate('repere.helplines.hoursHelp') : undefined}
      value={line[key] ?? ''}
      onChange={(e) => setLine({ ...line, [key]: e.target.value })}
    />
  );
  const submit = async () => {
    if (!line.id.trim() || !line.number.trim() || !line.name.trim() || !line.channels.length) {
      setError(translate('ra.validation.required'));
      return;
    }
    setBusy(true);
    try {
      await saveHelpline(line);
      notify('repere.helplines.saved', { type: 'success' });
      refresh();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={`${id}-title`} fullWidth maxWidth="sm">
      <DialogTitle id={`${id}-title`}>
        {isNew ? translate('repere.helplines.add') : `${translate('repere.helplines.title')} ${initial.name}`}
      </DialogTitle>
      <DialogContent>
        {error ? (
          <Alert severity="error" sx={{ mb: 1 }}>
            {error}
          </Alert>
        ) : null}
        {text('id', { required: true })}
        {text('number', { required: true })}
        {text('name', { required: true })}
        {text('description', { multiline: true })}
        {text('hours')}
        {text('audience')}
        {text('website', { type: 'url' })}
        <FormControlLabel
          control={<Checkbox checked={line.free} onChange={(e) => setLine({ ...line, free: e.target.checked })} />}
          label={translate('repere.helplines.free')}
        />
        {text('cost')}
        <FormLabel component="legend" sx={{ mt: 1 }}>
          {translate('resources.helplines.fields.channels')}
        </FormLabel>
        <FormGroup row>
          {helplineChannels.map((c) => (
            <FormControlLabel
              key={c}
              label={c}
              control={
                <Checkbox
                  checked={line.channels.includes(c)}
                  onChange={(e) =>
                    setLine({
                      ...line,
                      channels: e.target.checked ? [...line.channels, c] : line.channels.filter((x) => x !== c),
                    })
                  }
                />
              }
            />
          ))}
        </FormGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={submit}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
