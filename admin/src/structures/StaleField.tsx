// Listings not verified for a year are not served as current: say so plainly. In the list, every
// row says where it stands: up to date, due for verification (six months), or stale (a year).
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Chip, Typography } from '@mui/material';
import { verifyAfterDays } from '@repere/shared/freshness';
import { useRecordContext, useTranslate } from 'react-admin';

export const StaleField = ({ showFresh, showDue }: { source?: string; showFresh?: boolean; showDue?: boolean }) => {
  const record = useRecordContext<{ stale?: boolean; lastVerifiedAt?: string | null }>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.stale && showDue) {
    const verified = record.lastVerifiedAt ? Date.parse(record.lastVerifiedAt) : null;
    const due = verified === null || Date.now() - verified > verifyAfterDays * 86_400_000;
    return due ? (
      <Chip size="small" variant="outlined" label={translate('repere.due')} data-due="true" />
    ) : (
      <Typography variant="body2">{translate('repere.upToDate')}</Typography>
    );
  }
  if (!record.stale) return showFresh ? <Typography variant="body2">{translate('repere.fresh')}</Typography> : null;
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<WarningAmberIcon />}
      label={translate('repere.stale')}
      data-stale="true"
      sx={{ borderColor: '#8a4600', color: '#6b3600', '& .MuiChip-icon': { color: '#8a4600' } }}
    />
  );
};
