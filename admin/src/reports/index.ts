// Reports on listings (moderators), spread into <Resource>.
import FlagIcon from '@mui/icons-material/Flag';
import { ReportList } from './ReportList.tsx';
import { ReportShow } from './ReportShow.tsx';

export default { list: ReportList, show: ReportShow, icon: FlagIcon, recordRepresentation: 'title' };
