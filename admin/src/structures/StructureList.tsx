// The directory as the viewer may see it; the server decides which rows and fields come back.
import {
  BooleanInput,
  DataTable,
  DateField,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextInput,
  usePermissions,
} from 'react-admin';
import { kindChoices, serviceChoices, statusChoices } from './choices.ts';
import { StaleField } from './StaleField.tsx';
import { VisibilityField } from './VisibilityField.tsx';

const filters = (moderator: boolean) => [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="departmentCode" source="departmentCode" />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
  <SelectInput key="service" source="service" label="resources.structures.fields.services" choices={serviceChoices} />,
  <BooleanInput key="needsVerification" source="needsVerification" />,
  ...(moderator ? [<SelectInput key="status" source="status" choices={statusChoices} />] : []),
];

export const StructureList = () => {
  const { permissions } = usePermissions();
  const moderator = permissions === 'MODERATOR' || permissions === 'ADMIN';
  return (
    <List filters={filters(moderator)} perPage={25} exporter={false} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="visibility" disableSort>
          <VisibilityField />
        </DataTable.Col>
        <DataTable.Col source="kind" disableSort>
          <SelectField source="kind" choices={kindChoices} />
        </DataTable.Col>
        <DataTable.Col source="city" disableSort />
        <DataTable.Col source="departmentCode" disableSort />
        <DataTable.Col source="lastVerifiedAt" disableSort>
          <DateField source="lastVerifiedAt" locales="fr-FR" />
        </DataTable.Col>
        <DataTable.Col source="stale" disableSort>
          <StaleField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
