// The structures resource, spread into <Resource> (edit only for the roles the server lets edit).
import PlaceIcon from '@mui/icons-material/Place';
import { StructureCreate } from './StructureCreate.tsx';
import { StructureEdit } from './StructureEdit.tsx';
import { StructureList } from './StructureList.tsx';
import { StructureShow } from './StructureShow.tsx';

export default {
  list: StructureList,
  show: StructureShow,
  edit: StructureEdit,
  create: StructureCreate,
  icon: PlaceIcon,
  recordRepresentation: 'name',
};
