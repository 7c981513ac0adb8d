// National helplines (admins): whether each is open now, a dialog to add or change one, and
// a confirmed delete.
import { Button, Chip, Stack } from '@mui/material';
import { useState } from 'react';
import {
  DataTable,
  FunctionField,
  List,
  TextField as RaTextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DeleteHelplineButton } from './DeleteHelplineButton.tsx';
import type { Helpline } from './data.ts';
import { emptyHelpline, HelplineDialog } from './HelplineDialog.tsx';

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
      {open ? <HelplineDialog initial={emptyHelpline} onClose={() => setOpen(false)} /> : null}
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
        <Stack direction="row" sx={{ gap: 1 }}>
          <EditButton />
          <DeleteHelplineButton />
        </Stack>
      </DataTable.Col>
    </DataTable>
  </List>
);
