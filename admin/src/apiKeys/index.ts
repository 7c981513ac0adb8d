// API keys (admins), spread into <Resource>.
import KeyIcon from '@mui/icons-material/Key';
import { ApiKeyList } from './ApiKeyList.tsx';

export default { list: ApiKeyList, icon: KeyIcon, recordRepresentation: 'name' };
