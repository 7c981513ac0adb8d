// The revisions tab of a structure: each revision's diff, and "Restaurer" on the older ones.
import RestoreIcon from '@mui/icons-material/Restore';
import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useGetManyReference, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ChangesTable, type FieldChange } from '../ChangesTable.tsx';
import { notifyError } from '../graphql.ts';
import { useFormatLocale } from '../i18n/localeFields.tsx';
import { restoreRevision } from './data.ts';

interface Revision {
  id: string;
  number: number;
  at: string;
  action: string;
  changes: FieldChange[];
}

const RestoreButton = ({ revision }: { revision: Revision }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const restore = async () => {
    try {
      const number = await restoreRevision(revision.id);
      notify('repere.revision.restored', { type: 'success', messageArgs: { number } });
      refresh();
    } catch (e) {
      notifyError(notify, e);
    }
  };
  return (
    <Button size="small" startIcon={<RestoreIcon />} onClick={restore}>
      {translate('repere.revision.restore')}
    </Button>
  );
};

export const RevisionList = () => {
  const locale = useFormatLocale();
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const { data, error } = useGetManyReference<Revision>(
    'revisions',
    {
      target: 'structureId',
      id: record?.id ?? '',
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'number', order: 'DESC' },
    },
    { enabled: Boolean(record?.id) },
  );
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  if (!data) return null;
  if (!data.length) return <Typography>{translate('repere.revision.none')}</Typography>;
  return (
    <Stack sx={{ gap: 2 }} data-revisions="true">
      {data.map((r, i) => (
        <Card key={r.id} variant="outlined" data-revision={r.number}>
          <CardContent>
            <Stack direction="row" sx={{ gap: 2, alignItems: 'center', mb: 1 }}>
              <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
                {translate('repere.revision.number', { number: r.number })}
              </Typography>
              <Typography variant="body2">{new Date(r.at).toLocaleString(locale)}</Typography>
              <Typography variant="body2">{translate(`repere.revisionAction.${r.action}`)}</Typography>
              {i > 0 ? <RestoreButton revision={r} /> : null}
            </Stack>
            <ChangesTable changes={r.changes} />
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};
