// National helplines (admins): whether each is open now, and a dialog to add or change one.
import {
  Alert,
  Button,
  Checkbox,
  Chip,
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
import {
  DataTable,
  FunctionField,
  List,
  TextField as RaTextField,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { type Helpline, helplineChannels, saveHelpline } from './data.ts';

const empty: Helpline = {
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

const OpenNow = () => {
  const record = useRecordContext<Helpline>();
  const translate = useTranslate();
  if (!record) return null;
  const state = record.openNow == null ? 'unknown' : record.openNow ? 'open' : 'closed';
  // Dark backgrounds for white text (WCAG AA); the word says it, not the colour alone.
  const bgcolor = { open: '#1b5e20', closed: '#a4001d', unknown: '#37474f' }[state];
  return (
    <Chip
      size="small"
      data-open={state}
      label={translate(`repere.helplines.${state}`)}
      sx={{ bgcolor, color: '#fff', fontWeight: 600 }}
    />
  );
};

const HelplineDialog = ({ initial, onClose }: { initial: Helpline; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const id = useId();
  const [line, setLine] = useState<Helpline>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = !initial.id;
  const text = (key: keyof Helpline, required = false) => (
    <TextField
      fullWidth
      margin="dense"
      required={required}
      disabled={key === 'id' && !isNew}
      label={translate(`resources.helplines.fields.${key}`, { _: key })}
      value={(line[key] as string | null) ?? ''}
      onChange={(e) => setLine({ ...line, [key]: e.target.value })}
    />
  );
  const submit = async () => {
    if (!line.id.trim() || !line.number.trim() || !line.name.trim()) {
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
        {text('id', true)}
        {text('number', true)}
        {text('name', true)}
        {text('hours')}
        <FormControlLabel
          control={<Checkbox checked={line.free} onChange={(e) => setLine({ ...line, free: e.target.checked })} />}
          label={translate('repere.helplines.free')}
        />
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

const EditButton = () => {
  const record = useRecordContext<Helpline>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button
        size="small"
        onClick={() => setOpen(true)}
        aria-label={`${translate('repere.helplines.edit')} ${record.name}`}
      >
        {translate('repere.helplines.edit')}
      </Button>
      {open ? <HelplineDialog initial={record} onClose={() => setOpen(false)} /> : null}
    </>
  );
};

const Actions = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <TopToolbar>
      <Button size="small" variant="contained" onClick={() => setOpen(true)}>
        {translate('repere.helplines.add')}
      </Button>
      {open ? <HelplineDialog initial={empty} onClose={() => setOpen(false)} /> : null}
    </TopToolbar>
  );
};

export const HelplineList = () => (
  <List perPage={50} exporter={false} actions={<Actions />} pagination={false} empty={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="id" disableSort />
      <DataTable.Col source="number" disableSort />
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="hours" disableSort>
        <RaTextField source="hours" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="channels" disableSort>
        <FunctionField<Helpline> source="channels" render={(r) => r.channels.join(', ')} />
      </DataTable.Col>
      <DataTable.Col source="openNow" disableSort>
        <OpenNow />
      </DataTable.Col>
      <DataTable.Col label={false} disableSort>
        <EditButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
