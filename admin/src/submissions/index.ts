// The moderation queue (moderators), spread into <Resource>.
import InboxIcon from '@mui/icons-material/Inbox';
import { SubmissionList } from './SubmissionList.tsx';
import { SubmissionShow } from './SubmissionShow.tsx';

export default { list: SubmissionList, show: SubmissionShow, icon: InboxIcon, recordRepresentation: 'title' };
