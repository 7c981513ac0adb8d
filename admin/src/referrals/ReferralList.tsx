// A professional's referrals: what their structures received (to acknowledge, then close) and
// what they sent, newest first, each paged through its cursor connection. Each structure's name,
// the urgency as a chip, and when the server purges it.
import { Box, Button, Card, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  DataTable,
  FunctionField,
  ListBase,
  Title,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { notifyError } from '../graphql.ts';
import { LocaleDateField, useFormatLocale } from '../i18n/localeFields.tsx';
import { advanceReferral, type Referral } from './data.ts';
import { ReferralPagination } from './ReferralPagination.tsx';

// Background colours dark enough for white text (WCAG AA contrast).
const urgencyColours = { ROUTINE: '#37474f', SOON: '#8a4600', URGENT: '#a4001d' } as const;

export const UrgencyChip = () => {
  const record = useRecordContext<Referral>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      label={translate(`repere.referrals.urgency.${record.urgency}`)}
      data-urgency={record.urgency}
      sx={{ bgcolor: urgencyColours[record.urgency], color: '#fff', fontWeight: 600 }}
    />
  );
};

const Status = (_props: { source: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField<Referral>
      source="status"
      render={(r) => <span data-status={r.status}>{translate(`repere.referrals.status.${r.status}`)}</span>}
    />
  );
};

const Purge = (_props: { source: string }) => {
  const translate = useTranslate();
  const locale = useFormatLocale();
  return (
    <FunctionField<Referral>
      source="purgeAt"
      render={(r) => translate('repere.referrals.purgeOn', { date: new Date(r.purgeAt).toLocaleDateString(locale) })}
    />
  );
};

/** Only the receiving structure moves a referral on: acknowledged, then closed. */
const Actions = () => {
  const record = useRecordContext<Referral>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (record?.direction !== 'INBOX' || record.status === 'CLOSED') return null;
  const run = (action: 'acknowledge' | 'close') => async () => {
    setBusy(true);
    try {
      await advanceReferral(action, record.id);
      notify(action === 'acknowledge' ? 'repere.referrals.acknowledged' : 'repere.referrals.closed', {
        type: 'success',
      });
      refresh();
    } catch (error) {
      notifyError(notify, error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" sx={{ gap: 1 }}>
      {record.status === 'SENT' ? (
        <Button size="small" variant="contained" disabled={busy} onClick={run('acknowledge')}>
          {translate('repere.referrals.acknowledge')}
        </Button>
      ) : null}
      <Button size="small" variant="outlined" disabled={busy} onClick={run('close')}>
        {translate('repere.referrals.close')}
      </Button>
    </Stack>
  );
};

const Box_ = ({ box }: { box: 'INBOX' | 'SENT' }) => {
  const translate = useTranslate();
  return (
    <Box component="section" data-box={box} sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2" sx={{ my: 1 }}>
        {translate(box === 'INBOX' ? 'repere.referrals.inbox' : 'repere.referrals.sent')}
      </Typography>
      <ListBase
        resource="referrals"
        filter={{ box }}
        perPage={25}
        disableSyncWithLocation
        storeKey={`referrals.${box}`}
      >
        <Card>
          <DataTable
            bulkActionButtons={false}
            rowClick={false}
            empty={<Typography sx={{ p: 2 }}>{translate('repere.referrals.empty')}</Typography>}
          >
            <DataTable.Col source="urgency" disableSort>
              <UrgencyChip />
            </DataTable.Col>
            <DataTable.Col source="status" disableSort>
              <Status source="status" />
            </DataTable.Col>
            <DataTable.Col source="fromStructure" disableSort>
              <FunctionField<Referral> source="fromStructure" render={(r) => r.fromStructure?.name ?? '—'} />
            </DataTable.Col>
            <DataTable.Col source="toStructure" disableSort>
              <FunctionField<Referral> source="toStructure" render={(r) => r.toStructure?.name ?? '—'} />
            </DataTable.Col>
            <DataTable.Col source="message" disableSort>
              <FunctionField<Referral>
                source="message"
                render={(r) => <Box sx={{ whiteSpace: 'pre-wrap', maxWidth: 420 }}>{r.message}</Box>}
              />
            </DataTable.Col>
            <DataTable.Col source="createdAt" disableSort>
              <LocaleDateField source="createdAt" showTime />
            </DataTable.Col>
            <DataTable.Col source="purgeAt" disableSort>
              <Purge source="purgeAt" />
            </DataTable.Col>
            {box === 'INBOX' ? (
              <DataTable.Col label={false} disableSort>
                <Actions />
              </DataTable.Col>
            ) : null}
          </DataTable>
          <ReferralPagination />
        </Card>
      </ListBase>
    </Box>
  );
};

export const ReferralList = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('resources.referrals.name', { smart_count: 2 })} />
      <Box_ box="INBOX" />
      <Box_ box="SENT" />
    </Box>
  );
};
