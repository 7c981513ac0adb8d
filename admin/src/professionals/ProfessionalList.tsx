// Professional accounts by status (pending by default), oldest first.
import { DataTable, List, SelectField, SelectInput } from 'react-admin';
import { LocaleDateField } from '../i18n/localeFields.tsx';
import { accountStatusChoices, professionalStatusChoices } from './choices.ts';

const filters = [<SelectInput key="status" source="status" choices={professionalStatusChoices} alwaysOn />];

export const ProfessionalList = () => (
  <List filters={filters} filterDefaultValues={{ status: 'PENDING' }} perPage={25} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="email" disableSort />
      <DataTable.Col source="organisation" disableSort />
      <DataTable.Col source="jobTitle" disableSort />
      <DataTable.Col source="status" disableSort>
        <SelectField source="status" choices={accountStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="createdAt" disableSort>
        <LocaleDateField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col source="vettedUntil" disableSort>
        <LocaleDateField source="vettedUntil" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);
