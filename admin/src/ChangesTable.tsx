// A field-by-field diff (`changes { field before after }`), as a table: before struck through in
// red, after in green, with text labels so colour is never the only cue.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

type Translate = (key: string, options?: object) => string;

const empty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);

/** Vocabularies whose values have labels (repere.<prefix>.<value>). */
const vocabularies: Record<string, string> = {
  kind: 'kind',
  visibility: 'visibility',
  status: 'status',
  services: 'service',
  gender: 'gender',
  accessModes: 'accessMode',
  mobilisers: 'mobiliser',
};

function show(field: string, value: unknown, translate: Translate): string {
  if (empty(value)) return '—';
  const prefix = vocabularies[field];
  const label = (v: unknown) =>
    typeof v === 'object'
      ? JSON.stringify(v)
      : prefix
        ? translate(`repere.${prefix}.${v}`, { _: String(v) })
        : String(v);
  return Array.isArray(value) ? value.map(label).join(', ') : label(value);
}

export const ChangesTable = ({ changes }: { changes?: FieldChange[] | null }) => {
  const translate = useTranslate();
  const shown = (changes ?? []).filter((c) => !(empty(c.before) && empty(c.after)));
  if (!shown.length) return <span>{translate('repere.diff.none')}</span>;
  return (
    <Table size="small" data-diff="true" sx={{ maxWidth: 900 }}>
      <TableHead>
        <TableRow>
          <TableCell component="th">{translate('repere.diff.field')}</TableCell>
          <TableCell component="th">{translate('repere.diff.before')}</TableCell>
          <TableCell component="th">{translate('repere.diff.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {shown.map((c) => (
          <TableRow key={c.field} data-field={c.field}>
            <TableCell>{translate(`resources.structures.fields.${c.field}`, { _: c.field })}</TableCell>
            <TableCell sx={{ color: '#a4001d', textDecoration: 'line-through', wordBreak: 'break-word' }}>
              {show(c.field, c.before, translate)}
            </TableCell>
            <TableCell sx={{ color: '#1b5e20', fontWeight: 600, wordBreak: 'break-word' }}>
              {show(c.field, c.after, translate)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
