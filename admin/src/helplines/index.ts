// National helplines (admins), spread into <Resource>.
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import { HelplineList } from './HelplineList.tsx';

export default { list: HelplineList, icon: PhoneInTalkIcon };
