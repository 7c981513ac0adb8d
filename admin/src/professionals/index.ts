// Professional accounts (admins), spread into <Resource>.
import BadgeIcon from '@mui/icons-material/Badge';
import { ProfessionalList } from './ProfessionalList.tsx';
import { ProfessionalShow } from './ProfessionalShow.tsx';

export default { list: ProfessionalList, show: ProfessionalShow, icon: BadgeIcon, recordRepresentation: 'name' };
