// Moderator and admin accounts (admins), spread into <Resource>.
import ShieldIcon from '@mui/icons-material/AdminPanelSettings';
import { StaffList } from './StaffList.tsx';

export default { list: StaffList, icon: ShieldIcon, recordRepresentation: 'name' };
