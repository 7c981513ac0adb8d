// Referrals (vetted professionals), spread into <Resource>.
import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import { ReferralList } from './ReferralList.tsx';

export default { list: ReferralList, icon: ForwardToInboxIcon };
