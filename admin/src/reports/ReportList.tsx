// Reports on listings (closed, wrong phone…), oldest first; pending by default.
import { DataTable, List, SelectField, SelectInput, TextField, TextInput } from 'react-admin';
import { LocaleDateField } from '../i18n/localeFields.tsx';
import { reportReasonChoices, submissionStatusChoices } from '../submissions/choices.ts';
import { StructureLink } from './StructureLink.tsx';

const filters = [
  <SelectInput key="status" source="status" choices={submissionStatusChoices} alwaysOn />,
  <TextInput key="departmentCode" source="departmentCode" alwaysOn />,
];

export const ReportList = () => (
  <List filters={filters} filterDefaultValues={{ status: 'PENDING' }} perPage={25} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="structure" disableSort>
        <StructureLink source="structure" />
      </DataTable.Col>
      <DataTable.Col source="reason" disableSort>
        <SelectField source="reason" choices={reportReasonChoices} />
      </DataTable.Col>
      <DataTable.Col source="comment" disableSort>
        <TextField source="comment" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="createdAt" disableSort>
        <LocaleDateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="departmentCode" disableSort />
      <DataTable.Col source="status" disableSort>
        <SelectField source="status" choices={submissionStatusChoices} />
      </DataTable.Col>
    </DataTable>
  </List>
);
