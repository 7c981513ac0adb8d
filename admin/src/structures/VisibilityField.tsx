// The visibility level, unmistakable: a coloured chip with an icon and the label, never colour alone.
import LockIcon from '@mui/icons-material/Lock';
import PublicIcon from '@mui/icons-material/Public';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { Chip, Tooltip } from '@mui/material';
import type { ReactElement } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';

// Background colours dark enough for white text (WCAG AA contrast).
const looks: Record<string, { bgcolor: string; icon: ReactElement } | undefined> = {
  PUBLIC: { bgcolor: '#1b5e20', icon: <PublicIcon /> },
  RESTRICTED: { bgcolor: '#8a4600', icon: <VisibilityOffIcon /> },
  CONFIDENTIAL: { bgcolor: '#a4001d', icon: <LockIcon /> },
};

export const VisibilityField = (props: { source?: string; record?: { visibility?: string } }) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  const level = record?.visibility;
  const look = level ? looks[level] : undefined;
  if (!level || !look) return null;
  return (
    <Tooltip title={translate(`repere.visibilityHelp.${level}`)} describeChild>
      <Chip
        size="small"
        icon={look.icon}
        label={translate(`repere.visibility.${level}`)}
        data-visibility={level}
        sx={{ bgcolor: look.bgcolor, color: '#fff', fontWeight: 600, '& .MuiChip-icon': { color: '#fff' } }}
      />
    </Tooltip>
  );
};
