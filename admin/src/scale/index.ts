// The self-assessment scale (admins), spread into <Resource>: one page, no list of records.
import SpeedIcon from '@mui/icons-material/Speed';
import { ScaleEditor } from './ScaleEditor.tsx';

export default { list: ScaleEditor, icon: SpeedIcon };
