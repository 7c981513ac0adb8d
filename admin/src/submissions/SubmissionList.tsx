// The moderation queue, oldest first; pending by default.
import {
  DataTable,
  List,
  NumberInput,
  SelectArrayInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { LocaleDateField } from '../i18n/localeFields.tsx';
import { submissionKindChoices, submissionStatusChoices } from './choices.ts';

const filters = [
  <SelectInput key="status" source="status" choices={submissionStatusChoices} alwaysOn />,
  <SelectArrayInput key="kinds" source="kinds" choices={submissionKindChoices} alwaysOn sx={{ minWidth: 200 }} />,
  <TextInput key="departmentCode" source="departmentCode" />,
  <NumberInput key="olderThanDays" source="olderThanDays" min={0} />,
];

export const SubmissionList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ status: 'PENDING' }}
    perPage={25}
    exporter={false}
    sort={{ field: 'createdAt', order: 'ASC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="createdAt" disableSort>
        <LocaleDateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="kind" disableSort>
        <SelectField source="kind" choices={submissionKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="title" disableSort>
        <TextField source="title" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="departmentCode" disableSort />
      <DataTable.Col source="status" disableSort>
        <SelectField source="status" choices={submissionStatusChoices} />
      </DataTable.Col>
    </DataTable>
  </List>
);
