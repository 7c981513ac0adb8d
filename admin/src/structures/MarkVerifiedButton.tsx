// "Marquer comme vérifiée": records that the listing was checked now (a VERIFY revision).
import VerifiedIcon from '@mui/icons-material/Verified';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { notifyError } from '../graphql.ts';
import { markVerified } from '../revisions/data.ts';

export const MarkVerifiedButton = () => {
  const record = useRecordContext<{ id: string }>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  const verify = async () => {
    try {
      await markVerified(record.id);
      notify('repere.revision.verified', { type: 'success' });
      refresh();
    } catch (e) {
      notifyError(notify, e);
    }
  };
  return (
    <Button label="repere.revision.verify" onClick={verify}>
      <VerifiedIcon />
    </Button>
  );
};
