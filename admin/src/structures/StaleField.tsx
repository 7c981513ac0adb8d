// Listings not verified for a year are not served as current: say so plainly.
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export const StaleField = ({ showFresh }: { source?: string; showFresh?: boolean }) => {
  const record = useRecordContext<{ stale?: boolean }>();
  const translate = useTranslate();
  if (!record) return null;
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
