// Moderators and admins, oldest first, with their status; create one, revoke one.
import { DataTable, List, SelectField, SelectInput, TextField, TopToolbar } from 'react-admin';
import { LocaleDateField } from '../i18n/localeFields.tsx';
import { CreateStaffButton } from './CreateStaffButton.tsx';
import { staffRoleChoices, staffStatusChoices } from './choices.ts';
import { RevokeButton } from './RevokeButton.tsx';

const filters = [<SelectInput key="status" source="status" choices={staffStatusChoices} alwaysOn />];

const Actions = () => (
  <TopToolbar>
    <CreateStaffButton />
  </TopToolbar>
);

export const StaffList = () => (
  <List filters={filters} actions={<Actions />} perPage={25} exporter={false}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="email" disableSort />
      <DataTable.Col source="role" disableSort>
        <SelectField source="role" choices={staffRoleChoices} />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <SelectField source="status" choices={staffStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="createdAt" disableSort>
        <LocaleDateField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col source="decisionReason" disableSort>
        <TextField source="decisionReason" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col label="resources.moderators.fields.actions" disableSort>
        <RevokeButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
