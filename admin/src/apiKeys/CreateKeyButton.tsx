// Creating a key: its name first, then the key itself, shown this once with a copy button.
import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { notifyError } from '../graphql.ts';
import { ReasonDialog } from '../ReasonDialog.tsx';
import { createApiKey } from './data.ts';

export const CreateKeyButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const id = useId();
  const [naming, setNaming] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const create = async (name: string) => {
    setKey(await createApiKey(name));
    setNaming(false);
    refresh();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(key ?? '');
      notify('repere.apiKey.copied', { type: 'info' });
    } catch (e) {
      notifyError(notify, e);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setNaming(true)}>
        {translate('repere.apiKey.create')}
      </Button>
      <ReasonDialog
        open={naming}
        title="repere.apiKey.createTitle"
        label="repere.apiKey.name"
        confirm="repere.apiKey.create"
        onClose={() => setNaming(false)}
        onConfirm={create}
      />
      <Dialog open={key !== null} aria-labelledby={`${id}-key`} fullWidth maxWidth="sm">
        <DialogTitle id={`${id}-key`}>{translate('repere.apiKey.created')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('repere.apiKey.warning')}
          </Alert>
          <Typography component="code" data-api-key="true" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {key}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button startIcon={<ContentCopyIcon />} onClick={copy}>
            {translate('repere.apiKey.copy')}
          </Button>
          <Button variant="contained" onClick={() => setKey(null)}>
            {translate('repere.apiKey.done')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
