// Importing data·inclusion files into the moderation queue: two files, then what became of them
// (counts, and each skipped record by file, position and field). The server decides everything.
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { localizeProblem } from '../i18n/server-errors.ts';
import { type ImportReport, importDataInclusion, maxImportBytes } from './importData.ts';

const FileField = ({ label, onChange }: { label: string; onChange: (file: File | null) => void }) => {
  const id = useId();
  return (
    <Stack spacing={0.5}>
      <Typography component="label" htmlFor={id} variant="body2">
        {label}
      </Typography>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
    </Stack>
  );
};

export const ImportButton = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [structures, setStructures] = useState<File | null>(null);
  const [services, setServices] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const close = () => {
    setOpen(false);
    setReport(null);
    setError(null);
    refresh();
  };
  const submit = async () => {
    if (!structures || !services) return setError(translate('repere.import.missing'));
    if (structures.size + services.size > maxImportBytes - 64 * 1024)
      return setError(translate('repere.import.tooLarge'));
    setBusy(true);
    setError(null);
    try {
      setReport(await importDataInclusion(await structures.text(), await services.text()));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => setOpen(true)}>
        {translate('repere.import.button')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} aria-labelledby={`${id}-title`} fullWidth maxWidth="md">
        <DialogTitle id={`${id}-title`}>{translate('repere.import.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2">{translate('repere.import.help')}</Typography>
            <FileField label={translate('repere.import.structures')} onChange={setStructures} />
            <FileField label={translate('repere.import.services')} onChange={setServices} />
            {error && <Alert severity="error">{error}</Alert>}
            {report && (
              <Alert severity={report.invalid ? 'warning' : 'success'} data-import-summary="true">
                {translate('repere.import.summary', {
                  created: report.created,
                  corrections: report.corrections,
                  unchanged: report.unchanged,
                  invalid: report.invalid,
                })}
              </Alert>
            )}
            {report && report.problems.length > 0 && (
              <Table size="small" aria-label={translate('repere.import.problems')} data-import-problems="true">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('repere.import.file')}</TableCell>
                    <TableCell>{translate('repere.import.index')}</TableCell>
                    <TableCell>{translate('repere.import.field')}</TableCell>
                    <TableCell>{translate('repere.import.message')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.problems.map((p) => (
                    <TableRow key={`${p.file}-${p.index}-${p.field}`}>
                      <TableCell>{p.file.toLowerCase()}</TableCell>
                      <TableCell>{p.index}</TableCell>
                      <TableCell>{p.field}</TableCell>
                      <TableCell>{localizeProblem(p.key, p.params, translate) ?? p.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            {translate('repere.import.close')}
          </Button>
          {!report && (
            <Button variant="contained" onClick={submit} disabled={busy}>
              {translate('repere.import.submit')}
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
